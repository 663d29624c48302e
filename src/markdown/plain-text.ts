import type { Nodes, Root } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";

const parser = unified().use(remarkParse).use(remarkGfm);

/**
 * The words of a Markdown text, as a reader sees them on the page: markup gone, code and transcripts
 * kept (students search for commands), raw HTML kept as the text it shows as.
 */
export function markdownToPlainText(markdown: string): string {
  const parts: string[] = [];
  const walk = (node: Nodes) => {
    if (node.type === "text" || node.type === "inlineCode" || node.type === "code" || node.type === "html") parts.push(node.value);
    else if (node.type === "image") parts.push(node.alt ?? "");
    if ("children" in node) for (const child of node.children as Nodes[]) walk(child);
    if (node.type === "paragraph" || node.type === "code" || node.type === "heading" || node.type === "listItem") parts.push("\n");
  };
  walk(parser.parse(markdown) as Root);
  return parts
    .join(" ")
    .replace(/[ \t]*\n[ \t\n]*/g, "\n")
    .replace(/[ \t]{2,}/g, " ")
    .trim();
}
