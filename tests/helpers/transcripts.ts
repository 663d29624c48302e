import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { createMarkdownProcessor, type AstroMarkdownProcessorOptions } from "@astrojs/markdown-remark";
import type { Code } from "mdast";
import rehypeStringify from "rehype-stringify";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { rehypeCodeBlocks } from "../../src/markdown/rehype-code-blocks";
import { remarkTranscripts } from "../../src/markdown/remark-transcripts";
import { SHIKI_THEMES } from "../../src/markdown/shiki-themes";
import config from "../../astro.config.mjs";
import { readRealNotes } from "./notes";

/** The three transcripts of the real notes, by the fixture folder that holds their golden files. */
export const REAL_TRANSCRIPTS = {
  "docker-rmi": "ubuntu $ docker run -d nginx",
  "expose-netstat": "ubuntu $ docker run -dp 8080:8080 nginx",
  "nginx-deployment": "controlplane $ cat nginx-deployment.yaml",
} as const;
export type RealTranscriptName = keyof typeof REAL_TRANSCRIPTS;

/** A fenced block of the real notes, found by its first line: its label and text, as written. */
export function realFence(name: RealTranscriptName): { lang: string | null; value: string } {
  const fences: Code[] = [];
  visit(unified().use(remarkParse).parse(readRealNotes()), "code", (node: Code) => void fences.push(node));
  const matching = fences.filter((f) => f.value.split("\n")[0]?.trimEnd() === REAL_TRANSCRIPTS[name]);
  if (matching.length !== 1)
    throw new Error(`expected one fence starting "${REAL_TRANSCRIPTS[name]}" in the real notes, found ${matching.length}`);
  const fence = matching[0]!;
  return { lang: fence.lang ?? null, value: fence.value };
}

/** Site path (`docker/d5/`) of the question page whose answer holds a real transcript. */
export function realTranscriptPage(name: RealTranscriptName): string {
  const pages: string[] = [];
  for (const topic of readdirSync("content")) {
    if (!statSync(path.join("content", topic)).isDirectory() || topic === "topic-notes") continue;
    for (const file of readdirSync(path.join("content", topic)).filter((f) => f.endsWith(".md"))) {
      const lines = readFileSync(path.join("content", topic, file), "utf8").split("\n");
      if (lines.some((l) => l.trimEnd() === REAL_TRANSCRIPTS[name])) pages.push(`${topic}/${file.slice(0, -3)}/`);
    }
  }
  if (pages.length !== 1) throw new Error(`expected one entry holding the ${name} transcript, found ${pages.length}`);
  return pages[0]!;
}

/** Markdown to HTML through the site's code-block plugins (without the rest of Astro's pipeline). */
export async function renderCodeBlocks(markdown: string): Promise<string> {
  const file = await unified()
    .use(remarkParse)
    .use(remarkTranscripts, { themes: SHIKI_THEMES })
    .use(remarkRehype)
    .use(rehypeCodeBlocks)
    .use(rehypeStringify)
    .process(markdown);
  return String(file);
}

/**
 * Markdown to HTML through the site's whole Markdown pipeline: the `markdown` options of
 * astro.config.mjs, Astro's Shiki included (Astro fills the options it leaves out the same way).
 */
export async function renderLikeTheSite(markdown: string): Promise<string> {
  const processor = await createMarkdownProcessor(config.markdown as AstroMarkdownProcessorOptions);
  return (await processor.render(markdown)).code;
}
