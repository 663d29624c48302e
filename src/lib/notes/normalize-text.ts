import type { Problem } from "../problems";

/**
 * Brings hand-typed notes to one form before parsing: no byte-order mark, `\n` line ends,
 * Hangul composed (NFC) so that search and comparisons see one spelling of each syllable.
 */
export function normalizeNotesText(raw: string, file: string): { text: string; problems: Problem[] } {
  const problems: Problem[] = [];
  let text = raw.startsWith("\uFEFF") ? raw.slice(1) : raw;
  text = text.replace(/\r\n?/g, "\n");
  const composed = text.normalize("NFC");
  if (composed !== text) {
    const line = firstDifferingLine(text, composed);
    problems.push({ file, line, message: "decomposed Hangul (NFD) normalised to NFC", severity: "warning" });
  }
  return { text: composed, problems };
}

function firstDifferingLine(a: string, b: string): number {
  const linesA = a.split("\n");
  const linesB = b.split("\n");
  const index = linesA.findIndex((line, i) => line !== linesB[i]);
  return index + 1;
}
