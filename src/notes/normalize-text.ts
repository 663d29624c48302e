import type { Problem } from "../core/problems";

/**
 * Brings hand-typed notes to one form before parsing: no byte-order mark, `\n` line ends,
 * Hangul composed (NFC) so that search and comparisons see one spelling of each syllable.
 * Each change is reported once, as a warning naming the first line it touched: nothing is lost,
 * but the author learns what their editor did.
 */
export function normalizeNotesText(raw: string, file: string): { text: string; problems: Problem[] } {
  const problems: Problem[] = [];
  const warning = (line: number, message: string) => problems.push({ file, line, message, severity: "warning" });

  let text = raw;
  if (text.startsWith("\uFEFF")) {
    text = text.slice(1);
    warning(1, "the file starts with a UTF-8 byte-order mark (BOM); it is ignored");
  }
  const crlf = text.indexOf("\r\n");
  const loneCr = text.search(/\r(?!\n)/);
  if (crlf >= 0 || loneCr >= 0) {
    const first = Math.min(...[crlf, loneCr].filter((i) => i >= 0));
    const kind = crlf >= 0 && loneCr >= 0 ? "mixed CR and CRLF" : crlf >= 0 ? "Windows (CRLF)" : "old Mac (CR)";
    warning(lineAt(text, first), `line endings are ${kind}; read as plain line ends (LF)`);
    text = text.replace(/\r\n?/g, "\n");
  }
  const composed = text.normalize("NFC");
  if (composed !== text) {
    const line = firstDifferingLine(text, composed);
    warning(line, "decomposed Hangul (NFD, as macOS writes it) normalised to NFC");
  }
  return { text: composed, problems };
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10 || (text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) !== 10)) line++;
  return line;
}

function firstDifferingLine(a: string, b: string): number {
  const linesA = a.split("\n");
  const linesB = b.split("\n");
  const index = linesA.findIndex((line, i) => line !== linesB[i]);
  return index + 1;
}
