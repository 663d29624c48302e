import { escapeHtml } from "../markdown/inline-markdown";

/** `sitemap.xml` listing absolute page URLs (sitemaps.org protocol, at most 50,000 URLs a file). */
export function sitemapXml(urls: readonly string[]): string {
  if (urls.length > 50_000) throw new Error(`sitemap.xml: ${urls.length} URLs, the protocol allows 50,000 per file`);
  const entries = urls.map((u) => `<url><loc>${escapeHtml(u)}</loc></url>`).join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries}\n</urlset>\n`;
}

/** `robots.txt`: everything may be crawled except the search page's results; names the sitemap. */
export function robotsTxt(sitemapUrl: string, searchPath: string): string {
  return `User-agent: *\nAllow: /\nDisallow: ${searchPath}?\n\nSitemap: ${sitemapUrl}\n`;
}

/**
 * The pages a sitemap lists, from the paths Astro built (`docker/d5/`, `404/`, `og/site.png`):
 * HTML pages only, without the 404 page, each once, in a stable order.
 */
export function sitemapPaths(builtPaths: readonly string[]): string[] {
  const pages = builtPaths.map((p) => p.replace(/^\/+/, "")).filter((p) => (p === "" || p.endsWith("/")) && !/^404\/?$/.test(p));
  return [...new Set(pages)].sort((a, b) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b)));
}
