/**
 * `npm run bench:transcripts [-- N]`: what rendering transcripts costs in the site's Markdown
 * pipeline, and what the copy button ships. Prints figures; asserts nothing (timings on a shared
 * machine are noisy: compare the ratios within one run).
 *
 *  - N distinct copies of the three real transcripts through the site pipeline, with the transcript
 *    plugin (our rendering) and without it (Astro's Shiki highlighting them as bash, as before);
 *  - the same block N times (identical blocks are rendered once, then copied from the cache);
 *  - gzip bytes of the copy-button script and of the built stylesheet, when dist/ exists.
 */
import { createMarkdownProcessor, type AstroMarkdownProcessorOptions } from "@astrojs/markdown-remark";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import type { Code } from "mdast";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import config from "../astro.config.mjs";
import { remarkTranscripts } from "../src/markdown/remark-transcripts";
import { getTranscriptHighlighter } from "../src/markdown/transcript-highlighter";
import { SHIKI_THEMES } from "../src/markdown/shiki-themes";

const count = Number(process.argv[2] ?? 300);
const notes = readFileSync(
  existsSync("../shared/notes/msp-t3-23-5.md") ? "../shared/notes/msp-t3-23-5.md" : "tests/fixtures/notes/msp-t3-23-5.md",
  "utf8",
);
const fences: Code[] = [];
visit(unified().use(remarkParse).parse(notes), "code", (node: Code) => void fences.push(node));
const asMarkdown = (f: Code, i: number) => `\`\`\`${f.lang ?? ""}\n${f.value.replace(/nginx/, `nginx${i}`)}\n\`\`\`\n`;
const distinct = Array.from({ length: count }, (_, i) => asMarkdown(fences[i % fences.length]!, i));
const identical = Array.from({ length: count }, () => asMarkdown(fences[0]!, 0));

let peakRss = 0;
const sampleMemory = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));

async function timeRenders(label: string, options: AstroMarkdownProcessorOptions, docs: string[]) {
  const processor = await createMarkdownProcessor(options);
  await processor.render(docs[0]!); // warm up: Shiki highlighters and grammars load once per process
  const start = performance.now();
  for (const doc of docs) {
    await processor.render(doc);
    sampleMemory();
  }
  const ms = performance.now() - start;
  console.log(`${label.padEnd(58)} ${(ms / docs.length).toFixed(2).padStart(7)} ms/block  (${docs.length} blocks, ${ms.toFixed(0)} ms)`);
  return ms / docs.length;
}

const siteOptions = config.markdown as AstroMarkdownProcessorOptions;
const withoutTranscripts: AstroMarkdownProcessorOptions = {
  ...siteOptions,
  remarkPlugins: (siteOptions.remarkPlugins ?? []).filter((p) => !(Array.isArray(p) && p[0] === remarkTranscripts)),
};

const start = performance.now();
await getTranscriptHighlighter(SHIKI_THEMES);
console.log(`transcript highlighter created once per process in ${(performance.now() - start).toFixed(0)} ms`);

const ours = await timeRenders("site pipeline, distinct transcripts (our rendering)", siteOptions, distinct);
const before = await timeRenders("site pipeline, distinct transcripts (Shiki as bash, before)", withoutTranscripts, distinct);
const cached = await timeRenders("site pipeline, one transcript repeated (cache)", siteOptions, identical);
console.log(
  `ratio ours/before: ${(ours / before).toFixed(2)}; cached/ours: ${(cached / ours).toFixed(2)}; peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MB`,
);

const assets = path.resolve("dist/_astro");
if (existsSync(assets)) {
  for (const file of readdirSync(assets).filter((f) => f.startsWith("CodeBlocks") || f.endsWith(".css"))) {
    const bytes = readFileSync(path.join(assets, file));
    console.log(`dist/_astro/${file}: ${bytes.length} B, ${gzipSync(bytes).length} B gzip`);
  }
} else {
  console.log("no dist/: run `npm run build` for the shipped bytes");
}
