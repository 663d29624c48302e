import { parse, parseFragment, type DefaultTreeAdapterMap } from "parse5";

/**
 * Readers for built HTML in site tests, on parse5 (the HTML standard's parser, as a browser reads
 * the page) rather than regular expressions: attributes in any order or quoting, entities decoded,
 * nested tags and text that merely looks like a tag all come out as a browser sees them.
 */
export type HtmlElement = DefaultTreeAdapterMap["element"];
type HtmlNode = DefaultTreeAdapterMap["node"];
type HtmlParent = DefaultTreeAdapterMap["parentNode"];

const documents = new Map<string, DefaultTreeAdapterMap["document"]>();

/** The parsed document (the last few parses are kept: tests read one page many times). */
export function parseHtml(html: string): DefaultTreeAdapterMap["document"] {
  let document = documents.get(html);
  if (!document) {
    if (documents.size > 16) documents.clear();
    document = parse(html);
    documents.set(html, document);
  }
  return document;
}

const isElement = (node: HtmlNode): node is HtmlElement => "tagName" in node;
const childrenOf = (node: HtmlNode): HtmlNode[] =>
  "content" in node && node.nodeName === "template"
    ? (node as HtmlElement & { content: HtmlParent }).content.childNodes
    : "childNodes" in node
      ? node.childNodes
      : [];

/** Every element of the page (document order) that `match` accepts. */
export function findAll(root: string | HtmlNode, match: (element: HtmlElement) => boolean): HtmlElement[] {
  const found: HtmlElement[] = [];
  const walk = (node: HtmlNode) => {
    if (isElement(node) && match(node)) found.push(node);
    for (const child of childrenOf(node)) walk(child);
  };
  walk(typeof root === "string" ? parseHtml(root) : root);
  return found;
}

export function find(root: string | HtmlNode, match: (element: HtmlElement) => boolean): HtmlElement | undefined {
  return findAll(root, match)[0];
}

/** An attribute's value (decoded), or undefined when absent. */
export function attr(element: HtmlElement, name: string): string | undefined {
  return element.attrs.find((a) => a.name === name)?.value;
}

/** The element's text as `textContent` gives it (entities decoded, tags dropped). */
export function textContent(node: HtmlNode): string {
  if (node.nodeName === "#text") return (node as DefaultTreeAdapterMap["textNode"]).value;
  return childrenOf(node).map(textContent).join("");
}

/** Matches an element by tag name and (optionally) attributes; `class` matches one class of the list. */
export function matches(tag: string, attrs: Record<string, string> = {}) {
  return (element: HtmlElement) =>
    element.tagName === tag &&
    Object.entries(attrs).every(([name, value]) =>
      name === "class" ? (attr(element, "class") ?? "").split(/\s+/).includes(value) : attr(element, name) === value,
    );
}

/** Decodes the entities of an HTML text (as the parser does). */
export function decodeEntities(text: string): string {
  return parseFragment(text)
    .childNodes.map((n) => textContent(n as HtmlNode))
    .join("");
}

/** Text of the first element with this tag. */
export function textOf(html: string, tag: string): string | undefined {
  const element = find(html, (e) => e.tagName === tag);
  return element ? textContent(element) : undefined;
}

/** `content` of `<meta property|name="key">`. */
export function metaContent(html: string, key: string): string | undefined {
  const meta = find(html, (e) => e.tagName === "meta" && (attr(e, "property") === key || attr(e, "name") === key));
  return meta ? attr(meta, "content") : undefined;
}

export function canonicalOf(html: string): string | undefined {
  const link = find(html, (e) => e.tagName === "link" && attr(e, "rel") === "canonical");
  return link ? attr(link, "href") : undefined;
}

/** The page's JSON-LD document. */
export function jsonLdOf(html: string): Record<string, unknown> | undefined {
  const script = find(html, (e) => e.tagName === "script" && attr(e, "type") === "application/ld+json");
  return script ? (JSON.parse(textContent(script)) as Record<string, unknown>) : undefined;
}

/**
 * `href`s of the links inside the first element whose opening tag is `open` (e.g.
 * `<section class="related"`): its tag name and attributes, parsed. `close` is kept for the callers
 * written before this parsed the page; the element's own end is where its links end.
 */
export function linksIn(html: string, open: string, _close?: string): string[] {
  const wanted = findAll(parseFragment(`${open}>`), () => true)[0];
  if (!wanted) throw new Error(`not an opening tag: ${open}`);
  const container = find(html, matches(wanted.tagName, Object.fromEntries(wanted.attrs.map((a) => [a.name, a.value]))));
  if (!container) return [];
  return findAll(container, (e) => e.tagName === "a" && attr(e, "href") !== undefined).map((a) => attr(a, "href")!);
}

/**
 * `[id, href]` of the questions a list page lists, in order: each `<li id="d5">` whose first link
 * opens the question (`<a href="/docker/d5/">`). Topic, tag and session pages list them so.
 */
export function listedQuestions(html: string): (readonly [id: string, href: string])[] {
  return findAll(html, (e) => e.tagName === "li" && /^[a-z]+\d+$/.test(attr(e, "id") ?? "")).flatMap((li) => {
    const link = find(li, (e) => e.tagName === "a" && attr(e, "href") !== undefined);
    return link ? [[attr(li, "id")!, attr(link, "href")!] as const] : [];
  });
}

/** The `<loc>` URLs of a sitemap (parse5 reads the XML's elements as unknown HTML ones). */
export function sitemapUrls(xml: string): string[] {
  return findAll(xml, (e) => e.tagName === "loc").map((loc) => textContent(loc).trim());
}
