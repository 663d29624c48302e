/**
 * The line classifier of the notes parser: what each line of a notes file is, decided line by line
 * from a table of line kinds kept as data (like `PROMPT_FORMS` in src/markdown/transcripts/prompts.ts).
 * The only state is whether a code fence is open: inside one, every line is code, however much it
 * looks like a heading (`# prepare test`), a question (`- 가짜 질문`) or a separator. What a line
 * *means* (a question, an answer, a note) depends on where it stands; that is the block assembler's
 * job (assemble-blocks.ts).
 *
 * Why not remark: remark reads a question line's bullet and its indented answer as one list item,
 * loses the notes line of each Markdown line, and has no notion of a question ending at the next
 * column-0 bullet; the format is line-based, so it is read line by line here and each block's body
 * is then rendered by the remark pipeline like any Markdown.
 */
import { expandIndent } from "./indentation";

export type LineKind = "blank" | "fence-open" | "fence" | "heading" | "separator" | "question" | "topic-override" | "indented" | "text";

export interface LineKindRule {
  readonly kind: LineKind;
  /** What the kind is in the notes, for documentation and tests. */
  readonly examples: readonly string[];
  /** Tested on the line with its indentation read as plain spaces (tabs expanded). */
  readonly pattern: RegExp;
  /** When set, the kind only applies at column 0 (an indented `## x` is answer text). */
  readonly columnZero?: boolean;
}

/** `<!-- topic: helm -->` anywhere in a question's block moves that one question. */
export const TOPIC_OVERRIDE = /<!--\s*topic:\s*(?<topic>[\w-]+)\s*-->/;

/** Tried in order; the first rule whose pattern matches gives the line its kind. */
export const LINE_KINDS: readonly LineKindRule[] = [
  { kind: "blank", examples: ["", "   "], pattern: /^\s*$/ },
  // A fence at any indentation: under an answer bullet (`    ```yaml`) or at column 0. A backtick
  // fence's info string cannot hold a backtick (CommonMark: that is inline code).
  { kind: "fence-open", examples: ["```bash", "  ~~~", "````"], pattern: /^(?<indent> *)(?<marker>`{3,}(?!.*`)|~{3,})(?<info>.*)$/ },
  // ATX heading: 1–6 `#`, a space, text; optional closing `#`s. `##MSP T3` (no space) is text.
  {
    kind: "heading",
    examples: ["# MSP T3 - 23-5차", "## Docker", "#### Docker summary"],
    pattern: /^(?<hashes>#{1,6})[ \t]+(?<text>.*?\S)(?:[ \t]+#+)?[ \t]*$/,
    columnZero: true,
  },
  { kind: "separator", examples: ["---", "***", "___"], pattern: /^(?:-{3,}|\*{3,}|_{3,})\s*$/, columnZero: true },
  // A question is a bullet at column 0 (`- `, `* ` or `+ `); its answer's bullets are indented.
  { kind: "question", examples: ["- 컨테이너는?", "* 이미지는?"], pattern: /^[-*+][ \t]+(?<text>.*)$/, columnZero: true },
  { kind: "topic-override", examples: ["<!-- topic: helm -->"], pattern: new RegExp(TOPIC_OVERRIDE.source) },
  { kind: "indented", examples: ["  - 답변", " - 한 칸 들여쓴 답변", "\t- 탭"], pattern: /^[ ]+\S/ },
  // Everything else at column 0: a paragraph, a blockquote, an image, a table row, `##MSP T3 강의계획`.
  { kind: "text", examples: ["> 인용", "![](img/a.png)", "| a | b |"], pattern: /^/ },
];

export interface ClassifiedLine {
  /** 1-based line number. */
  readonly line: number;
  /** The line as read from the file. */
  readonly raw: string;
  /** Indentation as plain spaces (tabs, look-alike spaces expanded). */
  readonly text: string;
  /** Width of the indentation in columns. */
  readonly columns: number;
  readonly kind: LineKind;
  readonly groups: Readonly<Record<string, string | undefined>>;
  readonly hadTab: boolean;
  readonly oddSpaces: readonly string[];
}

/** The code fence a `fence-open` line opened, as needed to find its end. */
interface OpenFence {
  readonly marker: string;
  readonly columns: number;
}

/** Gives every line its kind; `fence` lines are inside a code fence (its closing line included). */
export function classifyLines(lines: readonly string[]): ClassifiedLine[] {
  let fence: OpenFence | undefined;
  return lines.map((raw, index) => {
    const line = index + 1;
    const expanded = expandIndent(raw);
    const base = { line, raw, text: expanded.text, columns: expanded.columns, hadTab: expanded.hadTab, oddSpaces: expanded.oddSpaces };
    if (fence) {
      if (!closesFence(expanded.text, expanded.columns, fence)) return { ...base, kind: "fence", groups: {} };
      fence = undefined;
      return { ...base, kind: "fence", groups: { closes: "yes" } };
    }
    const { kind, groups } = classifyLine(expanded.text, expanded.columns);
    if (kind === "fence-open") fence = { marker: groups.marker ?? "```", columns: expanded.columns };
    return { ...base, kind, groups };
  });
}

/** The kind of one line outside a fence. */
export function classifyLine(
  text: string,
  columns = expandIndent(text).columns,
): { kind: LineKind; groups: Record<string, string | undefined> } {
  for (const rule of LINE_KINDS) {
    if (rule.columnZero && columns > 0) continue;
    const match = rule.pattern.exec(text);
    if (match) return { kind: rule.kind, groups: { ...match.groups } };
  }
  return { kind: "text", groups: {} };
}

/** CommonMark: a closing fence is a run of the same character, at least as long, and nothing else. */
function closesFence(text: string, columns: number, fence: OpenFence): boolean {
  if (columns > fence.columns + 3) return false;
  const trimmed = text.slice(columns);
  const char = fence.marker[0] ?? "`";
  let run = 0;
  while (trimmed[run] === char) run++;
  return run >= fence.marker.length && trimmed.slice(run).trim() === "";
}
