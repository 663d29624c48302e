import { toHtml } from "hast-util-to-html";
import { DEFAULT_OUTPUT_WEIGHT } from "./remark-transcripts";
import { SHIKI_THEMES } from "./shiki-themes";
import { getTranscriptHighlighter } from "./transcript-highlighter";
import { detectTranscript } from "./transcripts/detect-transcript";
import { transcriptToHast } from "./transcripts/transcript-hast";

/**
 * A terminal transcript as the HTML a fenced block of an entry renders to (the same detector,
 * highlighter and `<pre>` as remark-transcripts), for the `<Transcript>` component of MDX pages.
 * Undefined when the text is not a transcript (no prompt line): the component then shows it as a
 * plain code block.
 */
export async function transcriptHtml(code: string, language?: string): Promise<string | undefined> {
  const transcript = detectTranscript(code, language ?? null);
  if (transcript.kind !== "transcript") return undefined;
  const { highlight, preProperties } = await getTranscriptHighlighter(SHIKI_THEMES);
  return toHtml(transcriptToHast(transcript, { highlight, preProperties, outputWeight: DEFAULT_OUTPUT_WEIGHT }));
}
