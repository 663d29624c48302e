import { buildSettings } from "../../core/build-settings.mjs";
import type { RetiredPages } from "../../entries/url-history";
import { readUrlHistory } from "../../entries/url-history-files";
import { questionTags } from "../../browse/question-tags";
import { relatedQuestions } from "../../browse/related-questions";
import { getAllQuestions, type Question } from "./questions";
import { getBrowseData } from "./browse";

/**
 * The tombstone and redirect pages of this build (src/entries/url-history.ts), from the content
 * folder's id ledger, its published-URL list and its entry files.
 */
export function getRetiredPages(): RetiredPages {
  // Not cached: a build asks once (getStaticPaths), and `astro dev` must see entries deleted since it started.
  return readUrlHistory(buildSettings().contentDir).retired;
}

/** Up to five live questions closest to a removed one's text, by shared glossary terms (same topic first). */
export async function questionsLike(topic: Question["topic"], questionText: string): Promise<Question[]> {
  const questions = await getAllQuestions();
  const browse = await getBrowseData();
  const items = questions.map((q) => ({ topic: q.topic, terms: browse.tagsOf(q).map((t) => t.id) }));
  items.push({ topic, terms: questionTags(questionText, "").map((t) => t.id) });
  const related = relatedQuestions(items, { max: 5, min: 3 });
  return (related[items.length - 1] ?? []).map((i) => questions[i]!).filter(Boolean);
}
