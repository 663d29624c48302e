import type { Definition, Nodes, Parents, Root, Text } from "mdast";
import type { VFile } from "vfile";
import { SKIP, visit } from "unist-util-visit";
import { isSafeHref, isSafeImageSrc } from "../core/safe-url";

/**
 * Turns every link or image whose target is not a web, mail or relative address into the text it
 * was written as. Markdown itself keeps `[x](javascript:alert(1))`, `<javascript:alert(1)>` and
 * `[x][ref]` with `[ref]: vbscript:…` as live links; in notes written by many hands none of them may
 * reach a student's browser, and nothing the author wrote disappears.
 */
export function remarkSafeLinks() {
  return (tree: Root, file: VFile) => {
    const source = typeof file.value === "string" ? file.value : "";
    /** The node's own source text when positions are known, else a rebuilt form of it. */
    const asWritten = (node: Nodes, rebuilt: string): Text => {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      const value = source && start !== undefined && end !== undefined ? source.slice(start, end) : rebuilt;
      return { type: "text", value };
    };

    const definitions = new Map<string, Definition>();
    visit(tree, "definition", (node) => {
      definitions.set(node.identifier, node);
    });

    visit(tree, (node, index, parent: Parents | undefined) => {
      if (!parent || index === undefined) return;
      const replacement = unsafeReplacement(node);
      if (!replacement) return;
      (parent.children as Nodes[])[index] = replacement;
      return SKIP;
    });

    function unsafeReplacement(node: Nodes): Nodes | undefined {
      switch (node.type) {
        case "link":
          return isSafeHref(node.url) ? undefined : asWritten(node, `[${plainText(node)}](${node.url})`);
        case "image":
          return isSafeImageSrc(node.url) ? undefined : asWritten(node, `![${node.alt ?? ""}](${node.url})`);
        case "linkReference": {
          const url = definitions.get(node.identifier)?.url;
          return url === undefined || isSafeHref(url) ? undefined : asWritten(node, `[${plainText(node)}]`);
        }
        case "imageReference": {
          const url = definitions.get(node.identifier)?.url;
          return url === undefined || isSafeImageSrc(url) ? undefined : asWritten(node, `![${node.alt ?? ""}]`);
        }
        case "definition":
          // A definition renders as nothing; an unsafe one is shown, so that the author sees it.
          return isSafeHref(node.url)
            ? undefined
            : { type: "paragraph", children: [asWritten(node, `[${node.label ?? node.identifier}]: ${node.url}`)] };
        default:
          return undefined;
      }
    }
  };
}

function plainText(node: Nodes): string {
  if ("value" in node && typeof node.value === "string") return node.value;
  if ("children" in node) return (node.children as Nodes[]).map(plainText).join("");
  return "";
}
