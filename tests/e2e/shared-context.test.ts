import { expect, inject, test } from "vitest";
import { useChromium, useSharedContext } from "../helpers/browser";

/**
 * `useSharedContext` (tests/helpers/browser.ts) lets the tests of a file share one browser context
 * to save a renderer process per test. Its promise is that a test starts as in a new context: what
 * one test stores on the site — localStorage, a cookie, Cache Storage, the HTTP cache, a permission
 * — is gone in the next. Tests run in order within a file, so the second test sees what the first
 * left.
 */
const browser = useChromium();
const siteUrl = inject("siteUrl");
const pages = useSharedContext(browser, siteUrl);
const PAGE = `${siteUrl}docker/d1/`;

test("a test stores data on the site and leaves its page open", async () => {
  const page = await pages.newPage();
  await page.goto(PAGE);
  await page.evaluate(async () => {
    localStorage.setItem("left-by-the-first-test", "1");
    document.cookie = "left=1; path=/";
    await (await caches.open("left-by-the-first-test")).put("/left", new Response("1"));
  });
  await page.context().grantPermissions(["clipboard-read"], { origin: new URL(siteUrl).origin });
  expect(await page.evaluate(() => localStorage.length)).toBe(1);
});

test("the next test starts as in a new context: no pages, storage, cookies, caches or permissions", async () => {
  const page = await pages.newPage();
  // Only the keeper tab (robots.txt) and this page are open.
  expect(
    page
      .context()
      .pages()
      .map((p) => p.url()),
  ).toEqual([new URL("robots.txt", siteUrl).href, "about:blank"]);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  const fromCache: string[] = [];
  cdp.on("Network.requestServedFromCache", ({ requestId }) => fromCache.push(requestId));
  cdp.on("Network.responseReceived", ({ response }) => {
    if (response.fromDiskCache || response.fromPrefetchCache) fromCache.push(response.url);
  });
  await page.goto(PAGE);
  const left = await page.evaluate(async () => ({
    localStorage: localStorage.length,
    cookie: document.cookie,
    caches: await caches.keys(),
    clipboard: (await navigator.permissions.query({ name: "clipboard-read" as PermissionName })).state,
  }));
  expect(left).toEqual({ localStorage: 0, cookie: "", caches: [], clipboard: "prompt" });
  expect(fromCache).toEqual([]);
  await cdp.detach();
});
