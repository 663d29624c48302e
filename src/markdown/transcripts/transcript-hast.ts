import type { Element, ElementContent, Properties } from "hast";
import type { OutputLanguage } from "./languages";
import { transcriptCommands, type CommandSegment, type OutputSegment, type Transcript } from "./detect-transcript";

/** Highlights `code` and returns one `<span class="line">` per line of it, in order. */
export type LineHighlighter = (code: string, language: "shellscript" | OutputLanguage) => Element[];

export interface TranscriptHastOptions {
  highlight: LineHighlighter;
  /** Properties of the `<pre>` as the site's Shiki writes them (theme colours as CSS variables). */
  preProperties: Properties;
  /**
   * Pagefind weight of output (1 is prose). Output stays searchable (a student may paste an error
   * message) but ranks below prose, where the answer is.
   */
  outputWeight: number;
}

/** Class names of the parts of a transcript, for the stylesheet and the tests. */
export const TRANSCRIPT_CLASS = {
  block: "transcript",
  command: "command",
  prompt: "prompt",
  output: "output",
} as const;

const text = (value: string): ElementContent => ({ type: "text", value });
const span = (className: string[], children: ElementContent[], extra: Properties = {}): Element => ({
  type: "element",
  tagName: "span",
  properties: { className, ...extra },
  children,
});

/**
 * A transcript as HTML, in the words of the HTML spec's own terminal example: `<pre><samp>` for the
 * session, `<kbd>` for what was typed. Prompts are dimmed, unselectable and left out of the search
 * index; commands are highlighted as shell; output is plain text (or YAML/JSON when it is data) at
 * a low search weight. `data-copy` holds what the copy button copies: the commands, one per line.
 */
export function transcriptToHast(transcript: Transcript, options: TranscriptHastOptions): Element {
  const commandSegments = transcript.segments.filter((s): s is CommandSegment => s.kind === "command");
  // One highlighter call for all commands of the block: per-block work stays one call, not one per line.
  const commandLines = options.highlight(commandSegments.flatMap((s) => s.lines.map((l) => l.text)).join("\n"), "shellscript");
  let nextCommandLine = 0;

  const parts: ElementContent[] = [];
  for (const segment of transcript.segments) {
    if (parts.length > 0) parts.push(text("\n"));
    if (segment.kind === "command") {
      segment.lines.forEach((line, i) => {
        if (i > 0) parts.push(text("\n"));
        const tokens = commandLines[nextCommandLine++]?.children ?? [text(line.text)];
        parts.push(commandLineHast(line.prompt, tokens));
      });
    } else {
      parts.push(outputHast(segment, options));
    }
  }

  const className = [...classList(options.preProperties.className), TRANSCRIPT_CLASS.block];
  return {
    type: "element",
    tagName: "pre",
    properties: {
      ...options.preProperties,
      className,
      dataLanguage: "shellsession",
      dataCopy: transcriptCommands(transcript).join("\n"),
    },
    children: [{ type: "element", tagName: "samp", properties: {}, children: parts }],
  };
}

function commandLineHast(prompt: string, tokens: ElementContent[]): Element {
  const children: ElementContent[] = [];
  if (prompt) children.push(span([TRANSCRIPT_CLASS.prompt], [text(prompt)], { dataPagefindIgnore: "" }));
  children.push({ type: "element", tagName: "kbd", properties: {}, children: tokens });
  return span(["line", TRANSCRIPT_CLASS.command], children);
}

function outputHast(segment: OutputSegment, options: TranscriptHastOptions): Element {
  const className = segment.language
    ? [TRANSCRIPT_CLASS.output, `${TRANSCRIPT_CLASS.output}-${segment.language}`]
    : [TRANSCRIPT_CLASS.output];
  const children: ElementContent[] = segment.language
    ? options.highlight(segment.text, segment.language).flatMap((line, i) => (i > 0 ? [text("\n"), line] : [line]))
    : [text(segment.text)];
  return span(className, children, { dataPagefindWeight: String(options.outputWeight) });
}

function classList(value: Properties[string]): string[] {
  if (Array.isArray(value)) return value.map(String);
  return typeof value === "string" ? value.split(/\s+/).filter(Boolean) : [];
}
