import type { AstroIntegration } from "astro";
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { absoluteUrl } from "../../seo/absolute-url";
import { robotsTxt, sitemapPaths, sitemapXml } from "../../seo/sitemap";
import { searchPath, withBase } from "../../core/site-paths";
import { buildSettings } from "../../core/build-settings.mjs";
import { readUrlHistory } from "../../entries/url-history-files";

/**
 * Writes `sitemap.xml` and `robots.txt` at the end of `astro build`, from the pages the build
 * actually wrote (so no page is ever missing from the sitemap), with absolute URLs made of
 * `SITE_URL` (Astro's `site`) and `BASE_PATH` (Astro's `base`).
 */
export function sitemap(): AstroIntegration {
  let site = "";
  let base = "/";
  return {
    name: "course-qa:sitemap",
    hooks: {
      "astro:config:done": ({ config }) => {
        if (!config.site) throw new Error("sitemap: `site` is not set (SITE_URL)");
        site = config.site;
        base = config.base;
      },
      "astro:build:done": ({ dir, pages, logger }) => {
        const outDir = fileURLToPath(dir);
        // Tombstones (noindex) and redirects (canonical elsewhere) are not pages to index.
        const { tombstones, redirects } = readUrlHistory(buildSettings().contentDir).retired;
        const retired = new Set([...tombstones.map((t) => t.path), ...redirects.map((r) => r.from)]);
        const urls = sitemapPaths(pages.map((p) => p.pathname))
          .filter((p) => !retired.has(p))
          .map((p) => absoluteUrl(site, base, p));
        writeFileSync(`${outDir}/sitemap.xml`, sitemapXml(urls));
        writeFileSync(`${outDir}/robots.txt`, robotsTxt(absoluteUrl(site, base, "sitemap.xml"), withBase(base, searchPath())));
        logger.info(`sitemap.xml lists ${urls.length} pages`);
      },
    },
  };
}
