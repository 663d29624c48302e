import { parseDocument } from "yaml";
import type { ZodIssue, ZodTypeAny } from "astro/zod";
import { questionSchema, sessionNoteSchema, topicIntroSchema, topicNoteSchema } from "../schema";
import { parseQuestionId } from "../../import/question-ids";
import type { Problem } from "../../core/problems";
import { getTopic, isTopicId, TOPIC_IDS } from "../../core/topics";
import { findMarkdownLinks, linkedEntry } from "./entry-links";
import { NEW_ENTRY_PLACEHOLDER } from "../new-entry";
import { normalizeBase } from "../../core/base-path.mjs";
import { entryIdOf, isEntryFile } from "../../core/entry-files";

/** A file under the content folder: path relative to it (`docker/d5.md`) and its text. */
export interface ContentFile {
  readonly path: string;
  readonly text: string;
}

export interface ValidateOptions {
  /** How to name a file in messages, e.g. `content/docker/d5.md` (the path as the user knows it). */
  readonly displayPath: (relativePath: string) => string;
  /** The site's base path (`BASE_PATH`), to recognise links between entries. */
  readonly base?: string;
  /** The topic the id ledger records for an id: an entry moved by the importer keeps its id in its new folder. */
  readonly recordedTopic?: (id: string) => string | undefined;
  /** Earlier topic folders the ledger records for an id: links to those URLs still work (they redirect). */
  readonly movedFrom?: (id: string) => readonly string[];
}

export const TOPIC_NOTES_FOLDER = "topic-notes";
/** Notes outside any topic, shown on their session's page. */
export const SESSION_NOTES_FOLDER = "session-notes";
/** Hand-written topic introductions (`<topic>.mdx`), shown on the topic page. */
export const TOPIC_INTROS_FOLDER = "topic-intros";
/** Folders of entries that belong to a topic page rather than being a question. */
const TOPIC_PAGE_FOLDERS: readonly string[] = [TOPIC_NOTES_FOLDER, TOPIC_INTROS_FOLDER];
/** Folders of entries that are not questions: topic-page entries and session notes. */
const isNoteFolder = (folder: string) => folder === SESSION_NOTES_FOLDER || TOPIC_PAGE_FOLDERS.includes(folder);
const FRONTMATTER = /^---\r?\n(?<yaml>[\s\S]*?)\r?\n---(?:\r?\n|$)/;

interface ReadEntry {
  readonly path: string;
  readonly folder: string;
  readonly id: string;
  readonly data: Record<string, unknown>;
  readonly valid: boolean;
  readonly body: string;
  /** Line of the file where the body starts. */
  readonly bodyLine: number;
  readonly fieldLine: (field: string) => number;
}

/**
 * Checks every entry of the content folder the way the build reads it, and more: each file is in a
 * known topic folder under a proper id, its frontmatter matches the schema, no id or notes line is
 * used twice, and every link to another entry (`/docker/d5/`, `../d5/`) points at one that exists.
 * Returns every problem; never throws.
 */
export function validateEntries(files: readonly ContentFile[], options: ValidateOptions): Problem[] {
  const problems: Problem[] = [];
  const where = options.displayPath;
  const error = (file: string, line: number, message: string) => problems.push({ file: where(file), line, message, severity: "error" });
  const warning = (file: string, line: number, message: string) => problems.push({ file: where(file), line, message, severity: "warning" });

  const entries: ReadEntry[] = [];
  for (const file of files) {
    if (!isEntryFile(file.path)) continue;
    const parts = file.path.split("/");
    if (parts.length === 1) {
      warning(file.path, 0, `not in a topic folder, so the site ignores it; move it to one of ${TOPIC_IDS.map((t) => `${t}/`).join(", ")}`);
      continue;
    }
    const folder = parts[0]!;
    if (!isNoteFolder(folder) && !isTopicId(folder)) {
      error(
        file.path,
        0,
        `unknown topic folder "${folder}"; the topics are ${TOPIC_IDS.join(", ")} (and ${TOPIC_NOTES_FOLDER}/ for topic notes, ${SESSION_NOTES_FOLDER}/ for session notes, ${TOPIC_INTROS_FOLDER}/ for topic introductions). ` +
          "To add a topic, add a row to src/core/topics.ts and a collection to src/site/content.config.ts",
      );
      continue;
    }
    if (parts.length > 2) {
      warning(file.path, 0, `in a subfolder of ${folder}/, so the site ignores it; entries sit directly in ${folder}/`);
      continue;
    }
    const id = entryIdOf(file.path);
    const movedHere = parseQuestionId(id) !== undefined && options.recordedTopic?.(id) === folder;
    if (isTopicId(folder) && parseQuestionId(id)?.prefix !== getTopic(folder).idPrefix && !movedHere) {
      const prefix = getTopic(folder).idPrefix;
      error(
        file.path,
        0,
        `"${id}" is not a question id of ${getTopic(folder).label}: name the file ${prefix} followed by a number, e.g. ${prefix}1.md` +
          (parseQuestionId(id)
            ? "; to move a question to another topic, use the notes (see docs/authoring.md), which keeps its old link working"
            : ""),
      );
    }
    const entry = readEntry(file, folder, id, (line, message) => error(file.path, line, message));
    if (entry) entries.push(entry);
  }

  const questions = entries.filter((e) => !isNoteFolder(e.folder));
  reportDuplicateIds(questions, where, error);
  reportSameNotesLine(
    questions.filter((e) => e.valid),
    where,
    error,
  );
  const exists = new Set(entries.map((e) => `${e.folder}/${e.id}`));
  const liveFolder = new Map(entries.filter((e) => !isNoteFolder(e.folder)).map((e) => [e.id, e.folder]));
  const movedTo = (topic: string, id: string) => (options.movedFrom?.(id).includes(topic) ? liveFolder.get(id) : undefined);
  for (const entry of entries) reportBrokenLinks(entry, exists, options.base ?? "/", error, warning, movedTo);
  return problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

function readEntry(file: ContentFile, folder: string, id: string, error: (line: number, message: string) => void): ReadEntry | undefined {
  const match = FRONTMATTER.exec(file.text);
  if (!match?.groups) {
    error(1, "no frontmatter: an entry starts with a `---` line, its fields, and another `---` line");
    return undefined;
  }
  const yamlText = match.groups.yaml ?? "";
  const document = parseDocument(yamlText, { prettyErrors: false });
  if (document.errors.length > 0) {
    for (const e of document.errors) {
      // Line 1 of the file is the opening `---`, so the YAML's line n is the file's line n + 1.
      const yamlLine = yamlText.slice(0, e.pos[0]).split("\n").length;
      error(yamlLine + 1, `frontmatter is not valid YAML: ${e.message.split("\n")[0]}`);
    }
    return undefined;
  }
  const data: unknown = document.toJS();
  if (!data || typeof data !== "object" || Array.isArray(data)) {
    error(2, 'frontmatter must be fields like `question: "…"`');
    return undefined;
  }
  const record = data as Record<string, unknown>;
  const yamlLines = yamlText.split(/\r?\n/);
  const fieldLine = (field: string) => {
    const index = yamlLines.findIndex((l) => l.startsWith(`${field}:`));
    return index < 0 ? 1 : index + 2;
  };
  const schema: ZodTypeAny =
    folder === TOPIC_NOTES_FOLDER
      ? topicNoteSchema
      : folder === SESSION_NOTES_FOLDER
        ? sessionNoteSchema
        : folder === TOPIC_INTROS_FOLDER
          ? topicIntroSchema
          : questionSchema;
  const parsed = schema.safeParse(record);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) error(fieldLine(String(issue.path[0] ?? "")), describeIssue(issue));
  }
  if (record.question === NEW_ENTRY_PLACEHOLDER.question) {
    error(fieldLine("question"), "question: still the placeholder written by `npm run new`; write the question");
  }
  const bodyLine = match[0].split("\n").length + (match[0].endsWith("\n") ? 0 : 1);
  const body = file.text.slice(match[0].length);
  const placeholderLine = body.split("\n").findIndex((l) => l.includes(NEW_ENTRY_PLACEHOLDER.answer));
  if (placeholderLine >= 0)
    error(bodyLine + placeholderLine, "the answer is still the placeholder written by `npm run new`; write the answer");
  return { path: file.path, folder, id, data: record, valid: parsed.success, body, bodyLine, fieldLine };
}

/** `session: the session must look like 23-5` — the field, then what is wrong with it. */
function describeIssue(issue: ZodIssue): string {
  const field = issue.path.join(".");
  return field ? `${field}: ${issue.message}` : issue.message;
}

function reportDuplicateIds(
  entries: readonly ReadEntry[],
  where: (p: string) => string,
  error: (file: string, line: number, message: string) => void,
) {
  const byId = new Map<string, ReadEntry[]>();
  for (const e of entries) byId.set(e.id.toLowerCase(), [...(byId.get(e.id.toLowerCase()) ?? []), e]);
  for (const [id, same] of byId) {
    if (same.length < 2) continue;
    for (const e of same) {
      const others = same
        .filter((o) => o !== e)
        .map((o) => where(o.path))
        .join(", ");
      error(e.path, 0, `duplicate id ${id}: also ${others}; an id names one question across the site`);
    }
  }
}

/** Two entries from the same notes line: a copied file. The importer would match only one of them. */
function reportSameNotesLine(
  entries: readonly ReadEntry[],
  where: (p: string) => string,
  error: (file: string, line: number, message: string) => void,
) {
  const seen = new Map<string, ReadEntry>();
  for (const e of entries) {
    const key = [e.data.course, e.data.session, e.data.source, e.data.line].join("\u0000");
    const first = seen.get(key);
    if (!first) {
      seen.set(key, e);
      continue;
    }
    error(
      e.path,
      e.fieldLine("line"),
      `duplicate entry: ${where(first.path)} comes from the same notes line (${String(e.data.source)}:${String(e.data.line)}); ` +
        "delete the copy, or give a hand-written entry its own source and line",
    );
  }
}

function reportBrokenLinks(
  entry: ReadEntry,
  exists: ReadonlySet<string>,
  base: string,
  error: (file: string, line: number, message: string) => void,
  warning: (file: string, line: number, message: string) => void,
  movedTo: (topic: string, id: string) => string | undefined,
) {
  // A question page lives at /<topic>/<id>/; a topic note or introduction is shown on its topic's
  // page, a session note on its session's page (/sessions/<key>/: two levels deep, like a question page).
  const onTopicPage = TOPIC_PAGE_FOLDERS.includes(entry.folder);
  const topic = onTopicPage ? String(entry.data.topic ?? "") : entry.folder;
  const where = onTopicPage ? `${topic}/` : entry.folder === SESSION_NOTES_FOLDER ? `sessions/${entry.id}/` : `${topic}/${entry.id}/`;
  const page = `${normalizeBase(base)}${where}`;
  const links = [
    ...(typeof entry.data.question === "string"
      ? findMarkdownLinks(entry.data.question).map((l) => ({ url: l.url, line: entry.fieldLine("question") }))
      : []),
    ...findMarkdownLinks(entry.body).map((l) => ({ url: l.url, line: entry.bodyLine + l.line - 1 })),
  ];
  for (const link of links) {
    const target = linkedEntry(link.url, page, { base, isTopicFolder: (name) => isTopicId(name) });
    if (!target || exists.has(`${target.topic}/${target.id}`)) continue;
    const now = movedTo(target.topic, target.id);
    if (now) {
      // The old URL redirects (src/entries/url-history.ts), so the link works; the new one saves a hop.
      warning(entry.path, link.line, `link ${link.url}: ${target.id} moved to ${now}/; link to /${now}/${target.id}/ instead`);
    } else {
      error(entry.path, link.line, `broken link ${link.url}: there is no entry ${target.topic}/${target.id}.md`);
    }
  }
}
