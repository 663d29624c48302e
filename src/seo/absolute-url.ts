import { withBase } from "../core/site-paths";

/**
 * The absolute URL of an internal path, as a pasted link, a canonical URL or a sitemap entry needs
 * it: the build's origin (`SITE_URL`, Astro's `site`) plus its base path (`BASE_PATH`).
 * Any path part of `site` is replaced by the base path: the base path is the one place a subfolder
 * is named.
 */
export function absoluteUrl(site: URL | string, base: string, path: string): string {
  return new URL(withBase(base, path), site).href;
}
