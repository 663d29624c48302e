import type { Element, Properties } from "hast";
import { createHighlighter } from "shiki";
import type { LineHighlighter } from "./transcripts/transcript-hast";

/** Light and dark Shiki themes: the same pair as `markdown.shikiConfig.themes`. */
export interface ShikiThemePair {
  light: string;
  dark: string;
}

export interface TranscriptHighlighter {
  highlight: LineHighlighter;
  /** `<pre>` properties as Astro's Shiki writes them: theme colours as CSS variables, focusable. */
  preProperties: Properties;
}

const LANGUAGES = ["shellscript", "yaml", "json"];

// One highlighter per process and theme pair: creating one costs ~100 ms, every build reuses it.
const highlighters = new Map<string, Promise<TranscriptHighlighter>>();

export function getTranscriptHighlighter(themes: ShikiThemePair): Promise<TranscriptHighlighter> {
  const key = `${themes.light}\0${themes.dark}`;
  let highlighter = highlighters.get(key);
  if (!highlighter) {
    highlighter = createTranscriptHighlighter(themes);
    highlighters.set(key, highlighter);
  }
  return highlighter;
}

async function createTranscriptHighlighter(themes: ShikiThemePair): Promise<TranscriptHighlighter> {
  const shiki = await createHighlighter({ themes: [themes.light, themes.dark], langs: LANGUAGES });
  // Shiki stops colouring a line after 500 ms by default; on a busy machine the first line (while the
  // grammar's patterns compile) can take that long and came out uncoloured. A build must not depend
  // on the machine's load, so the limit is only a guard against a runaway grammar.
  const toHast = (code: string, lang: string) =>
    shiki.codeToHast(code, { lang, themes: { ...themes }, defaultColor: false, tokenizeTimeLimit: 10_000 });

  const pre = toHast("", "shellscript").children[0] as Element;
  const { class: shikiClass, style, ...rest } = pre.properties;
  const preProperties: Properties = {
    ...rest,
    // Astro renames Shiki's classes (`shiki` → `astro-code`) and makes long lines scroll; match it
    // so transcripts and other code blocks share one stylesheet.
    className: String(shikiClass ?? "")
      .replace(/shiki/g, "astro-code")
      .split(/\s+/)
      .filter(Boolean),
    style: `${String(style ?? "")}; overflow-x: auto;`,
  };

  const highlight: LineHighlighter = (code, lang) => {
    const root = toHast(code, lang);
    const codeElement = (root.children[0] as Element | undefined)?.children[0];
    if (codeElement?.type !== "element") return [];
    return codeElement.children.filter((c): c is Element => c.type === "element");
  };
  return { highlight, preProperties };
}
