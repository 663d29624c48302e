import type { Page } from "playwright-core";
import { beforeAll, expect, inject, test } from "vitest";
import { useChromium } from "../helpers/browser";

const ORIGIN = (process.env.SITE_URL || "http://localhost:4321").replace(/\/+$/, "");
const siteUrl = inject("siteUrl");
const browser = useChromium();
let page: Page;

beforeAll(async () => {
  page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
});

const meta = (key: string) =>
  page.evaluate((k) => document.querySelector(`meta[property="${k}"], meta[name="${k}"]`)?.getAttribute("content") ?? null, key);

test("a question page carries the tags an unfurler reads: the question as og:title, an excerpt, its URL and a PNG card", async () => {
  await page.goto(`${siteUrl}kubernetes/k3/`);
  const question = await page.locator("h1").textContent();
  expect(await meta("og:title")).toBe(question);
  expect(await meta("og:url")).toBe(`${ORIGIN}/kubernetes/k3/`);
  expect(await meta("og:site_name")).toBe("강의 Q&A");
  expect(await meta("og:locale")).toBe("ko_KR");
  expect(await meta("og:type")).toBe("article");
  expect(await meta("twitter:card")).toBe("summary_large_image");
  const description = (await meta("og:description"))!;
  expect(description).toBe(await meta("description"));
  // The excerpt is the beginning of the answer as the reader sees it.
  const answer = (await page.locator(".answer").innerText()).replace(/\s+/g, " ");
  expect(answer.startsWith(description.replace(/…$/, "").slice(0, 40))).toBe(true);
  expect(await page.title()).toBe(`${question} | 강의 Q&A`);

  const image = (await meta("og:image"))!;
  expect(image).toBe(`${ORIGIN}/og/kubernetes.png`);
  const response = await page.request.get(`${siteUrl}${image.slice(ORIGIN.length + 1)}`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("image/png");
});

test("opening a topic page at #<id> scrolls to the question and marks it visibly", async () => {
  await page.goto(`${siteUrl}kubernetes/#k20`);
  const target = page.locator("li:target");
  await expect(target.getAttribute("id")).resolves.toBe("k20");
  const box = (await target.boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(700);
  await expect(page.evaluate(() => window.scrollY)).resolves.toBeGreaterThan(300);
  const marked = await target.evaluate((li) => {
    const style = getComputedStyle(li);
    return { outline: style.outlineStyle, shadow: style.boxShadow, weight: getComputedStyle(li.querySelector("a")!).fontWeight };
  });
  expect(marked.outline).toBe("solid");
  expect(marked.shadow).not.toBe("none");
  expect(Number(marked.weight)).toBeGreaterThanOrEqual(700);
  const other = await page.locator("#k19").evaluate((li) => getComputedStyle(li).outlineStyle);
  expect(other).toBe("none");
});

test("following an anchor link from another page lands on the marked question", async () => {
  await page.goto(`${siteUrl}docker/`);
  await page.goto(`${siteUrl}docker/#d12`);
  await expect(page.locator("li:target").getAttribute("id")).resolves.toBe("d12");
  await page.evaluate(() => (location.hash = "#d3"));
  await expect(page.locator("li:target").getAttribute("id")).resolves.toBe("d3");
});
