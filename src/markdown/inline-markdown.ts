/**
 * A question line's inline Markdown (`code`, [links](url), **strong**, *em*, ~~strike~~) rendered by
 * the same remark pipeline as answers (issue 14): remark-parse + remark-gfm, then the project's
 * remark-raw-html-as-text (raw HTML is shown as text) and remark-safe-links (a `javascript:` link is
 * shown as written), then remark-rehype + rehype-stringify. A question is one line of text, never a
 * block: a leading `#`, `>`, `- `, `1. ` or `---` is escaped first so that Markdown reads it as text.
 * The HTML is what answers get from the same pipeline: `<` and `&` escaped (`&lt;`, `&amp;`), link
 * targets percent-encoded. Results are memoised: listing pages render the same question many times.
 */
import type { Element, ElementContent, Root as HastRoot } from "hast";
import type { Root as MdastRoot } from "mdast";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { isSafeHref } from "../core/safe-url";
import { remarkRawHtmlAsText } from "./remark-raw-html-as-text";
import { remarkSafeLinks } from "./remark-safe-links";

/** Escapes text for HTML text and attribute values (used where no Markdown is involved, e.g. the sitemap). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&${{ "&": "amp", "<": "lt", ">": "gt", '"': "quot", "'": "#39" }[c]};`);
}

// Only web and relative links survive; `javascript:` and friends become plain text (one rule for
// question lines and answers: src/core/safe-url.ts).
export { isSafeHref };

// What would make a one-line question a block: an ATX heading, a blockquote, a list item, a
// thematic break, an HTML block (`<script>` would swallow the whole line, code spans included).
// Escaping the first character keeps it as text.
const BLOCK_START = /^(?:#{1,6}(?=\s|$)|[><]|[-+*](?=\s|$)|\d{1,9}(?=[.)](?:\s|$))|(?:[-*_][ \t]*){3,}$|=+[ \t]*$)/;

function asInline(text: string): string {
  const trimmed = text.replace(/^[ \t]+/, "");
  const match = BLOCK_START.exec(trimmed);
  if (!match) return trimmed;
  // `1.` → `1\.`; any other marker gets a backslash before its first character.
  return /^\d/.test(match[0]) ? `${match[0]}\\${trimmed.slice(match[0].length)}` : `\\${trimmed}`;
}

/**
 * Past this length a "question" is a pasted blob (the importer warns about it), and micromark's
 * bracket matching costs quadratic time on a line full of `[`: it is shown as plain, escaped text.
 */
export const INLINE_MARKDOWN_LIMIT = 2000;

const parser = unified().use(remarkParse).use(remarkGfm);
const mdastPlugins = unified().use(remarkRawHtmlAsText).use(remarkSafeLinks);
const toHtml = unified()
  .use(remarkRehype)
  .use(rehypeStringify, { characterReferences: { useNamedReferences: true } });

/** The question's Markdown tree after the safety plugins. */
function parseInline(text: string): MdastRoot {
  const value = asInline(text);
  const tree = parser.parse(value);
  return mdastPlugins.runSync(tree, { value } as never) as MdastRoot;
}

const htmlCache = new Map<string, string>();
const textCache = new Map<string, string>();

/**
 * Renders a question line as HTML (no wrapping `<p>`). With `links: false` a link shows as its
 * text, for places where the whole question is already inside a link (a nested `<a>` is invalid HTML).
 */
export function renderInlineMarkdown(text: string, options: { links?: boolean } = {}): string {
  const links = options.links ?? true;
  const key = `${links ? 1 : 0}${text}`;
  const cached = htmlCache.get(key);
  if (cached !== undefined) return cached;
  if (text.length > INLINE_MARKDOWN_LIMIT) return escapeHtml(text);
  const hast = toHtml.runSync(parseInline(text)) as HastRoot;
  const paragraph = hast.children.find((n): n is Element => n.type === "element" && n.tagName === "p");
  const children: ElementContent[] = paragraph ? paragraph.children : (hast.children as ElementContent[]);
  const root: HastRoot = { type: "root", children: links ? children : children.flatMap(unwrapLinks) };
  const html = toHtml.stringify(root);
  htmlCache.set(key, html);
  return html;
}

function unwrapLinks(node: ElementContent): ElementContent[] {
  if (node.type !== "element") return [node];
  if (node.tagName === "a") return node.children.flatMap(unwrapLinks);
  return [{ ...node, children: node.children.flatMap(unwrapLinks) }];
}

/** The text a reader sees: markup removed, e.g. for `<title>` and comparisons with `<h1>`. */
export function inlineMarkdownToText(text: string): string {
  const cached = textCache.get(text);
  if (cached !== undefined) return cached;
  if (text.length > INLINE_MARKDOWN_LIMIT) return text;
  let out = "";
  visit(parseInline(text), (node) => {
    if (node.type === "text" || node.type === "inlineCode") out += node.value;
    else if (node.type === "break") out += " ";
  });
  textCache.set(text, out);
  return out;
}
