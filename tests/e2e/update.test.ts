import { appendFileSync, cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { startStaticServer, type StaticServer } from "../../src/preview/static-server";
import { axeViolations } from "../helpers/axe";
import { useChromium } from "../helpers/browser";
import { buildSite } from "../../tools/build-env";
import { offlineCacheNames, waitForServiceWorkerControl } from "../helpers/service-worker";
import { siteUnderTest } from "../helpers/site-under-test";
import type { PrecacheManifest } from "../../src/offline/precache-manifest";

const site = siteUnderTest();
const work = mkdtempSync(path.join(tmpdir(), "update-"));
const served = path.join(work, "served");
/** A word only the second deploy has, on the page docker/d1/ and in its search index. */
const NEW_WORD = "배포갱신확인용낱말";
const browser = useChromium({ serviceWorkers: "allow" });
let server: StaticServer;
let secondDeploy: string;
/** Paths requested from the server (the worker's downloads included). */
const requests: string[] = [];

function offlineManifestOf(dir: string): PrecacheManifest {
  const file = readdirSync(dir).find((f) => /^offline-manifest\.[0-9a-f]+\.json$/.test(f))!;
  return JSON.parse(readFileSync(path.join(dir, file), "utf8")) as PrecacheManifest;
}

/** The next deploy: the same site, built from content where one answer gained a sentence. */
function buildSecondDeploy(): string {
  const content = path.join(work, "content");
  cpSync("content", content, { recursive: true });
  appendFileSync(path.join(content, "docker/d1.md"), `- 다음 배포에서 덧붙인 문장: ${NEW_WORD}\n`);
  const out = path.join(work, "v2");
  const result = buildSite({
    CONTENT_DIR: content,
    OUT_DIR: out,
    ASTRO_CACHE_DIR: path.join(work, "cache"),
    BASE_PATH: site.location.base,
    SITE_URL: site.location.origin,
  });
  if (result.status !== 0) throw new Error(`second deploy failed to build:\n${result.stdout}\n${result.stderr}`);
  return out;
}

function deploy(dir: string) {
  rmSync(served, { recursive: true, force: true });
  cpSync(dir, served, { recursive: true });
}

async function searchCount(page: Page, query: string): Promise<number> {
  await page.goto(`${server.url}search/?q=${encodeURIComponent(query)}`);
  await page.locator("[data-search-result], [data-search-empty]").first().waitFor();
  return page.locator("[data-search-result]").count();
}

const mainText = (page: Page) => page.locator("main").textContent();

beforeAll(async () => {
  secondDeploy = buildSecondDeploy();
  server = await startStaticServer({ dir: served, base: site.location.base });
  server.server.on("request", (req) => requests.push(decodeURI(req.url ?? "")));
}, 180_000);
afterAll(async () => {
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

test("a new deploy: the old version stays whole, a notice offers the new one, and accepting switches every tab at once", async () => {
  deploy(site.dir);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.url}docker/d1/`);
  await waitForServiceWorkerControl(page);
  const [oldCache] = await offlineCacheNames(page);
  expect(await mainText(page)).not.toContain(NEW_WORD);
  const otherTab = await context.newPage();
  await otherTab.goto(`${server.url}docker/d1/`);

  deploy(secondDeploy);
  // Any navigation makes the browser look for a new sw.js; the new version installs in the background.
  await page.goto(`${server.url}docker/d2/`);
  const notice = page.locator("[data-update-notice]");
  await notice.locator("[data-update-reload]").waitFor({ timeout: 30_000 });
  expect(await notice.textContent()).toContain("새 버전이 준비되었습니다");
  expect(await notice.getAttribute("role")).toBe("status");
  expect(await axeViolations(page)).toEqual([]);

  // Until the reader accepts, pages and search index both stay the old version's.
  await page.goto(`${server.url}docker/d1/`);
  expect(await mainText(page)).not.toContain(NEW_WORD);
  expect(await searchCount(page, "컨테이너")).toBeGreaterThan(1);
  expect(await searchCount(page, NEW_WORD)).toBe(0);

  await notice.locator("[data-update-reload]").waitFor();
  const reloads = [page, otherTab].map((p) => p.waitForEvent("load", { timeout: 30_000 }));
  await notice.locator("[data-update-reload]").click();
  await Promise.all(reloads);

  // Now both are the new version's: the reloaded search page finds the new word, the other tab shows it.
  await page.locator("[data-search-result], [data-search-empty]").first().waitFor();
  expect(await page.locator("[data-search-result]").count()).toBe(1);
  await page.locator("[data-search-result]").first().click();
  await page.waitForURL(/\/docker\/d1\/$/);
  expect(await mainText(page)).toContain(NEW_WORD);
  expect(await mainText(otherTab)).toContain(NEW_WORD);
  const caches = await offlineCacheNames(page);
  expect(caches).toHaveLength(1);
  expect(caches[0]).not.toBe(oldCache);
  await context.close();
}, 120_000);

test("a deploy landing while a version downloads: the download stops with a message and the mixed copy is never used", async () => {
  deploy(site.dir);
  const context = await browser.newContext();
  // Hold back one unhashed file of the index until the new deploy is on the server.
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  await context.route("**/offline/core-search.*.pack", async (route) => {
    await gate;
    await route.continue();
  });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.click("[data-offline-toggle]");
  await expect.poll(() => page.locator("[data-offline-summary]").textContent(), { timeout: 15_000 }).toMatch(/[KM]B입니다/);
  await page.click("[data-offline-start]");
  // Every other first-visit pack of the old version is in its cache (beside its file list); only the held pack's files are missing.
  const v1 = offlineManifestOf(site.dir);
  const held = v1.packs.find((p) => p.id === "core-search")!;
  const coreFiles = v1.entries.filter((e) => e.pack.startsWith("core-")).length;
  await expect
    .poll(
      () =>
        page.evaluate(async () => {
          const names = (await caches.keys()).filter((n) => n.startsWith("course-qa-offline:"));
          if (names.length !== 1) return 0;
          const stored = await (await caches.open(names[0]!)).keys();
          return stored.filter((r) => !/\/offline-manifest\.[0-9a-f]+\.json$/.test(r.url)).length;
        }),
      { timeout: 30_000 },
    )
    .toBe(coreFiles - held.files);

  deploy(secondDeploy);
  release();
  await expect
    .poll(() => page.locator("[data-offline-status]").textContent(), { timeout: 30_000 })
    .toBe("그사이 새 버전이 배포되었습니다. 페이지를 새로고침한 뒤 다시 저장하세요.");
  expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();

  // Reloading gets the new version whole: its pages and its index.
  await page.reload();
  await waitForServiceWorkerControl(page);
  expect(await searchCount(page, NEW_WORD)).toBe(1);
  await context.close();
}, 120_000);

test("a second deploy downloads only the packs that changed, and the saved copy stays whole", async () => {
  deploy(site.dir);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.url}docker/d1/`);
  await waitForServiceWorkerControl(page);
  // The 50-question site is below OFFLINE_AUTO_MAX_MB: the first visit saved everything.
  await page.waitForFunction(() => document.documentElement.dataset.offlineAutoSave === "saved", null, { timeout: 30_000 });
  const v1 = offlineManifestOf(site.dir);
  const v2 = offlineManifestOf(secondDeploy);
  const changed = v2.packs.filter((p) => !v1.packs.some((q) => q.url === p.url));
  expect(changed.map((p) => p.id)).toContain("pages-docker-0");
  expect(changed.length).toBeLessThan(v2.packs.length);

  requests.length = 0;
  deploy(secondDeploy);
  await page.goto(`${server.url}docker/d2/`);
  await page.locator("[data-update-notice] [data-update-reload]").waitFor({ timeout: 30_000 });
  expect(requests.filter((r) => r.includes("/offline/")).sort()).toEqual(changed.map((p) => `${site.location.base}${p.url}`).sort());
  // The new version holds every one of its files: unchanged ones copied from the old version's cache.
  const stored = await page.evaluate(async (version) => {
    const name = (await caches.keys()).find((n) => n.endsWith(`:${version}`));
    return name ? (await (await caches.open(name)).keys()).map((r) => r.url) : [];
  }, v2.version);
  const expected = v2.entries.map((e) => new URL(site.location.base + encodeURI(e.url), server.url).href);
  expect(expected.filter((u) => !stored.includes(u))).toEqual([]);
  await context.close();
}, 120_000);
