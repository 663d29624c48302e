import type { Element, Root } from "hast";
import { visit } from "unist-util-visit";

/** The element that holds one code block and, once its script runs, the block's copy button. */
export const CODE_BLOCK_TAG = "code-block";

/**
 * Wraps every highlighted code block (Shiki's `pre.astro-code`, transcripts included) in a
 * `<code-block>` element. The wrapper is where the copy button sits: outside the `<pre>`, so the
 * button stays in place while a long line scrolls. Runs after Astro's Shiki (user rehype plugins do).
 */
export function rehypeCodeBlocks() {
  return (tree: Root) => {
    visit(tree, "element", (node: Element, index, parent) => {
      if (node.tagName !== "pre" || !isHighlighted(node) || !parent || index === undefined) return;
      if (parent.type === "element" && parent.tagName === CODE_BLOCK_TAG) return;
      parent.children[index] = { type: "element", tagName: CODE_BLOCK_TAG, properties: {}, children: [node] };
      return "skip";
    });
  };
}

/** Shiki's own hast sets `class` (a string), hast elsewhere `className` (a list): read both. */
function isHighlighted(pre: Element): boolean {
  const { className, class: classAttribute } = pre.properties;
  const classes = [className, classAttribute].flatMap((c) => (Array.isArray(c) ? c.map(String) : String(c ?? "").split(/\s+/)));
  return classes.includes("astro-code");
}
