/**
 * The block assembler of the notes parser: walks the classified lines (line-kinds.ts) and groups
 * them into blocks — questions, topic notes and session notes — following the rules of issue 11:
 *
 * - A heading is a topic when its text names one (src/core/topics.ts), whatever its level; a topic
 *   ends at the next heading of the same or a higher level.
 * - In a topic, a column-0 bullet is a question; everything under it (indented answers, and
 *   paragraphs, blockquotes, fences and images at column 0) is its answer until the next question,
 *   heading or `---`.
 * - Any other heading opens a note that owns everything below it until the next heading of its
 *   level or higher (deeper headings are part of its body): a topic note inside a topic, a session
 *   note outside any. A heading whose next line is a deeper heading only groups them (`## Q&A`).
 * - Content with no heading of its own (before a topic's first question, after a `---`, before the
 *   first topic) is an untitled note of the same kind.
 *
 * State is one explicit `Assembly` object handed to a small handler per line kind; nothing is kept
 * in closures, and the handlers are listed in one table (`HANDLERS`).
 */
import type { Problem } from "../core/problems";
import { isTopicId, topicForHeading, TOPICS, type TopicId } from "../core/topics";
import { rescaleIndent, removeColumns } from "./indentation";
import { TOPIC_OVERRIDE, type ClassifiedLine, type LineKind } from "./line-kinds";
import { wrapDestinationsWithSpaces } from "./link-destinations";
import { readTitle, type SessionName } from "./notes-title";

/** One line of a block, already in the form it takes in the entry's Markdown body. */
export interface BlockLine {
  readonly text: string;
  readonly line: number;
  /** Part of a fenced code block (its fences included): kept verbatim, never scanned for images. */
  readonly inFence: boolean;
}

export type BlockKind = "question" | "topic-note" | "session-note";

export interface Block {
  readonly kind: BlockKind;
  /** Line of the question or heading; for an untitled note, its first line. */
  readonly line: number;
  /** The question text, or the note's heading text ("" for an untitled note). */
  heading: string;
  /** The topic the block stands in (questions and topic notes). */
  readonly topic?: TopicId;
  override?: TopicId;
  readonly lines: BlockLine[];
  /** Columns per indentation level, read from the first indented line of the block. */
  indentUnit?: number;
}

/** An open section of the file: a topic, a note's heading, a heading inside a note, or a grouping heading. */
interface Section {
  readonly level: number;
  readonly kind: "topic" | "note" | "inner" | "group";
  readonly topic?: TopicId;
}

export interface Assembly {
  readonly file: string;
  readonly lines: readonly ClassifiedLine[];
  readonly problems: Problem[];
  readonly blocks: Block[];
  stack: Section[];
  block?: Block;
  /** The fence being read: its indentation is removed from every line in it. */
  fence?: { line: number; marker: string; columns: number };
  /** The `# …` title as read (course, session, track), with its line. */
  title?: SessionName & { line: number };
  /** Line of a first `# …` heading that no title form reads. */
  unreadableTitle?: { line: number; text: string };
  readonly indent: IndentReport;
}

/** Groups classified lines into blocks; problems found on the way are added to `problems`. */
export function assembleBlocks(file: string, lines: readonly ClassifiedLine[], problems: Problem[]): Assembly {
  const state: Assembly = { file, lines, problems, blocks: [], stack: [], indent: new IndentReport() };
  lines.forEach((line, index) => {
    if (line.kind !== "fence") state.fence = undefined;
    HANDLERS[line.kind](state, line, index);
  });
  if (state.fence) {
    const { line, marker } = state.fence;
    error(state, line, `code fence ${marker} opened here is never closed; close it with ${marker} on a line of its own`);
  }
  closeBlock(state);
  problems.push(...state.indent.warnings(file));
  return state;
}

type Handler = (state: Assembly, line: ClassifiedLine, index: number) => void;

const HANDLERS: Record<LineKind, Handler> = {
  blank: (s, l) => s.block?.lines.push({ text: "", line: l.line, inFence: false }),
  "fence-open": (s, l) => {
    s.fence = { line: l.line, marker: l.groups.marker ?? "```", columns: l.columns };
    addLine(s, l, true);
  },
  fence: (s, l) => {
    const block = s.block ?? openUntitledNote(s, l.line);
    block.lines.push({ text: removeColumns(l.raw, s.fence?.columns ?? 0), line: l.line, inFence: true });
    if (l.groups.closes) s.fence = undefined;
  },
  heading: onHeading,
  separator: (s) => {
    closeBlock(s);
    // `---` ends a titled note too; what follows in the topic is an untitled note or a question.
    while (s.stack.length > 0 && s.stack[s.stack.length - 1]!.kind !== "topic") s.stack.pop();
  },
  question: onQuestion,
  "topic-override": (s, l) => {
    const block = s.block;
    if (block?.kind !== "question") return addLine(s, l, false);
    takeOverride(s, block, l.text, l.line);
    const rest = l.text.replace(TOPIC_OVERRIDE, "");
    if (rest.trim()) block.lines.push({ text: answerText(s, rest.trimEnd(), l.line), line: l.line, inFence: false });
  },
  indented: (s, l) => addLine(s, l, false),
  text: (s, l) => addLine(s, l, false),
};

function onHeading(s: Assembly, l: ClassifiedLine, index: number) {
  const level = (l.groups.hashes ?? "#").length;
  const text = l.groups.text ?? "";
  const topic = topicForHeading(text);
  if (!topic && level === 1 && takeTitle(s, l, text)) return;
  while (s.stack.length > 0 && s.stack[s.stack.length - 1]!.level >= level) s.stack.pop();
  const inner = s.stack[s.stack.length - 1];
  if (topic) {
    closeBlock(s);
    s.stack.push({ level, kind: "topic", topic: topic.id });
  } else if (s.block && (inner?.kind === "note" || inner?.kind === "inner")) {
    // A deeper heading inside a note is part of the note's body.
    s.block.lines.push({ text: l.text, line: l.line, inFence: false });
    s.stack.push({ level, kind: "inner" });
  } else if (opensDeeperHeading(s.lines, index, level)) {
    closeBlock(s);
    s.stack.push({ level, kind: "group" });
  } else {
    closeBlock(s);
    const inTopic = currentTopic(s);
    s.block = {
      kind: inTopic ? "topic-note" : "session-note",
      line: l.line,
      heading: wrapPaths(s, text, l.line),
      topic: inTopic,
      lines: [],
    };
    s.stack.push({ level, kind: "note" });
  }
}

/** A level-1 heading that is the file's title (read or not); false when it is an ordinary heading. */
function takeTitle(s: Assembly, l: ClassifiedLine, text: string): boolean {
  const title = readTitle(text);
  if (title) {
    const first = s.title?.line ?? s.unreadableTitle?.line;
    if (first !== undefined) {
      error(s, l.line, `a second title (the first is on line ${first}); one notes file holds one session`);
      return true;
    }
    s.title = { course: title.course, session: title.session, track: title.track, line: l.line };
  } else if (!s.title && !s.unreadableTitle) {
    s.unreadableTitle = { line: l.line, text };
  } else {
    return false;
  }
  closeBlock(s);
  s.stack = [];
  return true;
}

function onQuestion(s: Assembly, l: ClassifiedLine) {
  const topic = currentTopic(s);
  // A titled note owns every line below it, bullets included, until a heading or `---`.
  const inTitledNote = s.block !== undefined && s.block.kind !== "question" && s.block.heading !== "";
  if (!topic || inTitledNote) return addLine(s, l, false);
  closeBlock(s);
  const block: Block = { kind: "question", line: l.line, heading: "", topic, lines: [] };
  s.block = block;
  const raw = l.groups.text ?? "";
  takeOverride(s, block, raw, l.line);
  block.heading = wrapPaths(s, raw.replace(TOPIC_OVERRIDE, "").trim(), l.line);
  if (!block.heading) error(s, l.line, "a question bullet with no text");
}

/** Adds a line outside a fence (or a fence's first line) to the open block, or opens an untitled note for it. */
function addLine(s: Assembly, l: ClassifiedLine, opensFence: boolean) {
  const block = s.block ?? openUntitledNote(s, l.line);
  const indented = readIndentation(s, block, l);
  const text =
    block.kind === "question" ? answerText(s, indented, l.line, opensFence) : opensFence ? indented : wrapPaths(s, indented, l.line);
  block.lines.push({ text, line: l.line, inFence: opensFence });
}

/** An answer line as Markdown: moved left by the question's two columns; paths with spaces wrapped. */
function answerText(s: Assembly, text: string, line: number, inFence = false): string {
  const moved = removeColumns(text, 2);
  return inFence ? moved : wrapPaths(s, moved, line);
}

function openUntitledNote(s: Assembly, line: number): Block {
  const topic = currentTopic(s);
  const block: Block = { kind: topic ? "topic-note" : "session-note", line, heading: "", topic, lines: [] };
  s.block = block;
  return block;
}

function closeBlock(s: Assembly) {
  if (s.block) s.blocks.push(s.block);
  s.block = undefined;
}

/** The innermost open topic, unless a note heading stands between it and here. */
function currentTopic(s: Assembly): TopicId | undefined {
  for (let i = s.stack.length - 1; i >= 0; i--) {
    const section = s.stack[i]!;
    if (section.kind === "topic") return section.topic;
  }
  return undefined;
}

/** True when the next non-blank line is a heading deeper than `level`: the heading only groups them. */
export function opensDeeperHeading(lines: readonly ClassifiedLine[], index: number, level: number): boolean {
  for (let i = index + 1; i < lines.length; i++) {
    const next = lines[i]!;
    if (next.kind === "blank") continue;
    return next.kind === "heading" && (next.groups.hashes ?? "").length > level;
  }
  return false;
}

function takeOverride(s: Assembly, block: Block, text: string, line: number) {
  const topic = TOPIC_OVERRIDE.exec(text)?.groups?.topic ?? "";
  if (!topic) return;
  if (isTopicId(topic)) block.override = topic;
  else error(s, line, `unknown topic "${topic}" in topic override; use one of ${TOPICS.map((t) => t.id).join(", ")}`);
}

function wrapPaths(s: Assembly, text: string, line: number): string {
  const { text: wrapped, wrapped: paths } = wrapDestinationsWithSpaces(text);
  for (const p of paths) warning(s, line, `the path "${p}" contains spaces; written as <${p}> so that Markdown reads it as one path`);
  return wrapped;
}

const error = (s: Assembly, line: number, message: string) => s.problems.push({ file: s.file, line, message, severity: "error" });
const warning = (s: Assembly, line: number, message: string) => s.problems.push({ file: s.file, line, message, severity: "warning" });

/**
 * Reads a line's indentation the way the author meant it: tabs and look-alike spaces become plain
 * spaces, a block indented four spaces (or a tab) per level is rescaled to two, and in an answer
 * indented by two, a line indented by an odd number (` - …`, `   - …`) joins the level below it
 * (1 → 2, 3 → 2, 5 → 4), which is how CommonMark nests it among its two-space neighbours.
 */
function readIndentation(s: Assembly, block: Block, l: ClassifiedLine): string {
  if (l.hadTab) s.indent.tabs.push(l.line);
  if (l.oddSpaces.length > 0) s.indent.addOddSpaces(l.line, l.oddSpaces);
  if (l.columns === 0 || l.text.trim() === "") return l.text;
  if (block.indentUnit === undefined) {
    block.indentUnit = l.columns >= 4 ? 4 : 2;
    if (block.indentUnit > 2 && !l.hadTab) s.indent.wide.push({ line: l.line, unit: block.indentUnit });
  }
  if (block.kind === "question" && block.indentUnit === 2 && l.columns % 2 === 1) {
    s.indent.odd.push(l.line);
    return " ".repeat(Math.max(2, l.columns - 1)) + l.text.slice(l.columns);
  }
  return rescaleIndent(l.text, l.columns, block.indentUnit);
}

/** Collects indentation fixes over a file and reports each kind once, listing its lines. */
class IndentReport {
  readonly tabs: number[] = [];
  readonly wide: { line: number; unit: number }[] = [];
  readonly odd: number[] = [];
  private readonly oddSpaces = new Map<string, number[]>();

  addOddSpaces(line: number, names: readonly string[]) {
    for (const name of names) this.oddSpaces.set(name, [...(this.oddSpaces.get(name) ?? []), line]);
  }

  warnings(file: string): Problem[] {
    const out: Problem[] = [];
    const warn = (lines: readonly number[], message: string) => {
      if (lines.length > 0) out.push({ file, line: lines[0]!, severity: "warning", message: message + alsoOn(lines) });
    };
    warn(this.tabs, "indented with a tab; each tab is read as four columns and the answer as if indented by two spaces per level");
    const wide = this.wide.map((w) => w.line);
    warn(wide, "answer indented by 4 spaces or more; read as one level per 4 spaces (the format indents by two spaces per level)");
    warn(this.odd, "answer indented by an odd number of spaces; read as the two-space level just below it (1 or 3 spaces → 2)");
    for (const [name, lines] of this.oddSpaces) warn(lines, `indentation contains ${name}; read as plain spaces`);
    return out;
  }
}

function alsoOn(lines: readonly number[]): string {
  const rest = lines.slice(1);
  if (rest.length === 0) return "";
  const shown = rest.slice(0, 10).join(", ");
  return ` (also on line${rest.length > 1 ? "s" : ""} ${shown}${rest.length > 10 ? ` and ${rest.length - 10} more` : ""})`;
}
