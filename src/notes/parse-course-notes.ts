import { isLocalRelativePath } from "../core/local-paths";
import type { Problem } from "../core/problems";
import { isTopicId, topicForHeading, TOPICS, type TopicId } from "../core/topics";
import { classifyTopic, type TopicReason } from "./classify-topic";
import { expandIndent, indentColumns, removeColumns, rescaleIndent } from "./indentation";
import { wrapDestinationsWithSpaces } from "./link-destinations";
import { normalizeNotesText } from "./normalize-text";
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
  /** Topic of the `##` section the question is written in. */
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

/** A block under a `###` heading that is not a question, e.g. `### Docker Summary`. */
export interface ParsedTopicNote {
  readonly file: string;
  readonly course: string;
  readonly session: string;
  readonly topic: TopicId;
  readonly title: string;
  readonly body: string;
  readonly line: number;
  readonly bodyLines: readonly number[];
  readonly images: readonly ImageRef[];
}

export interface ParsedNotes {
  readonly file: string;
  readonly course: string;
  readonly session: string;
  readonly questions: readonly ParsedQuestion[];
  readonly topicNotes: readonly ParsedTopicNote[];
  readonly problems: readonly Problem[];
}

// `# MSP T3 - 23-5차`: course name, a dash, the session number and 차.
const TITLE = /^#\s+(?<course>.+?)\s+-\s+(?<session>\d+(?:[-.]\d+)*)\s*차\s*$/;
const SECTION = /^##\s+(?<name>.+?)\s*#*\s*$/;
const SUBSECTION = /^###\s+(?<name>.+?)\s*#*\s*$/;
const SEPARATOR = /^(?:-{3,}|\*{3,}|_{3,})\s*$/;
// A question is a bullet at column 0; the answer's bullets are indented.
const QUESTION = /^[-*+]\s+(?<text>.*)$/;
const FENCE_OPEN = /^(?<indent> *)(?<marker>`{3,}|~{3,})(?<info>.*)$/;
// `<!-- topic: helm -->` anywhere in a question's block moves that one question.
const TOPIC_OVERRIDE = /<!--\s*topic:\s*(?<topic>[\w-]+)\s*-->/;
// Markdown image with a local path: `![alt](img/a.png)`, `![alt](img/a(1).png)` (balanced
// parentheses) or `![alt](<img/a b.png> "title")`. The alt text is bounded so that a very long line
// full of `![` costs linear time, not quadratic.
const IMAGE = /!\[[^\]\n]{0,1000}\]\(\s*(?:<(?<angled>[^>\n]+)>|(?<plain>(?:[^()\s]|\([^()\s]*\))+))(?:\s+"[^"]*")?\s*\)/g;

/** A question longer than this is probably a question and its answer typed on one line. */
export const LONG_QUESTION = 300;
/** A line longer than this is reported (imported whole): line breaks may have been lost. */
export const LONG_LINE = 2000;

/** One line of a block, already in the form it takes in the entry's Markdown body. */
interface BlockLine {
  text: string;
  line: number;
  /** Part of a fenced code block (its fences included): kept verbatim, never scanned for images. */
  inFence: boolean;
}

interface Block {
  kind: "question" | "note";
  line: number;
  heading: string;
  sectionTopic: TopicId;
  override?: TopicId;
  lines: BlockLine[];
  /** Columns per indentation level, read from the first indented line of the block. */
  indentUnit?: number;
}

interface OpenFence {
  /** Indentation of the opening fence as read (after tabs and rescaling). */
  indent: number;
  /** Indentation of the opening fence in the file, in columns: removed from every content line. */
  rawIndent: number;
  marker: string;
  line: number;
}

/**
 * Parses one course-notes file (format: GUIDE §2) into questions and topic notes.
 * Never throws on bad input: every problem comes back with its file and line.
 */
export function parseCourseNotes(rawText: string, file: string): ParsedNotes {
  const problems: Problem[] = [];
  const error = (line: number, message: string) => problems.push({ file, line, message, severity: "error" });
  const warning = (line: number, message: string) => problems.push({ file, line, message, severity: "warning" });
  const oddIndent = new IndentReport();

  const { text, problems: textProblems } = normalizeNotesText(rawText, file);
  problems.push(...textProblems);
  const lines = text.split("\n");

  let course = "";
  let session = "";
  let sectionTopic: TopicId | undefined;
  let sectionKnown = true;
  let block: Block | undefined;
  let fence: OpenFence | undefined;
  const blocks: Block[] = [];

  const closeBlock = () => {
    if (block) blocks.push(block);
    block = undefined;
  };

  /** Adds a line that is not inside a fence to the current block, as answer Markdown. */
  const pushAnswerLine = (target: Block, lineText: string, line: number, inFence: boolean) => {
    let textOut = removeColumns(lineText, 2);
    if (!inFence) textOut = wrapPaths(textOut, line);
    target.lines.push({ text: textOut, line, inFence });
  };

  const wrapPaths = (lineText: string, line: number) => {
    const { text: wrapped, wrapped: paths } = wrapDestinationsWithSpaces(lineText);
    for (const p of paths) {
      warning(line, `the path "${p}" contains spaces; written as <${p}> so that Markdown reads it as one path`);
    }
    return wrapped;
  };

  lines.forEach((rawLine, index) => {
    const line = index + 1;

    if (fence) {
      // Inside a fence everything is verbatim (transcripts print tabs and indented YAML) except the
      // fence's own indentation.
      block?.lines.push({ text: removeColumns(rawLine, fence.rawIndent), line, inFence: true });
      if (closesFence(rawLine, fence)) fence = undefined;
      return;
    }

    if (rawLine.length > LONG_LINE) {
      warning(
        line,
        `line is ${rawLine.length.toLocaleString("en")} characters long; it is imported whole — check that no line breaks were lost`,
      );
    }
    const lineText = readIndentation(rawLine, line, block, oddIndent);
    fence = openFence(lineText, line, indentColumns(rawLine));

    if (!fence && lineText.startsWith("#")) {
      const title = TITLE.exec(lineText);
      const section = SECTION.exec(lineText);
      const subsection = SUBSECTION.exec(lineText);
      if (title?.groups) {
        closeBlock();
        if (course) error(line, "a second `# course - session차` title; one notes file holds one session");
        course = title.groups.course ?? "";
        session = title.groups.session ?? "";
        return;
      }
      if (lineText.startsWith("# ")) {
        error(line, "the title must read `# <course> - <session>차`, e.g. `# MSP T3 - 23-5차`");
        return;
      }
      if (section?.groups) {
        closeBlock();
        const topic = topicForHeading(section.groups.name ?? "");
        sectionKnown = Boolean(topic);
        sectionTopic = topic?.id;
        if (!topic) {
          const known = TOPICS.map((t) => t.headings.join(" / ")).join(", ");
          error(
            line,
            `unknown topic section "## ${section.groups.name}"; known topics: ${known}. ` +
              "To add one, add a row to src/core/topics.ts and a collection to src/site/content.config.ts",
          );
        }
        return;
      }
      if (subsection?.groups) {
        closeBlock();
        if (sectionTopic) {
          block = { kind: "note", line, heading: subsection.groups.name ?? "", sectionTopic, lines: [] };
        } else if (sectionKnown) {
          error(line, "a `###` block before any `## topic` section");
        }
        return;
      }
    }

    if (!fence && SEPARATOR.test(lineText)) {
      closeBlock();
      return;
    }

    const question = fence ? undefined : QUESTION.exec(lineText);
    if (question?.groups) {
      closeBlock();
      if (!sectionTopic) {
        if (sectionKnown) error(line, "a question before any `## topic` section");
        return;
      }
      block = { kind: "question", line, heading: question.groups.text ?? "", sectionTopic, lines: [] };
      takeOverride(block, block.heading, line);
      block.heading = wrapPaths(block.heading.replace(TOPIC_OVERRIDE, "").trim(), line);
      if (!block.heading) error(line, "a question bullet with no text");
      else if (block.heading.length > LONG_QUESTION) {
        warning(
          line,
          `question is ${block.heading.length} characters long (more than ${LONG_QUESTION}); is its answer on the same line? ` +
            "Put the answer on the next lines, indented by two spaces",
        );
      }
      return;
    }

    if (block) {
      if (block.kind === "question" && TOPIC_OVERRIDE.test(lineText) && !fence) {
        takeOverride(block, lineText, line);
        const rest = lineText.replace(TOPIC_OVERRIDE, "");
        if (rest.trim()) pushAnswerLine(block, rest.trimEnd(), line, false);
        return;
      }
      pushAnswerLine(block, lineText, line, Boolean(fence));
      return;
    }

    if (lineText.trim() !== "" && sectionKnown) {
      error(line, "text outside any question: start a question with `- ` at column 0 or indent an answer line by two spaces");
    }
  });
  if (fence) {
    error(fence.line, `code fence ${fence.marker} opened here is never closed; close it with ${fence.marker} on a line of its own`);
  }
  closeBlock();
  problems.push(...oddIndent.warnings(file));

  function takeOverride(target: Block, lineText: string, line: number) {
    const topic = TOPIC_OVERRIDE.exec(lineText)?.groups?.topic ?? "";
    if (!topic) return;
    if (isTopicId(topic)) target.override = topic;
    else error(line, `unknown topic "${topic}" in topic override; use one of ${TOPICS.map((t) => t.id).join(", ")}`);
  }

  if (!course) error(1, "missing title line `# <course> - <session>차`, e.g. `# MSP T3 - 23-5차`");

  const questions: ParsedQuestion[] = [];
  const topicNotes: ParsedTopicNote[] = [];
  for (const b of blocks) {
    const { body, bodyLines } = blockBody(b.lines);
    const images = findImages(b.lines);
    if (b.kind === "question") {
      const decision = classifyTopic(b.sectionTopic, b.heading, b.override);
      if (body.trim() === "") warning(b.line, "question has no answer yet; it is imported and marked as unanswered");
      questions.push({
        file,
        course,
        session,
        sectionTopic: b.sectionTopic,
        topic: decision.topic,
        topicReason: decision.reason,
        question: b.heading,
        body,
        bodyLines,
        line: b.line,
        images,
      });
    } else {
      topicNotes.push({ file, course, session, topic: b.sectionTopic, title: b.heading, body, bodyLines, line: b.line, images });
    }
  }
  problems.push(...repeatedQuestions(questions));
  problems.sort((a, b) => a.line - b.line);
  return { file, course, session, questions, topicNotes, problems };
}

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

/**
 * Reads a line's indentation the way the author meant it: tabs and look-alike spaces become plain
 * spaces, and a block indented four spaces (or a tab) per level is rescaled to two, so the answer
 * imports exactly as if it had been written in the format.
 */
function readIndentation(rawLine: string, line: number, block: Block | undefined, report: IndentReport): string {
  const expanded = expandIndent(rawLine);
  if (expanded.hadTab) report.tabs.push(line);
  if (expanded.oddSpaces.length > 0) report.addOddSpaces(line, expanded.oddSpaces);
  if (!block || expanded.columns === 0 || expanded.text.trim() === "") return expanded.text;
  if (block.indentUnit === undefined) {
    block.indentUnit = expanded.columns >= 4 ? 4 : 2;
    if (block.indentUnit > 2 && !expanded.hadTab) report.wide.push({ line, unit: block.indentUnit });
  }
  return rescaleIndent(expanded.text, expanded.columns, block.indentUnit);
}

/** Collects indentation fixes over a file and reports each kind once, listing its lines. */
class IndentReport {
  readonly tabs: number[] = [];
  readonly wide: { line: number; unit: number }[] = [];
  private readonly odd = new Map<string, number[]>();

  addOddSpaces(line: number, names: readonly string[]) {
    for (const name of names) this.odd.set(name, [...(this.odd.get(name) ?? []), line]);
  }

  warnings(file: string): Problem[] {
    const out: Problem[] = [];
    const warn = (lines: readonly number[], message: string) => {
      if (lines.length > 0) out.push({ file, line: lines[0]!, severity: "warning", message: message + alsoOn(lines) });
    };
    warn(this.tabs, "indented with a tab; each tab is read as four columns and the answer as if indented by two spaces per level");
    const wide = this.wide.map((w) => w.line);
    warn(wide, "answer indented by 4 spaces or more; read as one level per 4 spaces (the format indents by two spaces per level)");
    for (const [name, lines] of this.odd) warn(lines, `indentation contains ${name}; read as plain spaces`);
    return out;
  }
}

function alsoOn(lines: readonly number[]): string {
  const rest = lines.slice(1);
  if (rest.length === 0) return "";
  const shown = rest.slice(0, 10).join(", ");
  return ` (also on line${rest.length > 1 ? "s" : ""} ${shown}${rest.length > 10 ? ` and ${rest.length - 10} more` : ""})`;
}

function openFence(lineText: string, line: number, rawIndent: number): OpenFence | undefined {
  const groups = FENCE_OPEN.exec(lineText)?.groups;
  if (!groups) return undefined;
  const { indent = "", marker = "", info = "" } = groups;
  // CommonMark: a backtick fence's info string cannot contain a backtick (that is inline code).
  if (indent.length > 3 || (marker.startsWith("`") && info.includes("`"))) return undefined;
  return { indent: indent.length, rawIndent, marker, line };
}

function closesFence(rawLine: string, fence: OpenFence): boolean {
  const { text, columns } = expandIndent(rawLine);
  if (columns > Math.max(fence.indent, fence.rawIndent) + 3) return false;
  const trimmed = text.slice(columns);
  const char = fence.marker[0] ?? "`";
  let run = 0;
  while (trimmed[run] === char) run++;
  return run >= fence.marker.length && trimmed.slice(run).trim() === "";
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
