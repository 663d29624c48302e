/** A run of excerpt text, marked when it matched the query. */
export interface ExcerptSegment {
  readonly text: string;
  readonly marked: boolean;
}

/**
 * An excerpt for a merged result. Pagefind builds its excerpt for one query, but a result of the
 * query layer was found by several (the stem, a glossary spelling…), so the excerpt is built here
 * from the page's text and the word positions every one of them matched: the window of `length`
 * words holding the most matches, each matched word marked.
 *
 * Positions count whitespace-separated words of `content`, as Pagefind's do. The first
 * `skipWords` words (the question, already shown as the result's title) are only used when no
 * match lies after them.
 */
export function buildExcerpt(
  content: string,
  positions: readonly number[],
  options: { length?: number; skipWords?: number } = {},
): ExcerptSegment[] {
  const length = options.length ?? 24;
  const words = content.split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const skip = Math.min(options.skipWords ?? 0, words.length);
  const inBody = positions.filter((p) => p >= skip && p < words.length);
  const start = inBody.length > 0 ? densestWindow(inBody, length, skip, words.length) : skip < words.length ? skip : 0;
  const end = Math.min(words.length, start + length);
  const marked = new Set(positions);
  const segments: ExcerptSegment[] = [];
  if (start > 0) segments.push({ text: "… ", marked: false });
  for (let i = start; i < end; i++) {
    const separator = i < end - 1 ? " " : "";
    if (marked.has(i)) {
      segments.push({ text: words[i]!, marked: true });
      if (separator) segments.push({ text: separator, marked: false });
    } else {
      const last = segments.at(-1);
      if (last && !last.marked) segments[segments.length - 1] = { text: last.text + words[i]! + separator, marked: false };
      else segments.push({ text: words[i]! + separator, marked: false });
    }
  }
  if (end < words.length) segments.push({ text: " …", marked: false });
  return segments;
}

/** Start of the window of `length` words with the most positions in it, kept within [min, total). */
function densestWindow(sorted: readonly number[], length: number, min: number, total: number): number {
  let bestStart = sorted[0]!;
  let bestCount = 0;
  for (const [i, first] of sorted.entries()) {
    let count = 0;
    for (let j = i; j < sorted.length && sorted[j]! < first + length; j++) count++;
    if (count > bestCount) {
      bestCount = count;
      bestStart = first;
    }
  }
  // Show a few words of context before the first match.
  const start = Math.max(min, bestStart - 4);
  return Math.max(min, Math.min(start, total - length));
}
