// @ts-check
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import remarkGfm from "remark-gfm";
import { remarkMissingImages } from "./src/lib/markdown/remark-missing-images.ts";
import { remarkRawHtmlAsText } from "./src/lib/markdown/remark-raw-html-as-text.ts";
import { pagefindIndex } from "./src/integrations/pagefind-index.ts";
import { sitemap } from "./src/integrations/sitemap.ts";
import { rehypeHeadingAnchors } from "./src/lib/markdown/rehype-heading-anchors.ts";

// Deploy settings come from the environment so one build recipe serves every host:
// SITE_URL is the origin (canonical and shared links), BASE_PATH the subfolder (e.g. /mspt3/).
const site = process.env.SITE_URL || "http://localhost:4321";
const base = process.env.BASE_PATH || "/";

export default defineConfig({
  site,
  base,
  trailingSlash: "always",
  outDir: process.env.OUT_DIR || "./dist",
  // Builds of other content (tests, benchmarks) keep their own content-layer cache.
  cacheDir: process.env.ASTRO_CACHE_DIR || "./node_modules/.astro",
  integrations: [mdx(), pagefindIndex(), sitemap()],
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
    remarkPlugins: [remarkGfm, remarkRawHtmlAsText, remarkMissingImages],
    rehypePlugins: [rehypeHeadingAnchors],
    shikiConfig: {
      themes: { light: "github-light", dark: "github-dark" },
      defaultColor: false,
      wrap: false,
    },
  },
});
