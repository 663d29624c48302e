import { readFileSync } from "node:fs";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterEach, expect, test } from "vitest";
import { startStaticServer, type StaticServer } from "../../src/preview/static-server";
import { axeViolations } from "../helpers/axe";
import { useChromium } from "../helpers/browser";
import { offlineCacheNames, waitForServiceWorkerControl } from "../helpers/service-worker";
import { siteUnderTest } from "../helpers/site-under-test";

const site = siteUnderTest();
const base = site.location.base;
const browser = useChromium();
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
  options: { serviceWorkers?: "allow" | "block" } = {},
): Promise<{ page: Page; siteUrl: string; requests: string[] }> {
  server = await startStaticServer({ dir: site.dir, base });
  const requests: string[] = [];
  server.server.on("request", (req) => requests.push(decodeURI(req.url ?? "")));
  context = await browser.newContext({ serviceWorkers: options.serviceWorkers ?? "allow" });
  const page = await context.newPage();
  await page.goto(server.url);
  return { page, siteUrl: server.url, requests };
}

/** Network off: Chromium's offline mode, and the server gone too. */
async function goOffline() {
  await context!.setOffline(true);
  await server!.close();
}

/** The `<h1>` of a built page, as text. */
function builtHeading(page: string): string {
  const html = readFileSync(path.join(site.dir, page, "index.html"), "utf8");
  return /<h1[^>]*>([\s\S]*?)<\/h1>/
    .exec(html)![1]!
    .replace(/<[^>]+>/g, "")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
}

test("after one online visit, with the network off, an unvisited question page opens and a Korean search finds and opens results", async () => {
  const { page, siteUrl, requests } = await firstVisit();
  await waitForServiceWorkerControl(page);
  expect(
    requests.some((r) => r === `${base}kubernetes/k5/`),
    "k5 was fetched by the service worker's install",
  ).toBe(true);
  await goOffline();

  await page.goto(`${siteUrl}kubernetes/k5/`);
  await expect(page.locator("h1").textContent()).resolves.toBe(builtHeading("kubernetes/k5"));

  await page.fill("#header-search", "컨테이너");
  await page.press("#header-search", "Enter");
  await page.waitForURL(/\/search\/\?q=/);
  const results = page.locator("[data-search-result]");
  await results.first().waitFor();
  expect(await results.count()).toBeGreaterThan(1);
  await results.first().click();
  await page.waitForURL(new RegExp(`^${siteUrl}(docker|kubernetes|helm)/[a-z]+\\d+/$`));
  await expect(page.locator("main").textContent()).resolves.toContain("컨테이너");
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

test("오프라인으로 저장 shows the size first, then downloads what is missing with progress, by keyboard, and passes axe", async () => {
  const { page, siteUrl, requests } = await firstVisit();
  await waitForServiceWorkerControl(page);
  // The browser dropped part of the copy (storage pressure): two pages are gone from the cache.
  const [cacheName] = await offlineCacheNames(page);
  await page.evaluate(
    async ({ cacheName, urls }) => {
      const cache = await caches.open(cacheName!);
      for (const url of urls) if (!(await cache.delete(url))) throw new Error(`${url} was not cached`);
    },
    { cacheName, urls: [`${siteUrl}kubernetes/k7/`, `${siteUrl}search/`] },
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
  expect(requests.slice(before).sort()).toEqual([`${base}kubernetes/k7/`, `${base}search/`]);
  expect(await axeViolations(page)).toEqual([]);

  await goOffline();
  await page.goto(`${siteUrl}kubernetes/k7/`);
  await expect(page.locator("h1").textContent()).resolves.toBe(builtHeading("kubernetes/k7"));
});

test("on a first visit, 오프라인으로 저장 follows the download in progress until it is complete and in control", async () => {
  server = await startStaticServer({ dir: site.dir, base });
  context = await browser.newContext();
  // Hold the search index's fragments back until the reader has pressed the button.
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  await context.route("**/pagefind/fragment/**", async (route) => {
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
