import type { Page } from "playwright-core";
import { beforeAll, expect, inject, test } from "vitest";
import { useChromium } from "../helpers/browser";

/**
 * Issue #8, item 6: a hostile `?q=` (a link someone pastes in a class chat) is shown as text on
 * the search page; nothing in it runs or becomes an element. Hooks used: the search form's
 * `input[name=q]`, and `[data-search-result]` / `[data-search-empty]` once the search is done.
 */
const browser = useChromium();
let page: Page;
const siteUrl = inject("siteUrl");
const dialogs: string[] = [];

beforeAll(async () => {
  page = await browser.newPage();
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
});

const HOSTILE = [
  "<script>alert(1)</script>",
  '<img src=x onerror="window.__pwned=1">',
  '"><svg onload=alert(1)>',
  "'\"><iframe src=javascript:alert(1)>",
  '도커" onfocus="alert(1)" autofocus="',
  "</mark><script>alert(1)</script>",
];

test.each(HOSTILE)("?q=%s is shown as text and runs nothing", async (query) => {
  await page.goto(`${siteUrl}search/?q=${encodeURIComponent(query)}`);
  await page.locator("[data-search-result], [data-search-empty]").first().waitFor();
  const state = await page.evaluate(() => ({
    input: (document.querySelector("main input[name=q]") as HTMLInputElement | null)?.value,
    pwned: (window as unknown as { __pwned?: unknown }).__pwned,
    inlineScripts: [...document.scripts].filter((s) => !s.src).map((s) => s.textContent),
    // Each payload, if it became markup, would be one of these (the page's own markup never is).
    injected: document.querySelectorAll("iframe, img[src='x'], [onerror], [onload], [onfocus], [autofocus]").length,
    mainText: document.querySelector("main")?.textContent ?? "",
  }));
  expect(state.input).toBe(query);
  expect(state.pwned).toBeUndefined();
  expect(state.inlineScripts).toEqual([]);
  expect(state.injected).toBe(0);
  // Whatever the page says about the query (no results, or results) quotes it as text.
  if (await page.locator("[data-search-empty]").count()) expect(state.mainText).toContain(query);
  expect(dialogs).toEqual([]);
});

test("a query with quotes and angle brackets that matches still lists results as plain links", async () => {
  await page.goto(`${siteUrl}search/?q=${encodeURIComponent('"docker" <rmi>')}`);
  await page.locator("[data-search-result], [data-search-empty]").first().waitFor();
  expect(await page.locator("[data-search-result]").count()).toBeGreaterThan(0);
  const elements = await page
    .locator("[data-search-result] *")
    .evaluateAll((els) =>
      els.map((el) => ({ tag: el.tagName.toLowerCase(), handlers: [...el.attributes].filter((a) => a.name.startsWith("on")).length })),
    );
  expect(elements.filter((e) => ["script", "img", "iframe", "svg", "object", "embed", "rmi"].includes(e.tag) || e.handlers > 0)).toEqual(
    [],
  );
  expect(dialogs).toEqual([]);
});
