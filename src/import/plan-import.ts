import path from "node:path/posix";
import type { ParsedNote, ParsedNotes, ParsedQuestion } from "../notes/parse-course-notes";
import type { Problem } from "../core/problems";
import { getTopic, isTopicId } from "../core/topics";
import { decodeLocalPath } from "../core/local-paths";
import { readEntryFile, renderEntryFile } from "./entry-file";
import { nextIdNumbers, parseQuestionId } from "./question-ids";
import { EMPTY_LEDGER, removedRecords, usedIds, type IdLedger, type IdRecord } from "./id-ledger";

/** A file already under the content folder, path relative to it with `/` separators. */
export interface ExistingFile {
  readonly path: string;
  readonly text: string;
}

export type WriteKind = "add" | "update" | "overwrite-edited" | "move";

export interface PlannedWrite {
  readonly kind: WriteKind;
  /** Path relative to the content folder, e.g. `docker/d5.md`. */
  readonly path: string;
  readonly text: string;
  /** One line for the user: the question or topic-note title. */
  readonly label: string;
}

export interface PlannedImage {
  /** Image path as the notes reference it. */
  readonly src: string;
  /** The same path decoded (`a%20b.png` → `a b.png`), relative to the notes file's folder. */
  readonly file: string;
  readonly notesFile: string;
  readonly line: number;
  /** Destination relative to the content folder, e.g. `docker/img/a.png`. */
  readonly path: string;
}

export interface ImportPlan {
  readonly writes: readonly PlannedWrite[];
  readonly unchanged: readonly string[];
  /** Entries edited by hand whose notes text changed; kept as they are (without `--force`). */
  readonly keptEdited: readonly string[];
  readonly images: readonly PlannedImage[];
  /** Entry files to delete: the old places of entries that moved to another topic folder. */
  readonly removes: readonly string[];
  /** Questions still in the notes whose entries were deleted (see src/import/id-ledger.ts): not imported again. */
  readonly skippedRemoved: readonly IdRecord[];
  readonly problems: readonly Problem[];
}

interface ExistingEntry {
  readonly path: string;
  readonly topic: string;
  readonly id: string;
  readonly data: Record<string, unknown>;
  readonly editedByHand: boolean;
  readonly text: string;
}

const TOPIC_NOTES_DIR = "topic-notes";
/** Notes outside any topic (a curriculum, a playlist, a survey summary), shown on their session's page. */
const SESSION_NOTES_DIR = "session-notes";
const NOTE_DIRS = [TOPIC_NOTES_DIR, SESSION_NOTES_DIR];

/**
 * Decides what an import does, without touching the disk: which entries are new (and their ids),
 * which are unchanged, which must be refreshed, which were edited by hand and are kept.
 * Existing questions are found by course, session and question text (so re-importing changes
 * nothing and ids never move); failing that, by the same notes file, session and line (so fixing
 * a typo in a question keeps its id).
 */
export function planImport(
  notes: readonly ParsedNotes[],
  existingFiles: readonly ExistingFile[],
  options: { force?: boolean; ledger?: IdLedger } = {},
): ImportPlan {
  const problems: Problem[] = [];
  const writes: PlannedWrite[] = [];
  const unchanged: string[] = [];
  const keptEdited: string[] = [];
  const images: PlannedImage[] = [];
  const removes: string[] = [];
  const skippedRemoved: IdRecord[] = [];
  const ledger = options.ledger ?? EMPTY_LEDGER;

  const existing = readExisting(existingFiles, problems);
  const questionEntries = existing.filter((e) => !NOTE_DIRS.includes(e.topic));
  // Ids in the ledger count as used even when their files are gone: a number is never given twice.
  const nextNumber = nextIdNumbers(usedIds(ledger, questionEntries));
  const removed = removedRecords(ledger, questionEntries);

  const byKey = new Map<string, ExistingEntry>();
  for (const [key, entry] of occurrenceKeys(
    questionEntries,
    (e) => [String(e.data.course), String(e.data.session), String(e.data.question)],
    (e) => Number(e.data.line),
  )) {
    byKey.set(key, entry);
  }

  const questions = notes.flatMap((n) => n.questions);
  const claimed = new Set<ExistingEntry>();
  const matches = new Map<ParsedQuestion, ExistingEntry>();
  for (const [key, q] of occurrenceKeys(
    questions,
    (q) => [q.course, q.session, q.question],
    (q) => q.line,
  )) {
    const found = byKey.get(key);
    if (found && !claimed.has(found)) {
      matches.set(q, found);
      claimed.add(found);
    }
  }
  for (const q of questions) {
    if (matches.has(q)) continue;
    const found = questionEntries.find(
      (e) =>
        !claimed.has(e) &&
        e.data.course === q.course &&
        e.data.session === q.session &&
        e.data.source === path.basename(q.file) &&
        e.data.line === q.line,
    );
    if (found) {
      matches.set(q, found);
      claimed.add(found);
    }
  }

  const decide = (entryPath: string, text: string, label: string, found: ExistingEntry | undefined) => {
    if (!found) writes.push({ kind: "add", path: entryPath, text, label });
    else if (found.text === text) unchanged.push(entryPath);
    else if (!found.editedByHand) writes.push({ kind: "update", path: entryPath, text, label });
    else if (options.force) writes.push({ kind: "overwrite-edited", path: entryPath, text, label });
    else keptEdited.push(entryPath);
  };

  for (const q of questions) {
    const found = matches.get(q);
    let folder: string = q.topic;
    let id: string;
    if (!found) {
      const gone = removed.find((r) => sameOrigin(r, q));
      if (gone) {
        skippedRemoved.push(gone);
        continue;
      }
    }
    if (found && found.topic !== q.topic && (q.topicReason === "override" || options.force)) {
      // The notes move the question (an override, or a changed keyword rule with --force): same id,
      // new folder; the old URL becomes a redirect (the ledger records the move).
      const entryPath = `${q.topic}/${found.id}.md`;
      const text = found.editedByHand && !options.force ? found.text : renderQuestionEntry(q);
      writes.push({ kind: "move", path: entryPath, text, label: `${q.question} (from ${found.path})` });
      removes.push(found.path);
      images.push(...planImages(q, q.topic, problems));
      continue;
    }
    if (found) {
      folder = found.topic;
      id = found.id;
      if (found.topic !== q.topic) {
        problems.push({
          file: q.file,
          line: q.line,
          severity: "warning",
          message:
            `${found.path} is in ${found.topic} but the notes now put this question in ${q.topic}; ` +
            "it stays where it is; to move it (its old link then redirects), import with --force, or write " +
            `<!-- topic: ${q.topic} --> on its line in the notes`,
        });
      }
    } else {
      const prefix = getTopic(q.topic).idPrefix;
      const n = nextNumber.get(prefix) ?? 1;
      nextNumber.set(prefix, n + 1);
      id = `${prefix}${n}`;
    }
    const entryPath = `${folder}/${id}.md`;
    decide(entryPath, renderQuestionEntry(q), q.question, found);
    images.push(...planImages(q, folder, problems));
  }

  const noteEntries = new Map(existing.filter((e) => NOTE_DIRS.includes(e.topic)).map((e) => [e.path, e]));
  for (const n of notes) {
    const ids = noteIds(n);
    for (const note of n.topicNotes) {
      const entryPath = `${TOPIC_NOTES_DIR}/${ids.get(note)}.md`;
      const label = `${getTopic(note.topic).label} · ${note.title || `(제목 없음, ${note.line}행)`}`;
      decide(entryPath, renderNote(note, note.topic), label, noteEntries.get(entryPath));
      images.push(...planImages(note, TOPIC_NOTES_DIR, problems));
    }
    for (const note of n.sessionNotes) {
      const entryPath = `${SESSION_NOTES_DIR}/${ids.get(note)}.md`;
      const label = `${n.course} · ${n.session}차 · ${note.title || `(제목 없음, ${note.line}행)`}`;
      decide(entryPath, renderNote(note), label, noteEntries.get(entryPath));
      images.push(...planImages(note, SESSION_NOTES_DIR, problems));
    }
  }

  return { writes, unchanged, keptEdited, images, removes, skippedRemoved, problems };
}

/** A removed question's record names this notes question: same session, and the same text or the same line. */
function sameOrigin(record: IdRecord, q: ParsedQuestion): boolean {
  if (record.course !== q.course || record.session !== q.session) return false;
  return record.question === q.question || (record.source === path.basename(q.file) && record.line === q.line);
}

function readExisting(files: readonly ExistingFile[], problems: Problem[]): ExistingEntry[] {
  const entries: ExistingEntry[] = [];
  for (const file of files) {
    const match = /^(?<topic>[^/]+)\/(?<id>[^/]+)\.md$/.exec(file.path);
    if (!match?.groups) continue;
    const { topic = "", id = "" } = match.groups;
    if (!NOTE_DIRS.includes(topic) && (!isTopicId(topic) || !parseQuestionId(id))) continue;
    const parsed = readEntryFile(file.text);
    if (!parsed) {
      problems.push({
        file: file.path,
        line: 1,
        severity: "error",
        message: "existing entry has no readable frontmatter; fix it before importing",
      });
      continue;
    }
    entries.push({ path: file.path, topic, id, data: parsed.data, editedByHand: parsed.editedByHand, text: file.text });
  }
  return entries;
}

/**
 * Keys that tell apart the same question asked twice in one session: the n-th occurrence (in
 * line order) of the same text gets `#n`, on both the notes side and the content side.
 */
function occurrenceKeys<T>(items: readonly T[], parts: (item: T) => string[], line: (item: T) => number): [string, T][] {
  const sorted = [...items].sort((a, b) => line(a) - line(b));
  const seen = new Map<string, number>();
  return sorted.map((item) => {
    const base = parts(item).join("\u0000");
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return [`${base}\u0000#${n}`, item];
  });
}

function renderQuestionEntry(q: ParsedQuestion): string {
  // `track` only when the session has one, so that entries of sessions without a track stay byte-identical.
  return renderEntryFile(
    {
      question: q.question,
      course: q.course,
      session: q.session,
      ...(q.track ? { track: q.track } : {}),
      source: path.basename(q.file),
      line: q.line,
    },
    q.body,
  );
}

/** A topic note (with its topic) or a session note; `title` and `track` only when there is one. */
function renderNote(note: ParsedNote, topic?: string): string {
  return renderEntryFile(
    {
      ...(topic ? { topic } : {}),
      ...(note.title ? { title: note.title } : {}),
      course: note.course,
      session: note.session,
      ...(note.track ? { track: note.track } : {}),
      source: path.basename(note.file),
      line: note.line,
    },
    note.body,
  );
}

/**
 * File names of a notes file's topic and session notes. A note with an ASCII title is named by it
 * (`msp-t3-23-5-docker-docker-summary`, as before); an untitled note or one whose title has no
 * ASCII letters (`설문요약`) by its place among them (`…-note-2`), which re-importing keeps. A name
 * taken twice gets `-2`, `-3`.
 */
export function noteIds(notes: Pick<ParsedNotes, "course" | "session" | "topicNotes" | "sessionNotes">): Map<ParsedNote, string> {
  const ids = new Map<ParsedNote, string>();
  const taken = new Set<string>();
  const counters = new Map<string, number>();
  const groups: [string, readonly ParsedNote[]][] = [
    ...[...new Set(notes.topicNotes.map((n) => n.topic))].map((t): [string, ParsedNote[]] => [
      t,
      notes.topicNotes.filter((n) => n.topic === t),
    ]),
    ["", notes.sessionNotes],
  ];
  for (const [topic, list] of groups) {
    const prefix = [notes.course, notes.session, topic].map(slugify).filter(Boolean).join("-");
    for (const note of list) {
      let base = slugify(note.title) ? `${prefix}-${slugify(note.title)}` : "";
      if (!base) {
        const n = (counters.get(prefix) ?? 0) + 1;
        counters.set(prefix, n);
        base = `${prefix}-note-${n}`;
      }
      let id = base;
      for (let k = 2; taken.has(id); k++) id = `${base}-${k}`;
      taken.add(id);
      ids.set(note, id);
    }
  }
  return ids;
}

function slugify(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

function planImages(
  item: { readonly images: readonly { src: string; line: number }[]; readonly file: string },
  folder: string,
  problems: Problem[],
): PlannedImage[] {
  const planned: PlannedImage[] = [];
  for (const image of item.images) {
    // `img/docker\_summary.png` names `img/docker_summary.png`: Markdown escapes go before the lookup.
    const file = decodeLocalPath(unescapeMarkdown(image.src));
    const target = path.normalize(path.join(folder, file));
    if (!target.startsWith(`${folder}/`)) {
      problems.push({
        file: item.file,
        line: image.line,
        severity: "warning",
        message: `image ${image.src} points outside the notes folder; not copied`,
      });
      continue;
    }
    planned.push({ src: image.src, file, notesFile: item.file, line: image.line, path: target });
  }
  return planned;
}

/** Removes Markdown backslash escapes (`\_` → `_`), as CommonMark does in a link destination. */
export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, "$1");
}
