import type { Page } from "playwright-core";
import { beforeEach, describe, expect, inject, test } from "vitest";
import { axeViolations } from "../helpers/axe";
import { useChromium, useSharedContext } from "../helpers/browser";

/**
 * The forgiving search in Chromium: the "이것을 찾으셨나요?" line and its search-as-typed link,
 * 초성 suggestions in the header combobox, both by keyboard, axe on a corrected result page,
 * and the layout facts behind the search page's CLS (space reserved before results arrive).
 */
const browser = useChromium();
const siteUrl = inject("siteUrl");
const pages = useSharedContext(browser, siteUrl);
let page: Page;

beforeEach(async () => {
  page = await pages.newPage();
});

function waitForList(query: string) {
  return page.waitForFunction((q) => document.querySelector("[data-search-results]")?.getAttribute("data-search-query") === q, query);
}
async function openSearch(query: string, extra = "") {
  await page.goto(`${siteUrl}search/?q=${encodeURIComponent(query)}${extra}`);
  await waitForList(query);
}
const titles = () => page.locator("[data-search-result] .result-title").allTextContents();
const correction = () => page.locator("[data-search-correction]");

describe("이것을 찾으셨나요?", () => {
  test("a typo is searched as the known word, and the line says so above the results", async () => {
    await openSearch("롤벡");
    await expect(correction().isVisible()).resolves.toBe(true);
    await expect(correction().textContent()).resolves.toContain("‘롤벡’ 대신 ‘롤백’으로 찾았습니다");
    expect((await titles())[0]).toContain("ReplicaSet을 사용할 경우");
  });

  test("Korean typed with the keyboard in English mode", async () => {
    await openSearch("fhfqor");
    await expect(correction().textContent()).resolves.toContain("‘fhfqor’ 대신 ‘롤백’으로 찾았습니다");
    expect((await titles()).length).toBeGreaterThan(0);
  });

  test("one click searches exactly what was typed: no line, ?typed=1 in the address, never a silent empty page", async () => {
    await openSearch("롤벡");
    const before = await titles();
    await page.locator("[data-search-as-typed]").click();
    await page.waitForFunction(() => document.querySelector("[data-search-correction]")?.hasAttribute("hidden"));
    expect(new URL(page.url()).searchParams.get("typed")).toBe("1");
    expect(new URL(page.url()).searchParams.get("q")).toBe("롤벡");
    await expect(page.locator(SEARCH_INPUT).inputValue()).resolves.toBe("롤벡");
    const after = await titles();
    expect(after).not.toEqual(before);
    // What the typed word finds, or a message saying nothing was found: never a blank list.
    if (after.length === 0) await expect(page.locator("[data-search-empty]").isVisible()).resolves.toBe(true);
  });

  test("the link works by keyboard: Tab to it, Enter", async () => {
    await openSearch("쿠버내티스");
    await expect(correction().textContent()).resolves.toContain("‘쿠버내티스’ 대신 ‘쿠버네티스’로 찾았습니다");
    await page.locator("[data-search-as-typed]").focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.querySelector("[data-search-correction]")?.hasAttribute("hidden"));
    expect(new URL(page.url()).searchParams.get("typed")).toBe("1");
  });

  test("opening a ?typed=1 link searches as typed; typing a new query corrects again", async () => {
    await openSearch("롤벡", "&typed=1");
    await expect(correction().isHidden()).resolves.toBe(true);
    await page.locator(SEARCH_INPUT).fill("레플리카셑");
    await waitForList("레플리카셑");
    await expect(correction().textContent()).resolves.toContain("‘레플리카셋’으로 찾았습니다");
    expect(new URL(page.url()).searchParams.has("typed")).toBe(false);
  });

  test("a query whose words are all known shows no correction line", async () => {
    await openSearch("롤백이 안되나요");
    await expect(correction().isHidden()).resolves.toBe(true);
  });

  test("axe finds nothing on a corrected result page", async () => {
    await openSearch("fhfqor");
    expect(await axeViolations(page)).toEqual([]);
  });
});

const SEARCH_INPUT = "#search-page-input";

describe("초성 suggestions", () => {
  async function typeInHeaderBox(text: string) {
    await page.goto(`${siteUrl}docker/d1/`);
    await page.locator("#header-search").focus();
    await page.locator("#header-search").fill(text);
    await page.locator("#header-search-suggestions [data-choseong-suggestion]").first().waitFor();
  }

  test("ㄹㅂ suggests 롤백 and 라벨 (Label); ㄷㅋ suggests 도커", async () => {
    await typeInHeaderBox("ㄹㅂ");
    const options = await page.locator("#header-search-suggestions [role=option]").allTextContents();
    expect(options.some((o) => o.includes("롤백"))).toBe(true);
    expect(options.some((o) => o.includes("라벨"))).toBe(true);
    await typeInHeaderBox("ㄷㅋ");
    expect(await page.locator("#header-search-suggestions [role=option]").first().textContent()).toContain("도커");
  });

  test("↓ chooses a suggestion (aria-activedescendant), Enter searches its term", async () => {
    await typeInHeaderBox("ㄹㅂ");
    const input = page.locator("#header-search");
    await expect(input.getAttribute("aria-expanded")).resolves.toBe("true");
    await page.keyboard.press("ArrowDown");
    const active = await input.getAttribute("aria-activedescendant");
    expect(active).toBeTruthy();
    const chosen = await page.locator(`#${active}`).textContent();
    const term = /‘(.+)’ 검색/.exec(chosen ?? "")?.[1];
    expect(term).toBeTruthy();
    await Promise.all([page.waitForURL(/\/search\/\?q=/), page.keyboard.press("Enter")]);
    expect(new URL(page.url()).searchParams.get("q")).toBe(term);
    await waitForList(term!);
    expect((await titles()).length).toBeGreaterThan(0);
  });

  test("Esc closes the suggestions", async () => {
    await typeInHeaderBox("ㄷㅋ");
    await page.keyboard.press("Escape");
    await expect(page.locator("#header-search").getAttribute("aria-expanded")).resolves.toBe("false");
  });
});

describe("the search page reserves its results' space (the layout facts behind CLS)", () => {
  test("the results region is at least a screen tall and the status and correction lines keep two lines, before any result", async () => {
    await page.setViewportSize({ width: 412, height: 823 }); // Lighthouse's mobile screen
    await page.goto(`${siteUrl}search/`);
    const sizes = await page.evaluate(() => {
      const region = document.querySelector<HTMLElement>("[data-search-region]")!;
      const summary = document.querySelector<HTMLElement>("[data-search-summary]")!;
      const line = parseFloat(getComputedStyle(summary).lineHeight) || parseFloat(getComputedStyle(summary).fontSize) * 1.5;
      return {
        region: region.getBoundingClientRect().height,
        summary: summary.getBoundingClientRect().height,
        line,
        viewport: innerHeight,
      };
    });
    expect(sizes.region).toBeGreaterThanOrEqual(sizes.viewport);
    expect(sizes.summary).toBeGreaterThanOrEqual(2 * sizes.line - 1);
  });

  test("results, a correction line and the empty message fill the reserved space: the footer does not move", async () => {
    await page.setViewportSize({ width: 412, height: 823 });
    await page.goto(`${siteUrl}search/`);
    const footerTop = () => page.evaluate(() => document.querySelector("footer")!.getBoundingClientRect().top + scrollY);
    const empty = await footerTop();
    for (const query of ["파드", "롤벡", "zzqxj"]) {
      await page.locator(SEARCH_INPUT).fill(query);
      await waitForList(query);
      const summaryTop = await page.evaluate(() => document.querySelector("[data-search-region]")!.getBoundingClientRect().top);
      expect(summaryTop, query).toBeGreaterThan(0);
      // A short list or a message leaves the footer where it was; a long list only pushes it further down, below the fold.
      expect(await footerTop(), query).toBeGreaterThanOrEqual(empty);
    }
    const regionTop = await page.evaluate(() => document.querySelector("[data-search-region]")!.getBoundingClientRect().top + scrollY);
    await page.locator(SEARCH_INPUT).fill("");
    await page.locator(SEARCH_INPUT).fill("롤벡");
    await waitForList("롤벡");
    // The correction line appearing does not move the results region.
    expect(await page.evaluate(() => document.querySelector("[data-search-region]")!.getBoundingClientRect().top + scrollY)).toBe(
      regionTop,
    );
  });
});
