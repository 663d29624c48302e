import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { startStaticServer, type StaticServer } from "../../scripts/lib/static-server";
import { launchChromium } from "../helpers/browser";
import { canonicalOf, metaContent } from "../helpers/html";
import { buildSite } from "../helpers/build-env";

/**
 * Every absolute URL (canonical, og:url, og:image, structured data, copy-link, sitemap, robots)
 * is made of SITE_URL and BASE_PATH: a build for https://example.github.io/mspt3/.
 */
const SITE = "https://example.github.io";
const BASE = "/mspt3/";
const ROOT = `${SITE}${BASE}`;
const work = mkdtempSync(path.join(tmpdir(), "base-path-"));
const out = path.join(work, "dist");
const read = (file: string) => readFileSync(path.join(out, file), "utf8");
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  // Vitest sets BASE_URL=/ (and MODE, DEV, PROD, SSR) in process.env for import.meta.env; passed on to
  // a build, BASE_URL would override the base path in every link (buildSite leaves them out).
  const result = buildSite({ SITE_URL: SITE, BASE_PATH: BASE, OUT_DIR: out, ASTRO_CACHE_DIR: path.join(work, "cache") });
  if (result.status !== 0) throw new Error(`build failed:\n${result.stdout}\n${result.stderr}`);
  server = await startStaticServer({ dir: out, base: BASE });
  browser = await launchChromium();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

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
  const urls = [...read("sitemap.xml").matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
  expect(urls.length).toBeGreaterThan(100);
  expect(urls.every((u) => u.startsWith(ROOT))).toBe(true);
  expect(urls).toContain(`${ROOT}tags/pod/`);
  expect(read("robots.txt")).toContain(`Sitemap: ${ROOT}sitemap.xml`);
  expect(read("robots.txt")).toContain("Disallow: /mspt3/search/?");
});

test("copying a link from a topic list served under the subfolder gives the public URL", async () => {
  const context = await browser.newContext();
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(server.url).origin });
  const page = await context.newPage();
  await page.goto(`${server.url}helm/`);
  await page.locator("#h2 > button").click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(`${ROOT}helm/h2/`);
  await context.close();
});
