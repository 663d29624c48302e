import { HANGUL_CHAR } from "./hangul";

const nfc = (text: string) => text.normalize("NFC");

/**
 * Marking matched words on the answer page. Search result links carry the words as `highlight`
 * parameters. Pagefind's own parameter carries them in decomposed jamo, which match nothing on a
 * page written in composed syllables, so every term is normalised to NFC first.
 */
export const HIGHLIGHT_PARAM = "highlight";

/** The terms of a page URL's highlight parameters (also Pagefind's `pagefind-highlight`), NFC. */
export function highlightTermsFromUrl(search: string): string[] {
  const params = new URLSearchParams(search);
  const terms = [...params.getAll(HIGHLIGHT_PARAM), ...params.getAll("pagefind-highlight")]
    .flatMap((t) => nfc(t).split(/\s+/))
    .map((t) => t.replace(/^["']+|["']+$/g, "").trim())
    .filter((t) => t.length > 0);
  return [...new Set(terms)];
}

export interface TextRange {
  readonly start: number;
  readonly end: number;
}

const isWordChar = (c: string | undefined) => !!c && /[\p{L}\p{N}]/u.test(c);

const isLatinOrDigit = (c: string | undefined) => !!c && /[\p{L}\p{N}]/u.test(c) && !HANGUL_CHAR.test(c);

/**
 * Where `terms` occur in `text`, case-insensitively, longest first, never overlapping. A Latin or
 * number term must be a whole Latin word, though a Hangul particle may follow (`pod` marks `Pod`
 * and `Pod를`, not `ipod` or `PodScheduled`); a Hangul term may start and end anywhere
 * (`컨테이너` in `도커컨테이너가`), because Korean glues words and particles together.
 */
export function findHighlightRanges(text: string, terms: readonly string[]): TextRange[] {
  const haystack = text.toLowerCase();
  // Offsets index `text` itself; a rare character whose lower case has another length would shift them.
  if (haystack.length !== text.length) return [];
  const sorted = [...new Set(terms.map((t) => nfc(t).toLowerCase()).filter((t) => t.length > 0))].sort((a, b) => b.length - a.length);
  const taken: TextRange[] = [];
  for (const term of sorted) {
    const hangulStart = HANGUL_CHAR.test(term[0]!);
    for (let at = haystack.indexOf(term); at >= 0; at = haystack.indexOf(term, at + 1)) {
      if (!hangulStart && (isWordChar(haystack[at - 1]) || isLatinOrDigit(haystack[at + term.length]))) continue;
      const range = { start: at, end: at + term.length };
      if (taken.some((r) => r.start < range.end && range.start < r.end)) continue;
      taken.push(range);
    }
  }
  return taken.sort((a, b) => a.start - b.start);
}

/** Adds the highlight parameters for `terms` to a result URL. */
export function withHighlight(url: string, terms: readonly string[]): string {
  if (terms.length === 0) return url;
  const [path, hash = ""] = url.split("#", 2) as [string, string?];
  const query = terms.map((t) => `${HIGHLIGHT_PARAM}=${encodeURIComponent(nfc(t))}`).join("&");
  return `${path}${path.includes("?") ? "&" : "?"}${query}${hash ? `#${hash}` : ""}`;
}
