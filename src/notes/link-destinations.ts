/**
 * Markdown reads a link or image destination up to the first space: `![](img/스크린샷 1.png)` is not
 * an image at all but literal text, and the file would never be copied. Authors do write such
 * paths (screenshots are named with spaces), so the importer wraps them in angle brackets —
 * `![](<img/스크린샷 1.png>)`, CommonMark's form for a destination with spaces — and says so.
 */

export interface WrappedDestinations {
  readonly text: string;
  /** Destinations that were wrapped, as written. */
  readonly wrapped: readonly string[];
}

// A destination followed by a title: `url "title"`, `url 'title'` or `url (title)`.
const WITH_TITLE = /^\S+\s+(?:"[^"]*"|'[^']*'|\([^()]*\))$/;

/** Wraps every `](destination with spaces)` of one line in `<…>`, outside code spans. */
export function wrapDestinationsWithSpaces(line: string): WrappedDestinations {
  if (!line.includes("](")) return { text: line, wrapped: [] };
  const wrapped: string[] = [];
  const closing = matchingParens(line);
  let openBrackets = 0;
  let out = "";
  let i = 0;
  while (i < line.length) {
    const char = line[i]!;
    if (char === "`") {
      // A code span runs to the next run of exactly as many backticks; copy it untouched.
      const run = backtickRun(line, i);
      const close = findBacktickRun(line, i + run, run);
      const end = close < 0 ? i + run : close + run;
      out += line.slice(i, end);
      i = end;
      continue;
    }
    if (char === "\\") {
      out += line.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (char === "[") openBrackets++;
    // Only a `](` that closes a `[` can end a link's text; a stray `](` in prose is left alone.
    if (char === "]" && openBrackets > 0) {
      openBrackets--;
      const close = line[i + 1] === "(" ? (closing.get(i + 1) ?? -1) : -1;
      if (close > 0) {
        const inner = line.slice(i + 2, close);
        const destination = inner.trim();
        if (/\s/.test(destination) && !WITH_TITLE.test(destination) && !/[<>]/.test(destination)) {
          // The spaces around the destination stay as they were: only the brackets are added.
          const [before = "", after = ""] = [/^\s*/.exec(inner)?.[0], /\s*$/.exec(inner)?.[0]];
          wrapped.push(destination);
          out += `](${before}<${destination}>${after})`;
          i = close + 1;
          continue;
        }
      }
    }
    out += char;
    i++;
  }
  return { text: out, wrapped };
}

function backtickRun(text: string, start: number): number {
  let n = 0;
  while (text[start + n] === "`") n++;
  return n;
}

function findBacktickRun(text: string, from: number, length: number): number {
  for (let i = from; i < text.length;) {
    if (text[i] !== "`") {
      i++;
      continue;
    }
    const run = backtickRun(text, i);
    if (run === length) return i;
    i += run;
  }
  return -1;
}

/**
 * For every `(` of the line, the index of the `)` that closes it (nested pairs balanced, `\(`
 * escaped), found in one pass so that a long line full of `](` stays linear.
 */
function matchingParens(text: string): Map<number, number> {
  const pairs = new Map<number, number>();
  const open: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === "\\") i++;
    else if (char === "(") open.push(i);
    else if (char === ")" && open.length > 0) pairs.set(open.pop()!, i);
  }
  return pairs;
}
