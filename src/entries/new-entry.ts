import { nextIdNumbers } from "../import/question-ids";
import { compareSessions } from "../core/sessions";
import { getTopic, type TopicId } from "../core/topics";
import { entryIdOf } from "../core/entry-files";

/** What `npm run new` writes into a new entry until the author replaces it (`npm run check` refuses it). */
export const NEW_ENTRY_PLACEHOLDER = {
  question: "여기에 질문을 쓰세요",
  answer: "- 여기에 답변을 쓰세요. 두 칸 들여쓴 줄은 하위 항목이 됩니다.",
} as const;

/** `source` of an entry written by hand: never the name of a notes file, so no import claims it by line. */
export const HAND_WRITTEN_SOURCE = "npm run new";

/** An entry already in the content folder: its path (`docker/d5.md`) and frontmatter. */
export interface ExistingEntryData {
  readonly path: string;
  readonly data: Record<string, unknown>;
}

export interface NewEntryRequest {
  readonly topic: TopicId;
  readonly question?: string;
  readonly course?: string;
  readonly session?: string;
}

/**
 * Plans a new hand-written entry: the next id of the topic never issued before (files and ledger), the latest course and session
 * in the content unless given, and a line number after every other question of that session so it
 * is listed last. Returns the file to create, or a message saying what is missing.
 */
export function planNewEntry(
  existing: readonly ExistingEntryData[],
  request: NewEntryRequest,
  /** Ids recorded in the ledger (content/ids.json), including removed questions': never given again. */
  recordedIds: readonly string[] = [],
): { path: string; text: string } | { error: string } {
  const topic = getTopic(request.topic);
  const ids = [...recordedIds, ...existing.map((e) => entryIdOf(e.path))];
  const id = `${topic.idPrefix}${nextIdNumbers(ids).get(topic.idPrefix) ?? 1}`;

  const sessions = existing
    .map((e) => ({ course: e.data.course, session: e.data.session }))
    .filter((s): s is { course: string; session: string } => typeof s.course === "string" && typeof s.session === "string");
  const latest = [...sessions].sort((a, b) => compareSessions(a.session, b.session)).at(-1);
  const course = request.course ?? latest?.course;
  const session = request.session ?? (request.course === undefined || request.course === latest?.course ? latest?.session : undefined);
  if (!course || !session) {
    return { error: 'no entries to take the course and session from: pass --course "MSP T3" --session 23-6' };
  }
  const lines = existing
    .filter((e) => e.data.course === course && e.data.session === session && typeof e.data.line === "number")
    .map((e) => e.data.line as number);
  const line = Math.max(0, ...lines) + 1;

  const question = request.question?.trim() || NEW_ENTRY_PLACEHOLDER.question;
  const fields = { question, course, session, source: HAND_WRITTEN_SOURCE, line };
  const yaml = Object.entries(fields)
    .map(([key, value]) => `${key}: ${typeof value === "string" ? JSON.stringify(value) : String(value)}`)
    .join("\n");
  return { path: `${topic.id}/${id}.md`, text: `---\n${yaml}\n---\n\n${NEW_ENTRY_PLACEHOLDER.answer}\n` };
}
