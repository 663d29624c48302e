import type { Element, ElementContent, Root, RootContent } from "hast";

/**
 * Gives every heading inside an answer (or topic note) an id and a link to itself, so a reader can
 * copy a link to one part of a long answer. The link follows the heading instead of sitting inside
 * it, so the heading's accessible name stays the heading's text; its visible `#` is hidden from
 * screen readers, which hear "… 제목으로 바로 가는 링크" instead.
 *
 * Ids are slugs of the heading text (Hangul kept, as GitHub does), made unique on the page; an id
 * already present is kept. Runs before Astro's own heading-id step, which then leaves them alone.
 */
export function rehypeHeadingAnchors() {
  return (tree: Root) => {
    const used = new Set<string>();
    collectIds(tree, used);
    visitHeadings(tree, (heading, index, parent) => {
      const text = textOf(heading).trim();
      let id = typeof heading.properties.id === "string" ? heading.properties.id : "";
      if (!id) {
        id = uniqueSlug(text, used);
        heading.properties.id = id;
      }
      const anchor: Element = {
        type: "element",
        tagName: "a",
        properties: { className: ["heading-anchor"], href: `#${id}`, dataPagefindIgnore: "" },
        children: [
          { type: "element", tagName: "span", properties: { ariaHidden: "true" }, children: [{ type: "text", value: "#" }] },
          {
            type: "element",
            tagName: "span",
            properties: { className: ["visually-hidden"] },
            children: [{ type: "text", value: `‘${text}’ 제목으로 바로 가는 링크` }],
          },
        ],
      };
      const wrapper: Element = {
        type: "element",
        tagName: "div",
        properties: { className: ["heading-wrapper", `level-${heading.tagName}`] },
        children: [heading, anchor],
      };
      parent.children[index] = wrapper;
    });
  };
}

/** Slug like GitHub's: lower case, punctuation dropped, spaces to `-`; `-1`, `-2` … when taken. */
export function uniqueSlug(text: string, used: Set<string>): string {
  const base =
    text
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\s_-]/gu, "")
      .trim()
      .replace(/\s+/g, "-") || "section";
  let slug = base;
  for (let n = 1; used.has(slug); n++) slug = `${base}-${n}`;
  used.add(slug);
  return slug;
}

type Parent = Root | Element;

function visitHeadings(parent: Parent, visitor: (heading: Element, index: number, parent: Parent) => void) {
  // Walk a copy: the visitor replaces headings with wrappers that contain them.
  for (const [index, child] of [...parent.children].entries()) {
    if (child.type !== "element") continue;
    if (/^h[1-6]$/.test(child.tagName)) visitor(child, index, parent);
    else visitHeadings(child, visitor);
  }
}

function collectIds(node: Root | RootContent, used: Set<string>) {
  if (node.type === "element" && typeof node.properties.id === "string") used.add(node.properties.id);
  if ("children" in node) for (const child of node.children) collectIds(child, used);
}

function textOf(node: Element | ElementContent): string {
  if (node.type === "text") return node.value;
  if (node.type === "element") return node.children.map(textOf).join("");
  return "";
}
