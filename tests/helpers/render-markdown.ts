import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { remarkMissingImages } from "../../src/markdown/remark-missing-images";
import { remarkRawHtmlAsText } from "../../src/markdown/remark-raw-html-as-text";
import { remarkSafeLinks } from "../../src/markdown/remark-safe-links";

/**
 * An entry body rendered to HTML by the remark plugins of astro.config.mjs, in the same order,
 * without a build. The site tests check the real build; this is for fast, focused checks.
 */
export async function renderEntryBody(markdown: string, exists: (file: string) => boolean = () => true): Promise<string> {
  const file = await unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkRawHtmlAsText)
    .use(remarkSafeLinks)
    .use(remarkMissingImages, { exists })
    .use(remarkRehype)
    .use(rehypeStringify)
    .process({ value: markdown, path: "/site/content/docker/d1.md" });
  return String(file);
}
