import type { Root } from "mdast";
import { visit } from "unist-util-visit";

/**
 * Shows raw HTML written in notes as the text it is. Notes are typed by people, not reviewed
 * for markup: `<script>` or `<img onerror=…>` must appear literally, never run, and text such as
 * `<컨테이너ID>` must stay visible instead of vanishing as an unknown tag.
 */
export function remarkRawHtmlAsText() {
  return (tree: Root) => {
    visit(tree, "html", (node, index, parent) => {
      if (!parent || index === undefined) return;
      parent.children[index] = { type: "text", value: node.value };
    });
  };
}
