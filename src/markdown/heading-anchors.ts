import type { Element, ElementContent } from "hast";
import rehypeAutolinkHeadings, { type Options as AutolinkOptions } from "rehype-autolink-headings";
import rehypeSlug from "rehype-slug";
import type { PluggableList, Preset } from "unified";

/**
 * Gives every heading inside an answer (or topic note) an id and a link to itself, so a reader can
 * copy a link to one part of a long answer. Done by the kept libraries: `rehype-slug` (GitHub's
 * slugs through github-slugger: Hangul kept, punctuation dropped, `-1`, `-2` … when taken; an id
 * already present is kept) and `rehype-autolink-headings`. Only the shape of the link is ours:
 *
 * - the link follows the heading (`behavior: "after"`) inside a `div.heading-wrapper`, so the
 *   heading's accessible name stays the heading's text;
 * - its visible `#` is hidden from screen readers, which hear "‘…’ 제목으로 바로 가는 링크";
 * - Pagefind ignores it, so search excerpts never show the `#`.
 *
 * A heading with no letter or digit gets no id (github-slugger's empty slug) and so no link, as on
 * GitHub. Runs before Astro's own heading-id step, which then leaves the ids alone.
 */
export const HEADING_ANCHOR_OPTIONS: AutolinkOptions = {
  behavior: "after",
  group: (heading: Element): Element => ({
    type: "element",
    tagName: "div",
    properties: { className: ["heading-wrapper", `level-${heading.tagName}`] },
    children: [],
  }),
  properties: (heading: Element) => ({ className: ["heading-anchor"], href: `#${String(heading.properties.id)}`, dataPagefindIgnore: "" }),
  content: (heading: Element): ElementContent[] => [
    { type: "element", tagName: "span", properties: { ariaHidden: "true" }, children: [{ type: "text", value: "#" }] },
    {
      type: "element",
      tagName: "span",
      properties: { className: ["visually-hidden"] },
      children: [{ type: "text", value: `‘${textOf(heading).trim()}’ 제목으로 바로 가는 링크` }],
    },
  ],
};

/** The two plugins, in order, for `markdown.rehypePlugins` in astro.config.mjs. */
export const HEADING_ANCHOR_PLUGINS = [rehypeSlug, [rehypeAutolinkHeadings, HEADING_ANCHOR_OPTIONS]] satisfies PluggableList;

/** The same as a unified preset, for pipelines built in code (tests, the notes renderer). */
export const rehypeHeadingAnchors: Preset = { plugins: HEADING_ANCHOR_PLUGINS };

function textOf(node: Element | ElementContent): string {
  if (node.type === "text") return node.value;
  if (node.type === "element") return node.children.map(textOf).join("");
  return "";
}
