import { isLocalRelativePath } from "../core/local-paths";
import type { Problem } from "../core/problems";
import { TOPICS, type TopicId } from "../core/topics";
import { assembleBlocks, type Assembly, type Block, type BlockLine } from "./assemble-blocks";
import { classifyTopic, type TopicReason } from "./classify-topic";
import { classifyLines } from "./line-kinds";
import { normalizeNotesText } from "./normalize-text";
import { normalizeTrack, readFrontmatter, TITLE_HELP, type Frontmatter } from "./notes-title";
import { sameQuestionKey } from "./question-key";

/** A local image referenced by a question or topic note, with the notes line it is on. */
export interface ImageRef {
  readonly src: string;
  readonly line: number;
}

/** One question of the notes with its answer, ready to become a content entry. */
export interface ParsedQuestion {
  readonly file: string;
  readonly course: string;
  readonly session: string;
  /** `AWS` for a `(AWS Track)` session; absent when the session has no track. */
  readonly track?: string;
  /** Topic of the section the question is written in. */
  readonly sectionTopic: TopicId;
  /** Topic the question belongs to after keyword rules and overrides. */
  readonly topic: TopicId;
  readonly topicReason: TopicReason;
  /** The question as written after `- `, inline Markdown kept. */
  readonly question: string;
  /** The answer as Markdown: bullets moved to column 0, fenced blocks and images kept. */
  readonly body: string;
  /** 1-based line of the question in the notes file. */
  readonly line: number;
  /** 1-based notes line of every line of `body`, in order (blank lines included). */
  readonly bodyLines: readonly number[];
  readonly images: readonly ImageRef[];
}

/**
 * A block that is not a question: under a heading that names no topic (`### Docker Summary`,
 * `## Playlist`), or untitled (text before a topic's first question, after a `---`, before the first
 * topic).
 */
export interface ParsedNote {
  readonly file: string;
  readonly course: string;
  readonly session: string;
  readonly track?: string;
  /** The heading's text; "" for an untitled note. */
  readonly title: string;
  readonly body: string;
  /** Line of the heading; for an untitled note, its first line. */
  readonly line: number;
  readonly bodyLines: readonly number[];
  readonly images: readonly ImageRef[];
}

/** A note inside a topic: shown on the topic's page. */
export interface ParsedTopicNote extends ParsedNote {
  readonly topic: TopicId;
}

/** A note outside any topic (a curriculum, a playlist, a survey summary): shown on the session's page. */
export type ParsedSessionNote = ParsedNote;

/** Where course and session were read from. */
export type TitleSource = "title" | "frontmatter" | "frontmatter+title" | "none";

export interface ParsedNotes {
  readonly file: string;
  readonly course: string;
  readonly session: string;
  readonly track?: string;
  readonly titleSource: TitleSource;
  readonly questions: readonly ParsedQuestion[];
  readonly topicNotes: readonly ParsedTopicNote[];
  readonly sessionNotes: readonly ParsedSessionNote[];
  readonly problems: readonly Problem[];
}

// Markdown image with a local path: `![alt](img/a.png)`, `![alt](img/a(1).png)` (balanced
// parentheses) or `![alt](<img/a b.png> "title")`. The alt text is bounded so that a very long line
// full of `![` costs linear time, not quadratic.
const IMAGE = /!\[[^\]\n]{0,1000}\]\(\s*(?:<(?<angled>[^>\n]+)>|(?<plain>(?:[^()\s]|\([^()\s]*\))+))(?:\s+"[^"]*")?\s*\)/g;
const SESSION_NUMBER = /^\d+(?:-\d+)*$/;

/** A question longer than this is probably a question and its answer typed on one line. */
export const LONG_QUESTION = 300;
/** A line longer than this is reported (imported whole): line breaks may have been lost. */
export const LONG_LINE = 2000;

/**
 * Parses one course-notes file (format: docs/authoring.md "Writing notes") into questions, topic
 * notes and session notes: the lines are classified (line-kinds.ts), grouped into blocks
 * (assemble-blocks.ts), and each block becomes one parsed item. Every non-blank line ends up in
 * exactly one item, except the structure itself: frontmatter, the title, topic headings, headings
 * that only group deeper ones, `---` and topic directives.
 * Never throws on bad input: every problem comes back with its file and line.
 */
export function parseCourseNotes(rawText: string, file: string): ParsedNotes {
  const problems: Problem[] = [];
  const { lines, frontmatter } = readLines(rawText, file, problems);
  const assembly = assembleBlocks(file, classifyLines(lines), problems);
  const { course, session, track, source } = sessionName(assembly, frontmatter.fields, file, problems);
  const where = { file, course, session, ...(track ? { track } : {}) };

  const questions: ParsedQuestion[] = [];
  const topicNotes: ParsedTopicNote[] = [];
  const sessionNotes: ParsedSessionNote[] = [];
  for (const b of assembly.blocks) {
    const { body, bodyLines } = blockBody(b.lines);
    const images = findImages(b.lines);
    if (b.kind === "question") {
      questions.push(toQuestion(b, { ...where, body, bodyLines, images }, problems));
      continue;
    }
    if (body.trim() === "" && b.heading === "") continue;
    const note = { ...where, title: b.heading, body, bodyLines, line: b.heading ? b.line : (bodyLines[0] ?? b.line), images };
    if (b.kind === "topic-note") topicNotes.push({ ...note, topic: b.topic! });
    else sessionNotes.push(note);
    problems.push(...noteWarnings(b, file));
  }
  problems.push(...repeatedQuestions(questions));
  problems.sort((a, b) => a.line - b.line);
  return { file, course, session, ...(track ? { track } : {}), titleSource: source, questions, topicNotes, sessionNotes, problems };
}

/** The text as lines, normalised (BOM, CRLF, NFD), with the frontmatter read and blanked out. */
function readLines(rawText: string, file: string, problems: Problem[]): { lines: string[]; frontmatter: Frontmatter } {
  const { text, problems: textProblems } = normalizeNotesText(rawText, file);
  problems.push(...textProblems);
  const allLines = text.split("\n");
  const frontmatter = readFrontmatter(allLines);
  for (const { key, line } of frontmatter.unknown) {
    warning(problems, file, line, `frontmatter field "${key}" is not read; the importer reads course, session and track`);
  }
  // Frontmatter lines are read above; the parser sees them as blank so that line numbers stay true.
  const lines = allLines.map((l, i) => (i < frontmatter.lineCount ? "" : l));
  lines.forEach((l, i) => {
    if (l.length <= LONG_LINE) return;
    const length = l.length.toLocaleString("en");
    warning(problems, file, i + 1, `line is ${length} characters long; it is imported whole — check that no line breaks were lost`);
  });
  return { lines, frontmatter };
}

function toQuestion(
  b: Block,
  parts: Pick<ParsedQuestion, "file" | "course" | "session" | "track" | "body" | "bodyLines" | "images">,
  problems: Problem[],
): ParsedQuestion {
  const sectionTopic = b.topic!;
  const decision = classifyTopic(sectionTopic, b.heading, b.override);
  if (parts.body.trim() === "")
    warning(problems, parts.file, b.line, "question has no answer yet; it is imported and marked as unanswered");
  if (b.heading.length > LONG_QUESTION) {
    warning(
      problems,
      parts.file,
      b.line,
      `question is ${b.heading.length} characters long (more than ${LONG_QUESTION}); is its answer on the same line? ` +
        "Put the answer on the next lines, indented by two spaces",
    );
  }
  return { ...parts, sectionTopic, topic: decision.topic, topicReason: decision.reason, question: b.heading, line: b.line };
}

/** A titled note holding what looks like questions: the author may have meant something else. */
function noteWarnings(b: Block, file: string): Problem[] {
  const out: Problem[] = [];
  if (!b.heading) return out;
  if (b.kind === "topic-note" && b.lines.some((l) => !l.inFence && /^[-*+][ \t]/.test(l.text))) {
    warning(
      out,
      file,
      b.line,
      `"${b.heading}" is a topic note, and it owns every line below it up to the next heading, bullets included; ` +
        "if the bullets below it are questions, end the note with `---` before them",
    );
  }
  if (b.kind === "session-note" && looksLikeQuestions(b.lines)) {
    const known = TOPICS.map((t) => t.headings.join(" / ")).join(", ");
    warning(
      out,
      file,
      b.line,
      `"${b.heading}" names no topic (known topics: ${known}); its bullets are kept as a session note, shown on the session's page. ` +
        "If it is a topic, add a row to src/core/topics.ts and a collection to src/site/content.config.ts",
    );
  }
  return out;
}

/** Course, session and track from the frontmatter (always honoured) and the title. */
function sessionName(
  assembly: Assembly,
  fields: Partial<Record<"course" | "session" | "track", string>>,
  file: string,
  problems: Problem[],
): { course: string; session: string; track?: string; source: TitleSource } {
  const title = assembly.title;
  const course = fields.course || title?.course || "";
  const session = (fields.session ?? "").replace(/\s*차$/, "") || title?.session || "";
  const track = fields.track !== undefined ? normalizeTrack(fields.track) : title?.track ? normalizeTrack(title.track) : undefined;
  const source: TitleSource = fields.course || fields.session ? (title ? "frontmatter+title" : "frontmatter") : title ? "title" : "none";
  const line = assembly.unreadableTitle?.line ?? title?.line ?? 1;
  if (!course || !session) {
    const what = assembly.unreadableTitle
      ? `the title "# ${assembly.unreadableTitle.text}" names no course and session`
      : title
        ? "the course or session is empty"
        : "missing title line `# <course> - <session>차`, e.g. `# MSP T3 - 23-5차`";
    problems.push({ file, line, severity: "error", message: `${what}: ${TITLE_HELP}` });
  } else if (!SESSION_NUMBER.test(session)) {
    problems.push({
      file,
      line: 1,
      severity: "error",
      message: `session "${session}" must be numbers joined by "-", like 23-5, 24-1 or 10`,
    });
  }
  return { course, session, ...(track ? { track } : {}), source };
}

const warning = (problems: Problem[], file: string, line: number, message: string) =>
  problems.push({ file, line, message, severity: "warning" });

/**
 * The same question twice in one file: both are imported, each with its own answer, because each
 * occurrence may carry an answer the other lacks and only the author can merge them. The later
 * one is reported, naming the line of the first.
 */
function repeatedQuestions(questions: readonly ParsedQuestion[]): Problem[] {
  const problems: Problem[] = [];
  const first = new Map<string, ParsedQuestion>();
  for (const q of questions) {
    const key = sameQuestionKey(q.question);
    const earlier = key ? first.get(key) : undefined;
    if (!earlier) {
      if (key) first.set(key, q);
      continue;
    }
    const sameAnswer = earlier.body.trim() === q.body.trim() ? " with the same answer (pasted twice?)" : "";
    problems.push({
      file: q.file,
      line: q.line,
      severity: "warning",
      message:
        `the same question as line ${earlier.line}${sameAnswer}; both are imported as separate entries, each with its own answer. ` +
        "If they are one question, merge them in the notes",
    });
  }
  return problems;
}

/** Joins a block's lines into its Markdown body; leading and trailing blank lines go. */
function blockBody(lines: readonly BlockLine[]): { body: string; bodyLines: number[] } {
  const out = [...lines];
  while (out.length > 0 && out[0]!.text.trim() === "") out.shift();
  while (out.length > 0 && out[out.length - 1]!.text.trim() === "") out.pop();
  return { body: out.map((l) => l.text).join("\n"), bodyLines: out.map((l) => l.line) };
}

function findImages(lines: readonly BlockLine[]): ImageRef[] {
  const images: ImageRef[] = [];
  for (const { text, line, inFence } of lines) {
    if (inFence) continue;
    for (const match of text.matchAll(IMAGE)) {
      const src = match.groups?.angled ?? match.groups?.plain ?? "";
      if (isLocalRelativePath(src)) images.push({ src, line });
    }
  }
  return images;
}

/** A column-0 bullet with an indented bullet under it: how questions and answers look. */
function looksLikeQuestions(lines: readonly BlockLine[]): boolean {
  const text = lines.filter((l) => !l.inFence && l.text.trim() !== "").map((l) => l.text);
  return text.some((t, i) => /^[-*+][ \t]/.test(t) && /^\s+[-*+][ \t]/.test(text[i + 1] ?? ""));
}
