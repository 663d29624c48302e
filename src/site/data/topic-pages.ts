import type { CollectionEntry } from "astro:content";
import { parseQuestionId } from "../../import/question-ids";
import { splitTopicPages } from "../../browse/topic-pages";
import type { TopicId } from "../../core/topics";
import { getTopicIntro, getTopicNotes, getTopicQuestions, type Question } from "./questions";

export interface TopicPageData {
  /** 1-based. */
  readonly page: number;
  readonly lastPage: number;
  /** Every question of the topic, for the count in the heading. */
  readonly total: number;
  readonly questions: readonly Question[];
  /** Topic notes of the sessions whose first question is on this page. */
  readonly notes: readonly CollectionEntry<"topicNotes">[];
  /** The instructor's introduction (content/topic-intros/), on the first page only. */
  readonly intro?: CollectionEntry<"topicIntros">;
}

const cache = new Map<TopicId, Promise<TopicPageData[]>>();

/** A topic's pages (src/browse/topic-pages.ts), each with the topic notes that go with its sessions. Computed once per build. */
export function getTopicPages(topic: TopicId): Promise<TopicPageData[]> {
  let pages = cache.get(topic);
  if (!pages) cache.set(topic, (pages = computeTopicPages(topic)));
  return pages;
}

async function computeTopicPages(topic: TopicId): Promise<TopicPageData[]> {
  const questions = await getTopicQuestions(topic);
  const pages = splitTopicPages(questions, (q) => parseQuestionId(q.id)?.number ?? 1);
  const sessionOf = (data: { course: string; session: string }) => `${data.course}\u0000${data.session}`;
  const firstPageOf = new Map<string, number>();
  pages.forEach((items, i) =>
    items.forEach((q) => firstPageOf.has(sessionOf(q.entry.data)) || firstPageOf.set(sessionOf(q.entry.data), i)),
  );
  const notes = await getTopicNotes(topic);
  const intro = await getTopicIntro(topic);
  return pages.map((items, i) => ({
    ...(i === 0 && intro ? { intro } : {}),
    page: i + 1,
    lastPage: pages.length,
    total: questions.length,
    questions: items,
    notes: notes.filter((note) => (firstPageOf.get(sessionOf(note.data)) ?? pages.length - 1) === i),
  }));
}
