import type { Problem } from "../core/problems";
import { isTopicId, TOPICS, type TopicId } from "../core/topics";
import { parseQuestionId } from "./question-ids";

/**
 * The id ledger, `content/ids.json`: every question id ever issued, one record a line, kept by the
 * importer and `npm run new` (never by hand). It is what makes a shared link a promise:
 *   - an id whose entry file is gone is a *removed* question: its URL serves a tombstone page
 *     (the record keeps the question text, and `replacedBy` when it has a successor), and its
 *     number is never handed out again, because new numbers start past the highest recorded one;
 *   - an id that changed topic keeps its number; `movedFrom` lists its earlier topic folders,
 *     whose URLs become redirects to the new one.
 * A ledger rather than tombstone files: deleting an entry file by hand (the natural thing to do)
 * then needs no other step, and there is one place to look for "was this id ever used?".
 * One JSON record a line keeps diffs and merge conflicts readable.
 */
export const LEDGER_FILE = "ids.json";

export interface IdRecord {
  readonly id: string;
  /** Topic folder the entry is (or, for a removed question, was last) in. */
  readonly topic: TopicId;
  /** The question text, as last recorded; the tombstone page shows it. */
  readonly question: string;
  /** Where the question came from, so that an import does not bring a removed question back. */
  readonly course?: string;
  readonly session?: string;
  readonly source?: string;
  readonly line?: number;
  /** Earlier topic folders, oldest first; each of their URLs redirects to the current one. */
  readonly movedFrom?: readonly TopicId[];
  /** For a removed question: the id of the question that replaces it. */
  readonly replacedBy?: string;
}

export interface IdLedger {
  readonly records: readonly IdRecord[];
}

export const EMPTY_LEDGER: IdLedger = { records: [] };

const COMMENT =
  "Every question id ever issued (written by npm run import and npm run new; do not edit by hand). " +
  "An id whose entry file is gone is a removed question: its URL shows a tombstone page, and the id is never issued again. " +
  "movedFrom lists earlier topic folders, whose URLs redirect to the current one.";

/** Reads the ledger's text; problems name the file and the line. Records that do not parse are left out. */
export function parseLedger(text: string, file: string): { ledger: IdLedger; problems: Problem[] } {
  const problems: Problem[] = [];
  const error = (line: number, message: string) => problems.push({ file, line, severity: "error", message });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    error(0, `not valid JSON (${(err as Error).message}); restore it from git`);
    return { ledger: EMPTY_LEDGER, problems };
  }
  const ids = (data as { ids?: unknown } | null)?.ids;
  if (!Array.isArray(ids)) {
    error(0, 'expected { "ids": [ … ] }; restore it from git');
    return { ledger: EMPTY_LEDGER, problems };
  }
  // Records are one a line (renderLedger); find each record's line by its id for messages.
  const lines = text.split("\n");
  const lineOf = (id: string, from = 0) => {
    const index = lines.findIndex((l, i) => i >= from && l.includes(`"id":${JSON.stringify(id)}`));
    return index < 0 ? 0 : index + 1;
  };
  const records: IdRecord[] = [];
  const firstLine = new Map<string, number>();
  for (const raw of ids) {
    const record = readRecord(raw);
    if (typeof record === "string") {
      const id = typeof (raw as { id?: unknown })?.id === "string" ? String((raw as { id: string }).id) : "";
      error(id ? lineOf(id) : 0, `record ${id || JSON.stringify(raw)}: ${record}`);
      continue;
    }
    const seen = firstLine.get(record.id);
    if (seen !== undefined) {
      error(lineOf(record.id, seen), `id ${record.id} is recorded twice (first on line ${seen}); an id names one question`);
      continue;
    }
    firstLine.set(record.id, lineOf(record.id));
    records.push(record);
  }
  return { ledger: { records }, problems };
}

function readRecord(raw: unknown): IdRecord | string {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return "not an object";
  const r = raw as Record<string, unknown>;
  if (typeof r.id !== "string" || !parseQuestionId(r.id)) return "id must be a question id like d5";
  if (typeof r.topic !== "string" || !isTopicId(r.topic)) return "topic must be one of the topics";
  if (typeof r.question !== "string") return "question must be text";
  const movedFrom = r.movedFrom;
  if (movedFrom !== undefined && !(Array.isArray(movedFrom) && movedFrom.every((t) => typeof t === "string" && isTopicId(t))))
    return "movedFrom must list topics";
  if (r.replacedBy !== undefined && (typeof r.replacedBy !== "string" || !parseQuestionId(r.replacedBy)))
    return "replacedBy must be a question id";
  return {
    id: r.id,
    topic: r.topic,
    question: r.question,
    ...(typeof r.course === "string" ? { course: r.course } : {}),
    ...(typeof r.session === "string" ? { session: r.session } : {}),
    ...(typeof r.source === "string" ? { source: r.source } : {}),
    ...(typeof r.line === "number" ? { line: r.line } : {}),
    ...(movedFrom ? { movedFrom: movedFrom as TopicId[] } : {}),
    ...(r.replacedBy ? { replacedBy: r.replacedBy as string } : {}),
  };
}

/** The ledger as text: sorted by topic prefix and number, one record a line. */
export function renderLedger(ledger: IdLedger): string {
  const order = (id: string) => {
    const parsed = parseQuestionId(id);
    return [TOPICS.findIndex((t) => t.idPrefix === parsed?.prefix), parsed?.number ?? 0] as const;
  };
  const sorted = [...ledger.records].sort((a, b) => {
    const [pa, na] = order(a.id);
    const [pb, nb] = order(b.id);
    return pa - pb || na - nb;
  });
  const lines = sorted.map((r) => `    ${JSON.stringify(r)}`);
  return `{\n  "$comment": ${JSON.stringify(COMMENT)},\n  "ids": [\n${lines.join(",\n")}\n  ]\n}\n`;
}

/** A question entry as it is on disk now: where it is, and what its frontmatter says. */
export interface LiveEntry {
  readonly topic: TopicId;
  readonly id: string;
  readonly question?: string;
  readonly course?: string;
  readonly session?: string;
  readonly source?: string;
  readonly line?: number;
}

/**
 * The ledger brought up to date with the entries on disk: every live id recorded (new ids added),
 * its question text and origin refreshed, and a changed topic folder recorded as a move. Records
 * of removed questions stay as they are. An id found in two folders is ambiguous and left alone
 * (`npm run check` reports it).
 */
export function syncLedger(ledger: IdLedger, live: readonly LiveEntry[]): IdLedger {
  const count = new Map<string, number>();
  for (const e of live) count.set(e.id, (count.get(e.id) ?? 0) + 1);
  const byId = new Map(ledger.records.map((r) => [r.id, r]));
  for (const entry of live) {
    if (count.get(entry.id) !== 1) continue;
    const old = byId.get(entry.id);
    const movedFrom = [...(old?.movedFrom ?? [])];
    if (old && old.topic !== entry.topic) {
      movedFrom.push(old.topic);
    }
    const history = movedFrom.filter((t, i) => t !== entry.topic && movedFrom.indexOf(t) === i);
    byId.set(entry.id, {
      id: entry.id,
      topic: entry.topic,
      question: entry.question ?? old?.question ?? "",
      ...pick(entry, old, "course"),
      ...pick(entry, old, "session"),
      ...pick(entry, old, "source"),
      ...pick(entry, old, "line"),
      ...(history.length > 0 ? { movedFrom: history } : {}),
    });
  }
  return { records: [...byId.values()] };
}

function pick<K extends "course" | "session" | "source" | "line">(entry: LiveEntry, old: IdRecord | undefined, key: K) {
  const value = entry[key] ?? old?.[key];
  return value === undefined ? {} : { [key]: value };
}

/** Every id the ledger or the folders hold: none of them may be issued again. */
export function usedIds(ledger: IdLedger, live: readonly { id: string }[]): string[] {
  return [...ledger.records.map((r) => r.id), ...live.map((e) => e.id)];
}

/** Records of removed questions: recorded, with no entry file. */
export function removedRecords(ledger: IdLedger, live: readonly { id: string }[]): IdRecord[] {
  const present = new Set(live.map((e) => e.id));
  return ledger.records.filter((r) => !present.has(r.id));
}
