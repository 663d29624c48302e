import type { Page } from "playwright-core";
import { beforeEach, describe, expect, inject, test } from "vitest";
import { axeViolations } from "../helpers/axe";
import { useChromium, useSharedContext } from "../helpers/browser";

/**
 * The search UI on the built site in Chromium: the search page, the header box's suggestions,
 * shortcuts, IME composition, the highlight on the answer page, what loads when, and axe.
 */
const browser = useChromium();
const siteUrl = inject("siteUrl");
const pages = useSharedContext(browser, siteUrl);
let page: Page;

beforeEach(async () => {
  page = await pages.newPage();
});

const SEARCH_INPUT = "#search-page-input";

/** Opens the search page with `?q=` and waits until the list shows that query. */
async function openSearch(query: string, extra = "") {
  await page.goto(`${siteUrl}search/?q=${encodeURIComponent(query)}${extra}`);
  await waitForList(query);
}

function waitForList(query: string) {
  return page.waitForFunction((q) => document.querySelector("[data-search-results]")?.getAttribute("data-search-query") === q, query);
}

const titles = () => page.locator("[data-search-result] .result-title").allTextContents();

describe("the search page finds Korean as students type it", () => {
  test.each([
    ["particles", "노드가 하나", "PVC에서 RWO로 만들었는데"],
    ["endings", "롤백이 안되나요", "ReplicaSet을 사용할 경우"],
    ["English term", "Decouple containers", "Node - Pod - Container"],
    ["mixed", "ReplicaSet을 롤백", "ReplicaSet을 사용할 경우"],
    ["transliteration", "레플리카셋 롤백", "ReplicaSet을 사용할 경우"],
    ["spelling variant", "스케줄링", "(Pod conditions에서 )Initialized"],
    ["transcript text", "must force", "이미지로부터 컨테이너를 run하여"],
    ["transcript name", "my-nginx-deployment", "Deployment에서 select할 label을"],
    ["sentence", "볼륨 없이 데이터가 남아있나요", "볼륨을 사용하지 않으면"],
  ])("%s: %s", async (_kind, query, firstTitle) => {
    await openSearch(query);
    expect((await titles())[0]).toContain(firstTitle);
  });

  test("each result shows the question, its topic and an excerpt with the matched words marked", async () => {
    await openSearch("컨테이너를 지우면");
    const first = page.locator("[data-search-result]").first();
    await expect(first.locator(".result-topic").textContent()).resolves.toBe("Docker");
    await expect(first.locator(".result-title").textContent()).resolves.toContain("삭제(?)하면");
    const marks = await first.locator(".result-excerpt mark").allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.some((m) => m.includes("삭제") || m.includes("컨테이너"))).toBe(true);
    await expect(page.locator("[data-search-status]").textContent()).resolves.toMatch(/검색 결과 \d+개/);
  });

  test("results appear as you type, and the query goes into the URL", async () => {
    await page.goto(`${siteUrl}search/`);
    await page.locator(SEARCH_INPUT).pressSequentially("Ingress");
    await waitForList("Ingress");
    expect((await titles()).length).toBeGreaterThan(0);
    expect(new URL(page.url()).searchParams.get("q")).toBe("Ingress");
  });

  test("the topic filter narrows the results and lives in the URL", async () => {
    await openSearch("파일");
    expect((await page.locator("[data-search-result] .result-topic").allTextContents()).some((t) => t !== "Helm")).toBe(true);
    await page.getByLabel("Helm").check();
    await page.waitForURL(/topic=helm/);
    // The list already carries the query "파일" from before the filter: wait for the filtered list
    // itself (the filter re-runs the search; a broken filter times out here).
    await page.waitForFunction(() => {
      const topics = [...document.querySelectorAll("[data-search-result] .result-topic")].map((e) => e.textContent);
      return topics.length > 0 && topics.every((t) => t === "Helm");
    });
    const topics = await page.locator("[data-search-result] .result-topic").allTextContents();
    expect(topics.length).toBeGreaterThan(0);
    expect(topics.every((t) => t === "Helm")).toBe(true);

    await page.goto(`${siteUrl}search/?q=${encodeURIComponent("파일")}&topic=helm`);
    await waitForList("파일");
    await expect(page.getByLabel("Helm").isChecked()).resolves.toBe(true);
    expect((await page.locator("[data-search-result] .result-topic").allTextContents()).every((t) => t === "Helm")).toBe(true);
  });

  test("a filter with no match says so, naming the topic", async () => {
    await openSearch("ReplicaSet", "&topic=docker");
    await expect(page.locator("[data-search-empty]").textContent()).resolves.toContain("Docker 주제에서");
  });

  test("ten results first, more on request", async () => {
    await openSearch("컨테이너");
    expect(await page.locator("[data-search-result]").count()).toBe(10);
    await page.locator(".search-more").click();
    await page.waitForFunction(() => document.querySelectorAll("[data-search-result]").length > 10);
    await expect(page.evaluate(() => document.activeElement?.hasAttribute("data-search-result"))).resolves.toBe(true);
  });

  test("arrow keys move between the box and the results; Enter opens one, its matched words marked", async () => {
    await openSearch("레플리카셋 롤백");
    await page.focus(SEARCH_INPUT);
    await page.keyboard.press("ArrowDown");
    const links = page.locator("[data-search-result]");
    await expect(page.evaluate(() => document.activeElement?.getAttribute("href"))).resolves.toBe(await links.nth(0).getAttribute("href"));
    await page.keyboard.press("ArrowDown");
    await expect(page.evaluate(() => document.activeElement?.getAttribute("href"))).resolves.toBe(await links.nth(1).getAttribute("href"));
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("ArrowUp");
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("search-page-input");
    await page.keyboard.press("ArrowDown");
    const href = await links.nth(0).getAttribute("href");
    expect(href).toMatch(new RegExp(`^${new URL(siteUrl).pathname}kubernetes/k25/\\?highlight=`));
    await page.keyboard.press("Enter");
    await page.locator("mark.search-highlight").first().waitFor();
    const marks = await page.locator("mark.search-highlight").allTextContents();
    expect(marks).toEqual(expect.arrayContaining(["ReplicaSet", "롤백"]));
    // The address bar keeps the answer's own URL, the one to paste into a class chat.
    await page.waitForURL(/\/kubernetes\/k25\/$/);
  });
});

describe("the answer page", () => {
  test("marks the words of Pagefind's own highlight parameter, which comes in decomposed jamo", async () => {
    const decomposed = "컨테이너".normalize("NFD");
    await page.goto(`${siteUrl}docker/d5/?pagefind-highlight=${encodeURIComponent(decomposed)}`);
    await page.locator("mark.search-highlight").first().waitFor();
    const marks = await page.locator("mark.search-highlight").allTextContents();
    expect(marks.length).toBeGreaterThanOrEqual(2);
    expect(marks.every((m) => m === "컨테이너")).toBe(true);
  });

  test("without a highlight parameter loads no search code at all", async () => {
    const requests: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    await page.goto(`${siteUrl}kubernetes/k12/`);
    await page.waitForLoadState("networkidle");
    expect(requests.filter((u) => /pagefind|search-results|highlight/.test(u))).toEqual([]);
  });
});

describe("the search box on every page", () => {
  test("/ and Ctrl-K focus it; / typed in a text field stays a /", async () => {
    await page.goto(`${siteUrl}kubernetes/k1/`);
    await page.keyboard.press("/");
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("header-search");
    await expect(page.inputValue("#header-search")).resolves.toBe("");
    await page.keyboard.type("a/b");
    await expect(page.inputValue("#header-search")).resolves.toBe("a/b");
    await page.locator("main").click();
    await page.keyboard.press("Control+k");
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("header-search");
  });

  test("loads Pagefind only once the student searches", async () => {
    const requests: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    await page.goto(`${siteUrl}docker/d1/`);
    await page.waitForLoadState("networkidle");
    expect(requests.filter((u) => u.includes("/pagefind/"))).toEqual([]);
    await page.focus("#header-search");
    await page.waitForLoadState("networkidle");
    expect(requests.filter((u) => u.includes("/pagefind/"))).toEqual([]);
    await page.keyboard.type("파드");
    await page.locator("#header-search-suggestions [role=option]").first().waitFor();
    // Pagefind's worker, driven directly: `pagefind.js` would download the worker's search code a second time.
    expect(requests.some((u) => u.endsWith("/pagefind/pagefind-worker.js"))).toBe(true);
    expect(requests.some((u) => u.endsWith("/pagefind/pagefind.js"))).toBe(false);
  });

  test("suggests questions as you type; arrows choose, Enter opens, Esc closes", async () => {
    await page.goto(`${siteUrl}docker/d1/`);
    const box = page.locator("#header-search");
    await box.click();
    await box.pressSequentially("레플리카셋");
    const options = page.locator("#header-search-suggestions [role=option]");
    await options.first().waitFor();
    await expect(box.getAttribute("aria-expanded")).resolves.toBe("true");
    expect(await options.count()).toBeGreaterThan(1);
    await expect(options.last().textContent()).resolves.toContain("검색 결과 모두 보기");

    await page.keyboard.press("ArrowDown");
    const firstId = await options.first().getAttribute("id");
    await expect(box.getAttribute("aria-activedescendant")).resolves.toBe(firstId);
    await expect(options.first().getAttribute("aria-selected")).resolves.toBe("true");

    await page.keyboard.press("Escape");
    await expect(page.locator("#header-search-suggestions").isHidden()).resolves.toBe(true);
    await expect(box.getAttribute("aria-expanded")).resolves.toBe("false");
    await expect(box.inputValue()).resolves.toBe("레플리카셋");

    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await page.locator("mark.search-highlight").first().waitFor();
    expect(page.url()).toMatch(/\/kubernetes\/k\d+\/$/);
  });

  test("the last suggestion opens the search page for the query", async () => {
    await page.goto(`${siteUrl}helm/h1/`);
    await page.locator("#header-search").pressSequentially("볼륨");
    const options = page.locator("#header-search-suggestions [role=option]");
    await options.first().waitFor();
    await options.last().click();
    await page.waitForURL(/\/search\/\?q=/);
    expect(new URL(page.url()).searchParams.get("q")).toBe("볼륨");
  });
});

describe("Korean IME composition never leaves the box broken", () => {
  /** Types Hangul the way an IME does: each syllable composed jamo by jamo, then committed. */
  async function composeHangul(target: Page, syllables: { steps: string[]; commit: string }[]) {
    const cdp = await target.context().newCDPSession(target);
    let committed = "";
    for (const { steps, commit } of syllables) {
      for (const step of steps)
        await cdp.send("Input.imeSetComposition", { text: step, selectionStart: step.length, selectionEnd: step.length });
      await cdp.send("Input.insertText", { text: commit });
      committed += commit;
    }
    await cdp.detach();
    return committed;
  }

  const PADEU = [
    { steps: ["ㅍ", "파"], commit: "파" },
    { steps: ["ㄷ", "드"], commit: "드" },
  ];

  test("on the search page: no search mid-syllable, the committed word is searched, the text stays", async () => {
    await page.goto(`${siteUrl}search/`);
    await page.focus(SEARCH_INPUT);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Input.imeSetComposition", { text: "ㅍ", selectionStart: 1, selectionEnd: 1 });
    await page.waitForTimeout(400); // longer than the typing pause
    await expect(page.locator("[data-search-results]").getAttribute("data-search-query")).resolves.toBeNull();
    await cdp.send("Input.insertText", { text: "파" });
    await cdp.detach();
    await composeHangul(page, [PADEU[1]!]);
    await waitForList("파드");
    await expect(page.inputValue(SEARCH_INPUT)).resolves.toBe("파드");
    expect((await titles()).length).toBeGreaterThan(0);
  });

  test("in the header box: suggestions for the committed word, and the box keeps what was typed", async () => {
    await page.goto(`${siteUrl}docker/d1/`);
    await page.focus("#header-search");
    await composeHangul(page, PADEU);
    await page.locator("#header-search-suggestions [role=option]").first().waitFor();
    await expect(page.inputValue("#header-search")).resolves.toBe("파드");
    await expect(page.locator("#header-search").getAttribute("aria-expanded")).resolves.toBe("true");
  });
});

describe("accessibility (axe)", () => {
  test("the search page with results and the topic filter", async () => {
    await openSearch("파드");
    expect(await axeViolations(page)).toEqual([]);
  });

  test("a question page with the suggestions closed, then open with one chosen", async () => {
    await page.goto(`${siteUrl}kubernetes/k1/`);
    await page.focus("#header-search");
    await page.waitForFunction(() => document.querySelector("#header-search")?.getAttribute("role") === "combobox");
    expect(await axeViolations(page)).toEqual([]);
    await page.locator("#header-search").pressSequentially("Ingress");
    await page.locator("#header-search-suggestions [role=option]").first().waitFor();
    await page.keyboard.press("ArrowDown");
    expect(await axeViolations(page)).toEqual([]);
  });

  test("an answer page with highlighted words", async () => {
    await page.goto(`${siteUrl}docker/d5/?highlight=${encodeURIComponent("컨테이너")}`);
    await page.locator("mark.search-highlight").first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe("the search page keeps offline work off the first search", () => {
  test("the offline script is fetched only after the first results are shown, and 오프라인으로 저장 then appears", async () => {
    // When the first result (or "no results") enters the page, in the page's own clock.
    await page.addInitScript(() => {
      const w = window as unknown as { firstResultsAt?: number };
      new MutationObserver(() => {
        if (w.firstResultsAt === undefined && document.querySelector("[data-search-result], [data-search-empty]"))
          w.firstResultsAt = performance.now();
      }).observe(document, { childList: true, subtree: true });
    });
    const requests: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    await openSearch("컨테이너");
    await page.locator(".offline-save-toggle").waitFor({ state: "visible" });
    // The module that registers the service worker and defines the save button (offline-support.ts).
    const offlineScripts = requests.filter((u) => /\/_astro\/offline-support\.[\w-]+\.js$/.test(u));
    expect(offlineScripts).toHaveLength(1);
    const { shownAt, fetchedAt } = await page.evaluate((url) => {
      const entry = performance.getEntriesByName(url)[0]!;
      return { shownAt: (window as unknown as { firstResultsAt?: number }).firstResultsAt, fetchedAt: entry.startTime };
    }, offlineScripts[0]!);
    expect(shownAt).toBeDefined();
    expect(fetchedAt).toBeGreaterThan(shownAt!);
  });
});
