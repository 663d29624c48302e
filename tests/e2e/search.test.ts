import type { Page } from "playwright-core";
import { beforeAll, expect, inject, test } from "vitest";
import { useChromium } from "../helpers/browser";

const browser = useChromium();
let page: Page;
const siteUrl = inject("siteUrl");

beforeAll(async () => {
  page = await browser.newPage();
});

async function searchResults(query: string) {
  await page.goto(`${siteUrl}search/?q=${encodeURIComponent(query)}`);
  await page.locator("[data-search-result], [data-search-empty]").first().waitFor();
  return page.locator("[data-search-result]");
}

test("searching `docker rmi` finds the question about deleting an image whose container runs, first", async () => {
  const results = await searchResults("docker rmi");
  await expect(results.first().locator(".result-title").textContent()).resolves.toBe(
    "이미지로부터 컨테이너를 run하여 생성한 후, 그 이미지를 삭제(?)하면 run하던 컨테이너는 어떻게 되나요?",
  );
  await results.first().click();
  await page.waitForURL(/\/docker\/d\d+\/$/);
  await expect(page.locator("h1").textContent()).resolves.toContain("그 이미지를 삭제(?)하면");
});

test("a query with no match shows the empty message", async () => {
  const results = await searchResults("zzqxj");
  expect(await results.count()).toBe(0);
  await expect(page.locator("[data-search-empty]").isVisible()).resolves.toBe(true);
});

test("the header search box opens the search page with the query", async () => {
  await page.goto(`${siteUrl}docker/`);
  await page.fill("#header-search", "ReplicaSet");
  await page.press("#header-search", "Enter");
  await page.waitForURL(/\/search\/\?q=ReplicaSet/);
  await page.locator("[data-search-result]").first().waitFor();
  expect(await page.locator("[data-search-result]").count()).toBeGreaterThan(0);
});
