import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterEach, expect, test } from "vitest";
import { startStaticServer, type StaticServer } from "../../src/preview/static-server";
import { axeViolations } from "../helpers/axe";
import { textOf } from "../helpers/html";
import { useChromium } from "../helpers/browser";
import { offlineCacheNames, waitForServiceWorkerControl } from "../helpers/service-worker";
import { siteUnderTest } from "../helpers/site-under-test";
import type { PrecacheManifest } from "../../src/offline/precache-manifest";

const site = siteUnderTest();
const base = site.location.base;
const browser = useChromium({ serviceWorkers: "allow" });
let context: BrowserContext | undefined;
let server: StaticServer | undefined;

afterEach(async () => {
  await context?.close();
  await server?.close();
  context = server = undefined;
});

/**
 * A private server for the build and a fresh browser profile per test: each test is a first
 * visit, and closing the server takes the site off the network for real.
 */
async function firstVisit(
  options: { serviceWorkers?: "allow" | "block"; saveData?: boolean; path?: string } = {},
): Promise<{ page: Page; siteUrl: string; requests: string[] }> {
  server = await startStaticServer({ dir: site.dir, base });
  const requests: string[] = [];
  server.server.on("request", (req) => requests.push(decodeURI(req.url ?? "")));
  context = await browser.newContext({ serviceWorkers: options.serviceWorkers ?? "allow" });
  if (options.saveData) await context.addInitScript(emulateSaveData);
  const page = await context.newPage();
  await page.goto(`${server.url}${options.path ?? ""}`);
  return { page, siteUrl: server.url, requests };
}

/** The browser's "save data" setting (Chrome's Lite mode, a metered connection): `navigator.connection.saveData`. */
function emulateSaveData() {
  Object.defineProperty(Navigator.prototype, "connection", { configurable: true, get: () => ({ saveData: true }) });
}

/** This build's offline file list: its packs and which are stored on a first visit. */
function builtOfflineManifest(): PrecacheManifest {
  const file = readdirSync(site.dir).find((f) => /^offline-manifest\.[0-9a-f]+\.json$/.test(f))!;
  return JSON.parse(readFileSync(path.join(site.dir, file), "utf8")) as PrecacheManifest;
}

/** The automatic-save decision the page took (offline-support.ts), once taken. */
async function autoSaveOutcome(page: Page): Promise<string> {
  await page.waitForFunction(() => !["", "saving"].includes(document.documentElement.dataset.offlineAutoSave ?? ""), null, {
    timeout: 30_000,
  });
  return page.evaluate(() => document.documentElement.dataset.offlineAutoSave!);
}

/** Network off: Chromium's offline mode, and the server gone too. */
async function goOffline() {
  await context!.setOffline(true);
  await server!.close();
}

/** The `<h1>` of a built page, as text. */
function builtHeading(page: string): string {
  const html = readFileSync(path.join(site.dir, page, "index.html"), "utf8");
  return textOf(html, "h1")!;
}

test("a small site saves itself: after one online visit, with the network off, an unvisited question page opens and a Korean search finds and opens results", async () => {
  const { page, siteUrl, requests } = await firstVisit();
  await waitForServiceWorkerControl(page);
  // 50 questions are far below OFFLINE_AUTO_MAX_MB (5 MB): the page asks for the full save by itself.
  await expect(autoSaveOutcome(page)).resolves.toBe("saved");
  const k5Pack = builtOfflineManifest().packs.find((p) => p.id === "pages-kubernetes-0")!;
  expect(requests, "k5 arrived in its pack").toContain(`${base}${k5Pack.url}`);
  await goOffline();

  await page.goto(`${siteUrl}kubernetes/k5/`);
  await expect(page.locator("h1").textContent()).resolves.toBe(builtHeading("kubernetes/k5"));

  await page.fill("#header-search", "컨테이너");
  await page.press("#header-search", "Enter");
  await page.waitForURL(/\/search\/\?q=/);
  const results = page.locator("[data-search-result]");
  await results.first().waitFor();
  expect(await results.count()).toBeGreaterThan(1);
  expect(await page.locator("[data-offline-unsaved]").count(), "everything is saved").toBe(0);
  await results.first().click();
  await page.waitForURL(new RegExp(`^${siteUrl}(docker|kubernetes|helm)/[a-z]+\\d+/$`));
  await expect(page.locator("main").textContent()).resolves.toContain("컨테이너");
});

test("one visit without a full save (saveData): a bounded background download, then offline search with titles and excerpts, and unsaved answers say so", async () => {
  const { page, siteUrl, requests } = await firstVisit({ saveData: true, path: "docker/d1/" });
  await waitForServiceWorkerControl(page);
  await expect(autoSaveOutcome(page)).resolves.toBe("save-data");
  const manifest = builtOfflineManifest();
  // What the worker fetched: the file list and the core packs, and nothing of the page packs.
  const background = requests.filter((r) => r.startsWith(`${base}offline`));
  expect(background.sort()).toEqual(
    [`${base}offline-manifest.${manifest.version}.json`, ...manifest.packs.filter((p) => p.core).map((p) => `${base}${p.url}`)].sort(),
  );
  expect(background.length).toBeLessThanOrEqual(40);
  await goOffline();

  // The page visited online is there; search answers from the stored index and fragments.
  await page.goto(`${siteUrl}docker/d1/`);
  await expect(page.locator("h1").textContent()).resolves.toBe(builtHeading("docker/d1"));
  await page.goto(`${siteUrl}search/?q=${encodeURIComponent("컨테이너")}`);
  const results = page.locator("a[data-search-result]");
  await results.first().waitFor();
  expect(await results.count()).toBeGreaterThan(1);
  await expect.poll(() => page.locator("[data-offline-unsaved]").count(), { timeout: 10_000 }).toBeGreaterThan(0);
  for (const result of await results.all()) {
    await expect(result.locator(".result-title").textContent()).resolves.not.toBe("");
    await expect(result.locator(".result-excerpt").textContent()).resolves.toMatch(/\S/);
    const href = new URL((await result.getAttribute("href"))!, siteUrl).pathname;
    const note = result.locator("[data-offline-unsaved]");
    if (href === `${base}docker/d1/`) await expect(note.count(), "the visited page is saved").resolves.toBe(0);
    else await expect(note.textContent()).resolves.toBe("저장되지 않은 답변 — 온라인에서 열거나 전체 저장");
  }
  expect(await axeViolations(page)).toEqual([]);

  // Following an unsaved result offline: the page says it isn't saved (not "not found").
  const unsaved = await page.locator("a[data-search-result]:has([data-offline-unsaved])").first().getAttribute("href");
  const response = await page.goto(new URL(unsaved!, siteUrl).href);
  expect(response?.status()).toBe(503);
  await expect(page.locator("h1").textContent()).resolves.toBe("저장되지 않은 답변");
  await expect(page.title()).resolves.toMatch(/^저장되지 않은 답변 \| /);
  expect(await axeViolations(page)).toEqual([]);
});

test("the same offline visit fails without the service worker (so the test above can fail)", async () => {
  const { siteUrl } = await firstVisit({ serviceWorkers: "block" });
  await goOffline();
  const page = await context!.newPage();
  await expect(page.goto(`${siteUrl}kubernetes/k5/`)).rejects.toThrow(/ERR_INTERNET_DISCONNECTED|ERR_CONNECTION_REFUSED/);
});

test("an unknown page offline shows the site's 404 page, with search and topics", async () => {
  const { page, siteUrl } = await firstVisit();
  await waitForServiceWorkerControl(page);
  await goOffline();
  const response = await page.goto(`${siteUrl}docker/no-such-question/`);
  expect(response?.status()).toBe(404);
  await expect(page.locator("h1").textContent()).resolves.toBe("페이지를 찾을 수 없습니다");
});

test("오프라인으로 저장 shows the size first, then downloads the missing packs with progress, by keyboard, passes axe, and an unvisited page opens offline", async () => {
  const { page, siteUrl, requests } = await firstVisit({ saveData: true });
  await waitForServiceWorkerControl(page);
  await expect(autoSaveOutcome(page)).resolves.toBe("save-data");
  // The browser dropped part of the copy (storage pressure): the search page is gone from the cache.
  const [cacheName] = await offlineCacheNames(page);
  await page.evaluate(
    async ({ cacheName, urls }) => {
      const cache = await caches.open(cacheName!);
      for (const url of urls) if (!(await cache.delete(url))) throw new Error(`${url} was not cached`);
    },
    { cacheName, urls: [`${siteUrl}search/`] },
  );
  const before = requests.length;

  await page.focus("[data-offline-toggle]");
  await page.keyboard.press("Enter");
  await expect(page.locator("[data-offline-toggle]").getAttribute("aria-expanded")).resolves.toBe("true");
  const summary = page.locator("[data-offline-summary]");
  await expect.poll(() => summary.textContent(), { timeout: 15_000 }).toMatch(/파일 \d+개\)는 \d+(?:\.\d)? [KM]B입니다/);
  const start = page.locator("[data-offline-start]");
  await expect(start.textContent()).resolves.toMatch(/^내려받기 \(\d+(?:\.\d)? [KM]B\)$/);
  expect(requests.slice(before), "nothing is downloaded before the reader agrees").toEqual([]);
  expect(await axeViolations(page)).toEqual([]);

  await start.focus();
  await page.keyboard.press("Enter");
  await expect.poll(() => page.locator("[data-offline-status]").textContent(), { timeout: 30_000 }).toMatch(/^저장 완료: 파일 \d+개/);
  expect(await page.locator("[data-offline-progress]").isVisible()).toBe(true);
  expect(await page.locator("[data-offline-progress]").evaluate((p: HTMLProgressElement) => p.value === p.max)).toBe(true);
  // Exactly the packs with something missing: every page pack, and the shell's (the search page was dropped).
  const manifest = builtOfflineManifest();
  expect(requests.slice(before).sort()).toEqual(
    manifest.packs
      .filter((p) => !p.core || p.id === "core-shell")
      .map((p) => `${base}${p.url}`)
      .sort(),
  );
  expect(await axeViolations(page)).toEqual([]);

  // The save survives a reload: the panel says everything is stored, and nothing is downloaded again.
  await page.reload();
  const afterReload = requests.length;
  await page.click("[data-offline-toggle]");
  await expect.poll(() => summary.textContent(), { timeout: 15_000 }).toContain("이 브라우저에 모두 저장되어 있어");
  expect(requests.slice(afterReload).filter((r) => r.includes("/offline/"))).toEqual([]);

  await goOffline();
  await page.goto(`${siteUrl}kubernetes/k7/`);
  await expect(page.locator("h1").textContent()).resolves.toBe(builtHeading("kubernetes/k7"));
  await page.goto(`${siteUrl}search/?q=${encodeURIComponent("파드")}`);
  await page.locator("[data-search-result]").first().waitFor();
});

test("on a first visit, 오프라인으로 저장 follows the download in progress until it is complete and in control", async () => {
  server = await startStaticServer({ dir: site.dir, base });
  context = await browser.newContext();
  // Hold the search data's fragments pack back until the reader has pressed the button.
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  await context.route("**/offline/core-fragments-*", async (route) => {
    await gate;
    await route.continue();
  });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForFunction(async () => Boolean((await navigator.serviceWorker.getRegistration())?.installing));

  await page.click("[data-offline-toggle]");
  const summary = page.locator("[data-offline-summary]");
  await expect
    .poll(() => summary.textContent(), { timeout: 15_000 })
    .toMatch(/는 \d+(?:\.\d)? [KM]B입니다\. .*지금 저장된 것: \d+(?:\.\d)? [KM]B\./);
  await page.click("[data-offline-start]");
  const status = page.locator("[data-offline-status]");
  await expect
    .poll(() => status.textContent(), { timeout: 15_000 })
    .toMatch(/^내려받는 중… \d+(?:\.\d)? [KM]B \/ \d+(?:\.\d)? [KM]B \((\d|[1-9]\d)%\)$/);
  expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();

  release();
  await expect.poll(() => status.textContent(), { timeout: 30_000 }).toMatch(/^저장 완료/);
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await goOffline();
  await page.goto(`${server.url}search/?q=${encodeURIComponent("파드")}`);
  await page.locator("[data-search-result]").first().waitFor();
});
