/** Small readers for built HTML in site tests (the pages are our own, regular output). */

export function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, "&");
}

/** Text of the first element with this tag (tags stripped, entities decoded). */
export function textOf(html: string, tag: string): string | undefined {
  const match = new RegExp(`<${tag}[^>]*>([\\s\\S]*?)</${tag}>`).exec(html);
  return match ? decodeEntities(match[1]!.replace(/<[^>]+>/g, "")) : undefined;
}

/** `content` of `<meta property|name="key">`. */
export function metaContent(html: string, key: string): string | undefined {
  const match = new RegExp(`<meta (?:property|name)="${key.replace(/[.:]/g, "\\$&")}" content="([^"]*)"`).exec(html);
  return match ? decodeEntities(match[1]!) : undefined;
}

export function canonicalOf(html: string): string | undefined {
  return /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1];
}

/** The page's JSON-LD document. */
export function jsonLdOf(html: string): Record<string, unknown> | undefined {
  const match = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html);
  return match ? JSON.parse(match[1]!) : undefined;
}

/** `href`s of the links inside the first element matching `open` (e.g. `<section class="related"`). */
export function linksIn(html: string, open: string, close: string): string[] {
  const start = html.indexOf(open);
  if (start < 0) return [];
  const end = html.indexOf(close, start);
  return [...html.slice(start, end).matchAll(/<a [^>]*href="([^"]+)"/g)].map((m) => m[1]!);
}
