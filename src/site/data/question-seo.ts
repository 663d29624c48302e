import { answerProse, excerpt } from "../../browse/answer-text";
import { inlineMarkdownToText } from "../../markdown/inline-markdown";
import { absoluteUrl } from "../../seo/absolute-url";
import { qaPage } from "../../seo/json-ld";
import { sessionLabel } from "../../core/sessions";
import { questionPath, topicPath } from "../../core/site-paths";
import { parseQuestionId } from "../../import/question-ids";
import { topicPageOf } from "../../browse/topic-pages";
import { getTopic } from "../../core/topics";
import type { BreadcrumbStep, PageSeo } from "./page-seo";
import type { Question } from "./questions";

/** Longest meta description: about what search engines and chat unfurls show before cutting. */
export const DESCRIPTION_LENGTH = 150;
/** Longest answer text in the structured data: the start of the answer, as in the description. */
const STRUCTURED_ANSWER_LENGTH = DESCRIPTION_LENGTH;

/** How a question page presents itself to unfurlers and search engines. */
export function questionSeo(question: Question, site: URL, base: string) {
  const { data } = question.entry;
  const topic = getTopic(question.topic);
  const path = questionPath(question.topic, question.id);
  const url = absoluteUrl(site, base, path);
  const text = inlineMarkdownToText(data.question);
  const prose = answerProse(question.entry.body ?? "");
  const source = sessionLabel(data.course, data.session, data.track);
  const description = prose ? excerpt(prose, DESCRIPTION_LENGTH) : `아직 답변이 없는 질문입니다. ${topic.label} · ${source}`;
  // Ancestors only: the page itself is the <h1> (and in the structured data, the Question).
  const breadcrumbs: BreadcrumbStep[] = [
    { label: "홈", path: "" },
    // The topic page that lists this question (long topics are split by id range).
    { label: topic.label, path: topicPath(topic.id, topicPageOf(parseQuestionId(question.id)?.number ?? 1)) },
  ];
  const page = {
    path,
    ogTitle: text,
    ogType: "article",
    card: question.topic,
    breadcrumbs,
    jsonLd: [qaPage({ url, question: text, answer: excerpt(prose, STRUCTURED_ANSWER_LENGTH), author: data.course, inLanguage: "ko" })],
  } satisfies PageSeo & { breadcrumbs: BreadcrumbStep[] };
  return { url, description, page };
}
