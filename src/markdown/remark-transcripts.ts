import type { Element } from "hast";
import type { Code, Data, Node, Parent, Root } from "mdast";
import { visit } from "unist-util-visit";
import { detectTranscript, type Transcript } from "./transcripts/detect-transcript";
import { transcriptToHast } from "./transcripts/transcript-hast";
import { getTranscriptHighlighter, type ShikiThemePair } from "./transcript-highlighter";

/** A transcript, already rendered: remark-rehype turns it into its `<pre>` as is. */
interface TranscriptBlock extends Node {
  type: "transcript";
  data: Data & { hName: "pre"; hProperties: Element["properties"]; hChildren: Element["children"] };
}

declare module "mdast" {
  interface BlockContentMap {
    transcript: TranscriptBlock;
  }
  interface RootContentMap {
    transcript: TranscriptBlock;
  }
}

export interface RemarkTranscriptsOptions {
  /** The site's Shiki themes (`markdown.shikiConfig.themes`). */
  themes: ShikiThemePair;
  /** Pagefind weight of transcript output; prose is 1. */
  outputWeight?: number;
  /**
   * Digest of the plugin's source (`sourceDigest`). Unused here: being an option, it is part of the
   * Astro config digest, so changing the plugin's code makes Astro render Markdown again.
   */
  sourceDigest?: string;
}

/** Pagefind weight of transcript output: still found, ranked below prose (measured in tests/site). */
export const DEFAULT_OUTPUT_WEIGHT = 0.2;

/** Rendered transcripts by block text: identical blocks (a transcript pasted in two answers) render once. */
const renderedBlocks = new Map<string, Element>();
const RENDERED_BLOCKS_KEPT = 500;

/**
 * Renders fenced blocks that are terminal transcripts (see `detectTranscript`) with prompts,
 * commands and output told apart. Runs before Astro's Shiki, which then leaves these blocks alone
 * (it highlights `<pre><code>` only) and highlights every other block in its own language.
 */
export function remarkTranscripts(options: RemarkTranscriptsOptions) {
  const outputWeight = options.outputWeight ?? DEFAULT_OUTPUT_WEIGHT;
  return async (tree: Root) => {
    const found: { node: Code; parent: Parent; transcript: Transcript }[] = [];
    visit(tree, "code", (node, _index, parent) => {
      const transcript = detectTranscript(node.value, node.lang);
      if (parent && transcript.kind === "transcript") found.push({ node, parent, transcript });
    });
    if (found.length === 0) return;

    const { highlight, preProperties } = await getTranscriptHighlighter(options.themes);
    for (const { node, parent, transcript } of found) {
      const key = `${options.themes.light}\0${options.themes.dark}\0${outputWeight}\0${node.value}`;
      let pre = renderedBlocks.get(key);
      if (!pre) {
        pre = transcriptToHast(transcript, { highlight, preProperties, outputWeight });
        if (renderedBlocks.size >= RENDERED_BLOCKS_KEPT) renderedBlocks.delete(renderedBlocks.keys().next().value as string);
        renderedBlocks.set(key, pre);
      }
      // Later steps may change the tree in place: hand out a copy, keep the cached one intact.
      const copy = structuredClone(pre);
      const block: TranscriptBlock = {
        type: "transcript",
        data: { hName: "pre", hProperties: copy.properties, hChildren: copy.children },
        ...(node.position ? { position: node.position } : {}),
      };
      parent.children[parent.children.indexOf(node)] = block;
    }
  };
}
