/** A URL a stylesheet loads (`url(…)`, `@import "…"`), with its 1-based line. */
export interface CssReference {
  readonly value: string;
  readonly line: number;
}

// `url(x)`, `url("x")`, `url('x')`, and `@import "x"` (which loads a URL without `url()`).
const URL_FUNCTION = /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)"'\s]*))\s*\)/g;
const IMPORT_STRING = /@import\s+(?:"([^"]*)"|'([^']*)')/g;

/** The URLs a stylesheet points at, comments skipped, `data:` URLs left out (they load nothing). */
export function cssReferences(css: string): CssReference[] {
  const withoutComments = css.replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, " "));
  const references: CssReference[] = [];
  for (const pattern of [URL_FUNCTION, IMPORT_STRING]) {
    for (const match of withoutComments.matchAll(pattern)) {
      const value = (match[1] ?? match[2] ?? match[3] ?? "").trim();
      if (value === "" || /^data:/i.test(value)) continue;
      references.push({ value, line: lineAt(withoutComments, match.index) });
    }
  }
  return references.sort((a, b) => a.line - b.line);
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) line++;
  return line;
}
