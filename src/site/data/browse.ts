import type { GlossaryTerm } from "../../search/glossary";
import { groupByTag, questionTags, type TagGroup } from "../../browse/question-tags";
import { relatedQuestions } from "../../browse/related-questions";
import { sessionIndex, type SessionSummary } from "../../browse/session-index";
import { TOPIC_IDS } from "../../core/topics";
import { getAllQuestions, type Question } from "./questions";

/** What the browsing pages need, computed once per build for every question. */
export interface BrowseData {
  /** A question's tags, in glossary order. */
  tagsOf(question: Question): readonly GlossaryTerm[];
  /** 3–5 related questions, best first. */
  relatedTo(question: Question): readonly Question[];
  /** Tags that tag at least one question, in glossary order, each with its questions in site order. */
  readonly tags: readonly TagGroup<Question>[];
  /** Sessions, newest first, with their questions per topic. */
  readonly sessions: readonly SessionSummary<Question>[];
}

const keyOf = (q: Question) => `${q.topic}/${q.id}`;
let cached: Promise<BrowseData> | undefined;

/** Every page asks; the first ask computes (tags, related questions, tag and session indexes) and the rest share it. */
export function getBrowseData(): Promise<BrowseData> {
  cached ??= getAllQuestions().then(computeBrowseData);
  return cached;
}

function computeBrowseData(questions: Question[]): BrowseData {
  const tags = new Map(questions.map((q) => [keyOf(q), questionTags(q.entry.data.question, q.entry.body ?? "")]));
  const tagsOf = (q: Question) => tags.get(keyOf(q)) ?? [];
  const related = relatedQuestions(questions.map((q) => ({ topic: q.topic, terms: tagsOf(q).map((t) => t.id) })));
  const relatedByKey = new Map(questions.map((q, i) => [keyOf(q), related[i]!.map((j) => questions[j]!)]));
  return {
    tagsOf,
    relatedTo: (q) => relatedByKey.get(keyOf(q)) ?? [],
    tags: groupByTag(questions, tagsOf),
    sessions: sessionIndex(
      questions,
      (q) => ({ course: q.entry.data.course, session: q.entry.data.session, track: q.entry.data.track, topic: q.topic }),
      TOPIC_IDS,
    ),
  };
}
