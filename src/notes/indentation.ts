/**
 * Indentation of hand-typed notes, read the way the author meant it. The format indents answers by
 * two spaces per level, but notes arrive indented with tabs, with four spaces per level, or with
 * look-alike spaces pasted from a web page or typed by a Korean IME (U+3000). Every one of those is
 * read as plain spaces; the caller reports what was changed, with the line.
 */

/** CommonMark's tab stop: a tab advances to the next multiple of four columns. */
const TAB_STOP = 4;

/** Characters that look like (or hide in) indentation but are not a space or a tab. */
const ODD_SPACES: Readonly<Record<string, { name: string; width: number }>> = {
  "\u00A0": { name: "U+00A0 NO-BREAK SPACE", width: 1 },
  "\u2002": { name: "U+2002 EN SPACE", width: 1 },
  "\u2003": { name: "U+2003 EM SPACE", width: 1 },
  "\u2009": { name: "U+2009 THIN SPACE", width: 1 },
  "\u200B": { name: "U+200B ZERO WIDTH SPACE", width: 0 },
  "\u202F": { name: "U+202F NARROW NO-BREAK SPACE", width: 1 },
  "\u3000": { name: "U+3000 IDEOGRAPHIC SPACE", width: 2 },
  "\uFEFF": { name: "U+FEFF ZERO WIDTH NO-BREAK SPACE (byte-order mark)", width: 0 },
};

export interface ExpandedIndent {
  /** The line with its leading whitespace rewritten as plain spaces. */
  readonly text: string;
  /** Width of the indentation in columns. */
  readonly columns: number;
  readonly hadTab: boolean;
  /** Names of the look-alike space characters found in the indentation. */
  readonly oddSpaces: readonly string[];
}

/** Rewrites a line's leading whitespace (tabs, look-alike spaces) as plain spaces. */
export function expandIndent(line: string): ExpandedIndent {
  let columns = 0;
  let i = 0;
  let hadTab = false;
  const oddSpaces: string[] = [];
  for (; i < line.length; i++) {
    const char = line[i]!;
    if (char === " ") columns++;
    else if (char === "\t") {
      hadTab = true;
      columns += TAB_STOP - (columns % TAB_STOP);
    } else if (ODD_SPACES[char]) {
      const odd = ODD_SPACES[char];
      if (!oddSpaces.includes(odd.name)) oddSpaces.push(odd.name);
      columns += odd.width;
    } else break;
  }
  const unchanged = !hadTab && oddSpaces.length === 0;
  return { text: unchanged ? line : " ".repeat(columns) + line.slice(i), columns, hadTab, oddSpaces };
}

/** Width in columns of a line's leading spaces and tabs. */
export function indentColumns(line: string): number {
  return expandIndent(line).columns;
}

/**
 * Removes up to `columns` columns of leading whitespace (a tab counts to the next tab stop; a tab
 * that straddles the limit leaves its remainder as spaces). Used for fenced blocks, whose content
 * loses the fence's own indentation and nothing more.
 */
export function removeColumns(line: string, columns: number): string {
  let col = 0;
  let i = 0;
  while (i < line.length && col < columns) {
    const char = line[i]!;
    if (char === " ") col++;
    else if (char === "\t") col += TAB_STOP - (col % TAB_STOP);
    else break;
    i++;
  }
  return " ".repeat(Math.max(0, col - columns)) + line.slice(i);
}

/**
 * Rescales an indentation written with a wider unit (four spaces, a tab) to the format's two
 * spaces per level: with unit 4, columns 4 → 2, 6 → 3 and 8 → 4. Units of three or fewer are kept.
 */
export function rescaleIndent(line: string, columns: number, unit: number): string {
  if (unit <= 3 || columns === 0) return line;
  // An indented line stays indented: at column 0 it would turn into a question.
  const scaled = Math.max(1, Math.floor((columns * 2) / unit));
  return " ".repeat(scaled) + line.slice(columns);
}
