/**
 * Which link targets written in notes may become a clickable link or an image on the site.
 * An allow-list, not a block-list: `javascript:`, `vbscript:`, `data:` and any scheme we do not know
 * are refused, however they are disguised.
 */
const LINK_SCHEMES = new Set(["http", "https", "mailto"]);
const IMAGE_SCHEMES = new Set(["http", "https"]);

/**
 * The scheme a browser would read from a URL, lower-cased, or undefined for a relative URL.
 * Browsers drop ASCII tabs and newlines anywhere in a URL and control characters and spaces at its
 * start before reading the scheme, so `java\tscript:` and ` javascript:` are `javascript:`.
 */
export function urlScheme(url: string): string | undefined {
  const noBreaks = url.replace(/[\t\n\r]/g, "");
  let start = 0;
  while (start < noBreaks.length && noBreaks.charCodeAt(start) <= 0x20) start++;
  const cleaned = noBreaks.slice(start);
  return /^([a-z][a-z0-9+.-]*):/i.exec(cleaned)?.[1]?.toLowerCase();
}

/** True for relative links and web or mail links. */
export function isSafeHref(href: string): boolean {
  const scheme = urlScheme(href);
  return scheme === undefined || LINK_SCHEMES.has(scheme);
}

/** True for relative image paths and web images (no `data:`, no `javascript:`). */
export function isSafeImageSrc(src: string): boolean {
  const scheme = urlScheme(src);
  return scheme === undefined || IMAGE_SCHEMES.has(scheme);
}
