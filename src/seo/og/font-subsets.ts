/**
 * Fontsource ships a CJK font as ~120 subset files, each covering a `unicode-range` named in its
 * CSS. A card only needs the few files that hold the characters it shows, so a build reads a few
 * hundred KB of font instead of 5 MB.
 */
export interface FontSubset {
  /** File name of the subset, e.g. `noto-sans-kr-57-700-normal.woff`. */
  readonly file: string;
  /** Inclusive code point ranges. */
  readonly ranges: readonly (readonly [number, number])[];
}

/**
 * Subsets from a Fontsource CSS file (`700.css`). The `.woff` file is named, not `.woff2`: the
 * card renderer (satori, via opentype.js) reads WOFF but not WOFF2.
 */
export function parseFontsourceCss(css: string): FontSubset[] {
  const subsets: FontSubset[] = [];
  for (const block of css.split("@font-face").slice(1)) {
    const file = /url\(\.\/files\/([^)]+?)\.woff2?\)/.exec(block)?.[1];
    const range = /unicode-range:\s*([^;}]+)/.exec(block)?.[1];
    if (!file || !range) continue;
    subsets.push({ file: `${file}.woff`, ranges: range.split(",").map(parseRange) });
  }
  return subsets;
}

function parseRange(part: string): [number, number] {
  const [from, to] = part.trim().replace(/^U\+/i, "").split("-");
  const start = parseInt(from!.replace(/\?/g, "0"), 16);
  const end = to ? parseInt(to, 16) : parseInt(from!.replace(/\?/g, "f"), 16);
  return [start, end];
}

/** The subsets that cover the characters of `text` (whitespace aside), in the given order. */
export function subsetsFor(text: string, subsets: readonly FontSubset[]): FontSubset[] {
  const codePoints = new Set([...text.replace(/\s/g, "")].map((c) => c.codePointAt(0)!));
  return subsets.filter((s) => [...codePoints].some((cp) => s.ranges.some(([a, b]) => cp >= a && cp <= b)));
}
