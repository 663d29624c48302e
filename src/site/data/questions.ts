import { getCollection, type CollectionEntry } from "astro:content";
import { compareBySource } from "../../core/sessions";
import { TOPICS, type TopicId } from "../../core/topics";

/** A question entry of any topic collection. */
export type QuestionEntry = CollectionEntry<TopicId>;

export interface Question {
  readonly topic: TopicId;
  readonly id: string;
  readonly entry: QuestionEntry;
}

const cache = new Map<TopicId, Promise<Question[]>>();

/** The questions of one topic in notes order (course, session, line). Read once per build. */
export function getTopicQuestions(topic: TopicId): Promise<Question[]> {
  let questions = cache.get(topic);
  if (!questions) {
    questions = getCollection(topic).then((entries) =>
      entries.map((entry) => ({ topic, id: entry.id, entry })).sort((a, b) => compareBySource(a.entry.data, b.entry.data)),
    );
    cache.set(topic, questions);
  }
  return questions;
}

export async function getAllQuestions(): Promise<Question[]> {
  const perTopic = await Promise.all(TOPICS.map((t) => getTopicQuestions(t.id)));
  return perTopic.flat();
}

let topicIntros: Promise<CollectionEntry<"topicIntros">[]> | undefined;

/** The instructor's introduction of a topic (`content/topic-intros/<topic>.mdx`), if written. Read once per build. */
export async function getTopicIntro(topic: TopicId): Promise<CollectionEntry<"topicIntros"> | undefined> {
  topicIntros ??= getCollection("topicIntros");
  return (await topicIntros).find((intro) => intro.data.topic === topic);
}

/** Topic notes (`### …` blocks of the notes) for one topic, in notes order. */
export async function getTopicNotes(topic: TopicId): Promise<CollectionEntry<"topicNotes">[]> {
  const notes = await getCollection("topicNotes", (note) => note.data.topic === topic);
  return notes.sort((a, b) => compareBySource(a.data, b.data));
}

let sessionNotes: Promise<CollectionEntry<"sessionNotes">[]> | undefined;

/**
 * Session notes (notes outside any topic) of one course and session, in notes order. The collection
 * is read once per build, not once per session page.
 */
export async function getSessionNotes(course: string, session: string): Promise<CollectionEntry<"sessionNotes">[]> {
  sessionNotes ??= getCollection("sessionNotes").then((notes) => notes.sort((a, b) => compareBySource(a.data, b.data)));
  return (await sessionNotes).filter((note) => note.data.course === course && note.data.session === session);
}
