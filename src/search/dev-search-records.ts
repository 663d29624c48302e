import { inlineMarkdownToText } from "../markdown/inline-markdown";
import { markdownToPlainText } from "../markdown/plain-text";
import { questionPath, withBase } from "../core/site-paths";
import { getTopic, type TopicId } from "../core/topics";

/** A question entry as the dev server reads it from the content folder. */
export interface DevSearchEntry {
  readonly topic: TopicId;
  readonly id: string;
  readonly question: string;
  readonly body: string;
}

/** A Pagefind custom record (`index.addCustomRecord`). */
export interface SearchRecord {
  readonly url: string;
  readonly content: string;
  readonly language: string;
  readonly meta: Record<string, string>;
  readonly filters: Record<string, string[]>;
}

/**
 * The record the dev server indexes for one question: the same URL, title and topic filter that
 * the built page gives Pagefind (`<h1>` as title, `data-pagefind-filter="topic:…"`), and the
 * question and answer as text.
 */
export function devSearchRecord(entry: DevSearchEntry, base: string): SearchRecord {
  const title = inlineMarkdownToText(entry.question);
  return {
    url: withBase(base, questionPath(entry.topic, entry.id)),
    content: `${title}\n${markdownToPlainText(entry.body)}`,
    language: "ko",
    meta: { title },
    filters: { topic: [getTopic(entry.topic).label] },
  };
}
