import { parse, type DefaultTreeAdapterTypes } from "parse5";

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

/** A URL written in a page: where it is and which attribute holds it. */
export interface HtmlReference {
  readonly tag: string;
  readonly attribute: string;
  readonly value: string;
  /** 1-based line in the page's source. */
  readonly line: number;
  /** `rel` of a `<link>`/`<a>`, lower-cased (e.g. `stylesheet`, `canonical`). */
  readonly rel?: string;
}

/** What a built page contains that links, offline caching and the Content-Security-Policy care about. */
export interface HtmlScan {
  /** Every `id` (and legacy `<a name>`) on the page: the targets of `#fragment` links. */
  readonly ids: ReadonlySet<string>;
  readonly references: readonly HtmlReference[];
  /** Text of `<script>` elements without `src` that a browser would run (data blocks excluded). */
  readonly inlineScripts: readonly { text: string; line: number }[];
  /** Text of `<style>` elements. */
  readonly inlineStyles: readonly { text: string; line: number }[];
  /** `onclick=…`-style attributes and `javascript:` URLs: a CSP without `'unsafe-inline'` blocks them. */
  readonly inlineHandlers: readonly { attribute: string; line: number }[];
  /** `<meta http-equiv="Content-Security-Policy">` elements already on the page. */
  readonly policyMetas: readonly { start: number; end: number }[];
}

/** Attributes holding one URL, by element (`*` = any element). */
const URL_ATTRIBUTES: Record<string, readonly string[]> = {
  a: ["href"],
  area: ["href"],
  link: ["href"],
  base: ["href"],
  script: ["src"],
  img: ["src"],
  iframe: ["src"],
  embed: ["src"],
  source: ["src"],
  track: ["src"],
  audio: ["src"],
  video: ["src", "poster"],
  input: ["src"],
  object: ["data"],
  form: ["action"],
  blockquote: ["cite"],
  q: ["cite"],
};

/** `<meta>` whose `content` is a URL of this site (unfurl cards, canonical-like URLs). */
const URL_METAS = new Set(["og:url", "og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:url"]);

/**
 * Types a browser runs as script (HTML spec: a JavaScript MIME type, `module`, or empty). `importmap`
 * and `speculationrules` are inline JSON but still governed by `script-src`.
 */
const EXECUTABLE_SCRIPT_TYPE =
  /^(|module|importmap|speculationrules|(text|application)\/(x-)?(java|ecma)script|text\/(jscript|livescript))$/;

export function scanHtml(html: string): HtmlScan {
  const document = parse(html, { sourceCodeLocationInfo: true });
  const ids = new Set<string>();
  const references: HtmlReference[] = [];
  const inlineScripts: { text: string; line: number }[] = [];
  const inlineStyles: { text: string; line: number }[] = [];
  const inlineHandlers: { attribute: string; line: number }[] = [];
  const policyMetas: { start: number; end: number }[] = [];

  const visit = (node: Node) => {
    if ("tagName" in node) {
      const element = node;
      const line = element.sourceCodeLocation?.startLine ?? 0;
      const attrs = new Map(element.attrs.map((a) => [a.name, a.value]));
      const id = attrs.get("id");
      if (id) ids.add(id);
      if (element.tagName === "a" && attrs.get("name")) ids.add(attrs.get("name")!);
      const rel = attrs.get("rel")?.toLowerCase();

      for (const attribute of URL_ATTRIBUTES[element.tagName] ?? []) {
        const value = attrs.get(attribute);
        if (value === undefined) continue;
        references.push({ tag: element.tagName, attribute, value: value.trim(), line, ...(rel ? { rel } : {}) });
        if (/^\s*javascript:/i.test(value)) inlineHandlers.push({ attribute, line });
      }
      const srcset = attrs.get("srcset");
      if (srcset !== undefined) {
        for (const candidate of parseSrcset(srcset)) references.push({ tag: element.tagName, attribute: "srcset", value: candidate, line });
      }
      for (const [name] of attrs) if (/^on[a-z]+$/.test(name)) inlineHandlers.push({ attribute: name, line });

      if (element.tagName === "meta") {
        const key = (attrs.get("property") ?? attrs.get("name") ?? "").toLowerCase();
        const content = attrs.get("content");
        if (URL_METAS.has(key) && content) references.push({ tag: "meta", attribute: `content (${key})`, value: content.trim(), line });
        const httpEquiv = attrs.get("http-equiv")?.toLowerCase();
        if (httpEquiv === "refresh" && content) {
          const target = /;\s*url\s*=\s*['"]?([^'"]+)/i.exec(content)?.[1];
          if (target) references.push({ tag: "meta", attribute: "content (refresh)", value: target.trim(), line });
        }
        const location = element.sourceCodeLocation;
        if (httpEquiv === "content-security-policy" && location) policyMetas.push({ start: location.startOffset, end: location.endOffset });
      }
      if (element.tagName === "script" && !attrs.has("src")) {
        const type = (attrs.get("type") ?? "").trim().toLowerCase();
        if (EXECUTABLE_SCRIPT_TYPE.test(type)) inlineScripts.push({ text: textOf(element), line });
      }
      if (element.tagName === "style") inlineStyles.push({ text: textOf(element), line });
      if (element.tagName === "template" && "content" in element) visit((element as DefaultTreeAdapterTypes.Template).content);
    }
    if ("childNodes" in node) for (const child of node.childNodes) visit(child);
  };
  visit(document);
  return { ids, references, inlineScripts, inlineStyles, inlineHandlers, policyMetas };
}

/** The text of a raw-text element (`<script>`, `<style>`) exactly as the browser hashes it. */
function textOf(element: Element): string {
  return element.childNodes.map((c) => ("value" in c && c.nodeName === "#text" ? c.value : "")).join("");
}

/** URLs of a `srcset` (`a.png 1x, b.png 2x`): each candidate is a URL and an optional descriptor. */
export function parseSrcset(srcset: string): string[] {
  return srcset
    .split(/,(?=\s*\S)/)
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? "")
    .filter((url) => url.length > 0);
}
