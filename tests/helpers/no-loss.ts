/**
 * The no-loss invariant: every non-blank question and answer line of a notes file ends up in
 * exactly one entry. An entry claims its question's line and, walking down the notes from there,
 * one notes line per non-blank line of its body (blank lines may be dropped, nothing else).
 * Lines are compared as the parser reads them — byte-order mark, CRLF and decomposed Hangul
 * normalised, indentation ignored, a path with spaces wrapped in `<…>` — because those are the
 * importer's documented repairs, not losses.
 */
export interface ClaimingEntry {
  /** Name for messages, e.g. `docker/d5.md`. */
  readonly name: string;
  /** 1-based notes line of the question (or `###` title). */
  readonly line: number;
  /** The question text (or topic-note title). */
  readonly heading: string;
  readonly body: string;
}

// Separators, `#`/`##` headings and a line that only moves its question to another topic
// (`<!-- topic: helm -->`, a directive to the importer) belong to no entry; `###` titles belong
// to their topic note.
const TOPIC_DIRECTIVE = /^\s*<!--\s*topic:\s*[\w-]+\s*-->\s*$/;
const STRUCTURAL = /^(?:#{1,2}\s|(?:-{3,}|\*{3,}|_{3,})\s*$)/;

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
    const questionLine = lines[entry.line - 1] ?? "";
    if (!canonicalLine(questionLine).includes(canonicalLine(entry.heading))) {
      violations.push(`${entry.name}: notes line ${entry.line} is not its question ("${questionLine}")`);
    }
    claim(entry.line, entry.name);
    let n = entry.line;
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
  lines.forEach((text, i) => {
    const owners = claims.get(i + 1) ?? [];
    if (isBlank(text) || STRUCTURAL.test(text) || (TOPIC_DIRECTIVE.test(text) && owners.length === 0)) return;
    if (owners.length !== 1) violations.push(`notes line ${i + 1} is in ${owners.length} entries (${owners.join(", ")}): ${text}`);
  });
  return violations;
}
