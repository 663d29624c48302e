/**
 * The no-loss invariant (issue 11, widened): every non-blank line of a notes file ends up in exactly
 * one question entry, topic note or session note. An entry claims its question's (or heading's) line
 * and, walking down the notes from there, one notes line per non-blank line of its body (blank lines
 * may be dropped, nothing else); an untitled note (empty heading) starts claiming at its own line.
 * The only lines no entry needs to claim are the file's structure, decided here independently of the
 * parser: frontmatter at the top, the first `# ` title, a heading that names a topic, a heading whose
 * next line is a deeper heading (it only groups them, like `## Q&A`), a `---` separator and a
 * `<!-- topic: … -->` directive. A structural line claimed by an entry (a `## Docker` inside a code
 * fence) must still be claimed exactly once.
 * Lines are compared as the parser reads them — byte-order mark, CRLF and decomposed Hangul
 * normalised, indentation ignored, a path with spaces wrapped in `<…>` — because those are the
 * importer's documented repairs, not losses.
 */
import { topicForHeading } from "../../src/core/topics";

export interface ClaimingEntry {
  /** Name for messages, e.g. `docker/d5.md`. */
  readonly name: string;
  /** 1-based notes line of the question (or heading); for an untitled note, its first line. */
  readonly line: number;
  /** The question text (or note title; "" for an untitled note). */
  readonly heading: string;
  readonly body: string;
}

const TOPIC_DIRECTIVE = /^\s*<!--\s*topic:\s*[\w-]+\s*-->\s*$/;
const SEPARATOR = /^(?:-{3,}|\*{3,}|_{3,})\s*$/;
const HEADING = /^(#{1,6})[ \t]+(.*?\S)(?:[ \t]+#+)?[ \t]*$/;
const FIELD = /^[A-Za-z][\w-]*\s*:/;

/** Lines (1-based) of the file's structure: see the header. */
export function structuralLines(lines: readonly string[]): Set<number> {
  const out = new Set<number>();
  if (lines[0]?.trim() === "---") {
    const end = lines.findIndex((l, i) => i > 0 && l.trim() === "---");
    if (end > 0 && end < 20 && lines.slice(1, end).every((l) => l.trim() === "" || FIELD.test(l))) {
      for (let i = 0; i <= end; i++) out.add(i + 1);
    }
  }
  let titleSeen = false;
  let fence: { char: string; length: number } | undefined;
  lines.forEach((text, i) => {
    // Inside a code fence nothing is structure (`# prepare test` is code).
    const run = /^\s*(`{3,}|~{3,})/.exec(text)?.[1];
    if (fence) {
      if (run && run[0] === fence.char && run.length >= fence.length && text.trim() === run) fence = undefined;
      return;
    }
    if (run && !(run[0] === "`" && text.trim().slice(run.length).includes("`"))) {
      fence = { char: run[0]!, length: run.length };
      return;
    }
    if (SEPARATOR.test(text) || TOPIC_DIRECTIVE.test(text)) out.add(i + 1);
    const heading = HEADING.exec(text);
    if (!heading) return;
    const level = heading[1]!.length;
    const next = lines.slice(i + 1).find((l) => l.trim() !== "");
    const nextHeading = next !== undefined ? HEADING.exec(next) : null;
    const groups = nextHeading !== null && nextHeading[1]!.length > level;
    const title = level === 1 && !titleSeen && !topicForHeading(heading[2]!);
    if (title) titleSeen = true;
    if (title || groups || topicForHeading(heading[2]!)) out.add(i + 1);
  });
  return out;
}

export function notesLinesAsParsed(notesText: string): string[] {
  return notesText
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .normalize("NFC")
    .split("\n");
}

/** A line as the invariant compares it: no indentation or trailing space, `](<a b>)` read as `](a b)`. */
export function canonicalLine(line: string): string {
  return line.replace(/\]\((\s*)<([^<>\n]*)>(\s*)\)/g, "]($1$2$3)").replace(/^[\s\u200B\uFEFF]+|[\s\u200B\uFEFF]+$/g, "");
}

export const sameLine = (notesLine: string, entryLine: string) => canonicalLine(notesLine) === canonicalLine(entryLine);

const isBlank = (s: string) => s.replace(/[\s\u200B\uFEFF]+/g, "") === "";

/** Every way the entries break the invariant, as readable messages; empty when nothing is lost. */
export function noLossViolations(notesText: string, entries: readonly ClaimingEntry[]): string[] {
  const lines = notesLinesAsParsed(notesText);
  const violations: string[] = [];
  const claims = new Map<number, string[]>();
  const claim = (line: number, name: string) => claims.set(line, [...(claims.get(line) ?? []), name]);

  for (const entry of entries) {
    const untitled = entry.heading === "";
    if (!untitled) {
      const questionLine = lines[entry.line - 1] ?? "";
      if (!canonicalLine(questionLine).includes(canonicalLine(entry.heading))) {
        violations.push(`${entry.name}: notes line ${entry.line} is not its question ("${questionLine}")`);
      }
      claim(entry.line, entry.name);
    }
    let n = untitled ? entry.line - 1 : entry.line;
    for (const bodyLine of entry.body.split("\n").filter((l) => !isBlank(l))) {
      // Blank lines may be dropped, and so may a topic directive (the parser acts on it in a question).
      const skippable = (line: string) => isBlank(line) || (TOPIC_DIRECTIVE.test(line) && !sameLine(line, bodyLine));
      do n++;
      while (n <= lines.length && skippable(lines[n - 1]!));
      if (!sameLine(lines[n - 1] ?? "", bodyLine)) {
        violations.push(`${entry.name}: body line "${bodyLine}" is not notes line ${n} ("${lines[n - 1]}")`);
        break;
      }
      claim(n, entry.name);
    }
  }
  const structure = structuralLines(lines);
  lines.forEach((text, i) => {
    const owners = claims.get(i + 1) ?? [];
    if (isBlank(text) || owners.length === 1 || (owners.length === 0 && structure.has(i + 1))) return;
    violations.push(`notes line ${i + 1} is in ${owners.length} entries (${owners.join(", ")}): ${text}`);
  });
  return violations;
}
