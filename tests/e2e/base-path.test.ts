import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, inject, test } from "vitest";
import { BASE_SITE } from "../helpers/base-site";
import { useChromium } from "../helpers/browser";
import { canonicalOf, metaContent, sitemapUrls } from "../helpers/html";

/**
 * Every absolute URL (canonical, og:url, og:image, structured data, copy-link, sitemap, robots)
 * is made of SITE_URL and BASE_PATH: the site-base project's build for https://example.github.io/mspt3/.
 */
const ROOT = `${BASE_SITE.origin}${BASE_SITE.base}`;
const out = BASE_SITE.dir;
const siteUrl = inject("siteUrl");
const read = (file: string) => readFileSync(path.join(out, file), "utf8");
const browser = useChromium();

test("a question page's canonical, og:url, og:image and structured data name the subfolder site", () => {
  const html = read("docker/d5/index.html");
  expect(canonicalOf(html)).toBe(`${ROOT}docker/d5/`);
  expect(metaContent(html, "og:url")).toBe(`${ROOT}docker/d5/`);
  expect(metaContent(html, "og:image")).toBe(`${ROOT}og/docker.png`);
  expect(existsSync(path.join(out, "og/docker.png"))).toBe(true);
  expect(html).toContain(`"url":"${ROOT}docker/d5/"`);
  expect(html).toContain(`data-copy-link="${ROOT}docker/d5/"`);
  expect(html).toContain('<script src="/mspt3/theme-init.js"></script>');
});

test("sitemap.xml and robots.txt use the subfolder", () => {
  const urls = sitemapUrls(read("sitemap.xml"));
  expect(urls.length).toBeGreaterThan(100);
  expect(urls.every((u) => u.startsWith(ROOT))).toBe(true);
  expect(urls).toContain(`${ROOT}tags/pod/`);
  expect(read("robots.txt")).toContain(`Sitemap: ${ROOT}sitemap.xml`);
  expect(read("robots.txt")).toContain("Disallow: /mspt3/search/?");
});

test("copying a link from a topic list served under the subfolder gives the public URL", async () => {
  const context = await browser.newContext();
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(siteUrl).origin });
  const page = await context.newPage();
  await page.goto(`${siteUrl}helm/`);
  await page.locator("#h2 > button").click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(`${ROOT}helm/h2/`);
  await context.close();
});
