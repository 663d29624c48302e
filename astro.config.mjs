// @ts-check
import { fileURLToPath } from "node:url";
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import remarkGfm from "remark-gfm";
import { remarkMissingImages } from "./src/markdown/remark-missing-images.ts";
import { remarkRawHtmlAsText } from "./src/markdown/remark-raw-html-as-text.ts";
import { remarkTranscripts } from "./src/markdown/remark-transcripts.ts";
import { rehypeCodeBlocks } from "./src/markdown/rehype-code-blocks.ts";
import { SHIKI_THEMES } from "./src/markdown/shiki-themes.ts";
import { sourceDigest } from "./src/markdown/source-digest.ts";
import { remarkSafeLinks } from "./src/markdown/remark-safe-links.ts";
import { contentCheck } from "./src/site/integrations/content-check.ts";
import { devSearch } from "./src/site/integrations/dev-search.ts";
import { buildSettings } from "./src/core/build-settings.mjs";
import { sitemap } from "./src/site/integrations/sitemap.ts";
import { HEADING_ANCHOR_PLUGINS } from "./src/markdown/heading-anchors.ts";

// SITE_URL, BASE_PATH, OUT_DIR, CONTENT_DIR, ASTRO_CACHE_DIR: see src/core/build-settings.mjs.
const { site, base, outDir, cacheDir } = buildSettings();
// Rendered Markdown is cached between builds; a digest of the transcript code clears it when that code changes.
const transcriptSources = ["./src/markdown/transcripts/", "./src/markdown/"].map((p) => fileURLToPath(new URL(p, import.meta.url)));

export default defineConfig({
  // Pages, components, layouts and the content config live in src/site/: the Astro layer of the flow.
  srcDir: "./src/site",
  site,
  base,
  trailingSlash: "always",
  outDir,
  // Builds of other content (tests, benchmarks) keep their own content-layer cache.
  cacheDir,
  // The Pagefind index and the offline copy are written by `npm run build` after Astro exits (scripts/build.ts).
  integrations: [mdx(), contentCheck(), devSearch(), sitemap()],
  vite: {
    // Scripts ship as files, never inlined: an inlined module breaks Vite's dynamic-import helper
    // (used to load Pagefind on first use), and a Content-Security-Policy needs no inline script.
    build: { assetsInlineLimit: 0 },
  },
  markdown: {
    // remark-gfm is added explicitly (not through `gfm: true`) so our plugins run after it.
    gfm: false,
    // Source text stays as typed: no curly quotes replacing `"-"` in a question.
    smartypants: false,
    remarkPlugins: [
      remarkGfm,
      remarkRawHtmlAsText,
      remarkSafeLinks,
      remarkMissingImages,
      [remarkTranscripts, { themes: SHIKI_THEMES, sourceDigest: sourceDigest(transcriptSources) }],
    ],
    rehypePlugins: [rehypeCodeBlocks, ...HEADING_ANCHOR_PLUGINS],
    shikiConfig: {
      themes: { ...SHIKI_THEMES },
      defaultColor: false,
      wrap: false,
    },
  },
});
