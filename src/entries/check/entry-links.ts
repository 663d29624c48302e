import type { Root } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { normalizeBase } from "../../core/base-path.mjs";

/** A link target written in Markdown, with its 1-based line in that Markdown. */
export interface MarkdownLink {
  readonly url: string;
  readonly line: number;
}

const parser = unified().use(remarkParse).use(remarkGfm);

/** Every link and link definition of a Markdown text; code blocks and code spans are not links. */
export function findMarkdownLinks(markdown: string): MarkdownLink[] {
  // A link to a relative or root address needs `](` or a `]:` definition; most answers have
  // neither, and skipping their Markdown parse keeps the check fast on thousands of entries.
  if (!/\]\(|\]\s*:/.test(markdown)) return [];
  const tree = parser.parse(markdown) as Root;
  const links: MarkdownLink[] = [];
  visit(tree, (node) => {
    if (node.type === "link" || node.type === "definition") {
      links.push({ url: node.url, line: node.position?.start.line ?? 1 });
    }
  });
  return links;
}

/**
 * The entry a link points at, when it points at a question page of this site: `/docker/d5/`,
 * `../d5/` or `../../kubernetes/k3/#answer`, resolved against the page the link is on. Links
 * elsewhere (other sites, the search page, topic pages) give undefined.
 */
export function linkedEntry(
  url: string,
  fromPage: string,
  options: { base: string; isTopicFolder: (name: string) => boolean },
): { topic: string; id: string } | undefined {
  const origin = "http://site.invalid";
  let target: URL;
  try {
    target = new URL(url, new URL(fromPage, origin));
  } catch {
    return undefined;
  }
  if (target.origin !== origin) return undefined;
  const base = normalizeBase(options.base);
  let path: string;
  try {
    path = decodeURIComponent(target.pathname);
  } catch {
    path = target.pathname;
  }
  if (!path.startsWith(base)) return undefined;
  const [topic, id, ...rest] = path.slice(base.length).split("/").filter(Boolean);
  if (!topic || !id || rest.length > 0 || !options.isTopicFolder(topic)) return undefined;
  return { topic, id };
}
