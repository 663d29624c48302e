import type { Page } from "playwright-core";
import { expect, inject, test } from "vitest";
import { useChromium, useSharedContext } from "../helpers/browser";

/** The origin the site was built for: copied links name it, not the test server's address. */
const ORIGIN = (process.env.SITE_URL || "http://localhost:4321").replace(/\/+$/, "");
const siteUrl = inject("siteUrl");
const browser = useChromium();
const pages = useSharedContext(browser, siteUrl);
let page: Page;

async function open(path: string, options: { withoutClipboardApi?: boolean } = {}) {
  page = await pages.newPage();
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(siteUrl).origin });
  if (options.withoutClipboardApi) {
    // As on a plain-http deploy (not a secure context): no async Clipboard API at all.
    await page.addInitScript(() => Object.defineProperty(Navigator.prototype, "clipboard", { get: () => undefined }));
  }
  await page.goto(`${siteUrl}${path}`);
}

/** What the system clipboard holds, read from a second page of the same browser context. */
async function clipboardText(): Promise<string> {
  const reader = await page.context().newPage();
  await reader.goto(`${siteUrl}404.html`);
  const text = await reader.evaluate(() => navigator.clipboard.readText());
  await reader.close();
  return text;
}

const status = () => page.locator("[data-copy-status]").textContent();

test("on a question page, clicking 링크 복사 copies the page's absolute URL and says so", async () => {
  await open("docker/d5/");
  const button = page.getByRole("button", { name: "링크 복사" });
  await button.click();
  // The button shows the result for two seconds.
  await expect.poll(() => page.locator("button.copy-link").textContent()).toBe("복사됨");
  await expect.poll(status).toBe(`링크를 복사했습니다: ${ORIGIN}/docker/d5/`);
  await expect.poll(clipboardText).toBe(`${ORIGIN}/docker/d5/`);
});

test("on a topic page, each question has a 링크 복사 button reached by Tab from its link and pressed with Enter or Space", async () => {
  await open("kubernetes/");
  const items = page.locator("ol[data-copy-links] > li[id]");
  await expect(items.count()).resolves.toBe(27);
  await expect(page.locator("ol[data-copy-links] > li[id] > button.copy-link").count()).resolves.toBe(27);

  await page.locator("#k3 > a").focus();
  await page.keyboard.press("Tab");
  await expect(page.evaluate(() => document.activeElement?.closest("li")?.id)).resolves.toBe("k3");
  await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe("링크 복사");
  await page.keyboard.press("Enter");
  await expect.poll(clipboardText).toBe(`${ORIGIN}/kubernetes/k3/`);

  await page.locator("#k10 > button").focus();
  await page.keyboard.press("Space");
  await expect.poll(clipboardText).toBe(`${ORIGIN}/kubernetes/k10/`);
  await expect.poll(status).toBe(`링크를 복사했습니다: ${ORIGIN}/kubernetes/k10/`);
});

test("a list's button describes which question it copies, for screen readers", async () => {
  await open("docker/");
  const described = await page.evaluate(() => {
    const button = document.querySelector("#d5 > button")!;
    return document.getElementById(button.getAttribute("aria-describedby")!)?.textContent;
  });
  expect(described).toContain("그 이미지를 삭제(?)하면");
});

test("without the Clipboard API (plain http), copying still works through the fallback", async () => {
  await open("docker/", { withoutClipboardApi: true });
  await expect(page.evaluate(() => "clipboard" in navigator && navigator.clipboard !== undefined)).resolves.toBe(false);
  await page.locator("#d5 > button").click();
  await expect.poll(clipboardText).toBe(`${ORIGIN}/docker/d5/`);
  await expect.poll(status).toBe(`링크를 복사했습니다: ${ORIGIN}/docker/d5/`);
  // The copy buffer is gone and focus is back on the button.
  await expect(page.locator("textarea").count()).resolves.toBe(0);
  await expect(page.evaluate(() => document.activeElement?.closest("li")?.id)).resolves.toBe("d5");
});

test("tag and session pages have copy-link buttons too", async () => {
  await open("tags/pod/");
  const first = page.locator("ol[data-copy-links] > li[id]").first();
  const id = await first.getAttribute("id");
  const href = await first.locator("a").getAttribute("href");
  await first.locator("button").click();
  await expect.poll(clipboardText).toBe(`${ORIGIN}${href}`);
  expect(href).toMatch(new RegExp(`/${id}/$`));
});
