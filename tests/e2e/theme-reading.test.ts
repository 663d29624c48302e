import type { Page } from "playwright-core";
import { expect, inject, test } from "vitest";
import { useChromium, useSharedContext } from "../helpers/browser";

const siteUrl = inject("siteUrl");
const browser = useChromium();
const pages = useSharedContext(browser, siteUrl);
let page: Page;

async function open(path: string, options: { colorScheme?: "light" | "dark"; width?: number } = {}) {
  page = await pages.newPage();
  await page.emulateMedia({ colorScheme: options.colorScheme ?? "light" });
  await page.setViewportSize({ width: options.width ?? 1000, height: 800 });
  // Records the theme at the moment <body> is inserted, i.e. before anything can be painted.
  await page.addInitScript(() => {
    const record = () => {
      (window as unknown as { themeAtBody: string | null }).themeAtBody = document.documentElement.getAttribute("data-theme");
    };
    new MutationObserver((records, observer) => {
      if (records.some((r) => [...r.addedNodes].some((n) => n.nodeName === "BODY"))) {
        record();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(`${siteUrl}${path}`);
}

const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
const themeAtBody = () => page.evaluate(() => (window as unknown as { themeAtBody?: string | null }).themeAtBody);
const LIGHT_BG = "rgb(255, 255, 255)";
const DARK_BG = "rgb(13, 17, 23)";

test("the theme toggle switches to dark, and the choice holds after a reload from before the first paint", async () => {
  await open("docker/d5/", { colorScheme: "light" });
  expect(await background()).toBe(LIGHT_BG);
  await expect(page.getByRole("radio", { name: "자동" }).isChecked()).resolves.toBe(true);
  await page.getByText("어둡게", { exact: true }).click();
  await expect(page.locator("html").getAttribute("data-theme")).resolves.toBe("dark");
  expect(await background()).toBe(DARK_BG);
  // Code colours follow the chosen theme, not only the system setting.
  const codeColour = await page
    .locator(".astro-code")
    .first()
    .evaluate((el) => [getComputedStyle(el).backgroundColor, el.getAttribute("style")]);
  expect(codeColour[1]).toContain("--shiki-dark-bg:");
  expect(codeColour[0]).toBe("rgb(36, 41, 46)");

  await page.reload();
  expect(await themeAtBody()).toBe("dark");
  expect(await background()).toBe(DARK_BG);
  await expect(page.getByRole("radio", { name: "어둡게" }).isChecked()).resolves.toBe(true);

  // Another page of the site, same choice, before paint.
  await page.goto(`${siteUrl}tags/`);
  expect(await themeAtBody()).toBe("dark");
});

test("choosing light on a dark system holds, and 자동 returns to the system setting", async () => {
  await open("", { colorScheme: "dark" });
  expect(await background()).toBe(DARK_BG);
  await page.getByText("밝게", { exact: true }).click();
  expect(await background()).toBe(LIGHT_BG);
  await page.reload();
  expect(await themeAtBody()).toBe("light");
  expect(await background()).toBe(LIGHT_BG);
  await page.getByText("자동", { exact: true }).click();
  await expect(page.locator("html").getAttribute("data-theme")).resolves.toBeNull();
  expect(await background()).toBe(DARK_BG);
  await page.reload();
  expect(await themeAtBody()).toBeNull();
  expect(await page.evaluate(() => localStorage.length)).toBe(0);
});

test("the theme toggle works by keyboard: Tab into the group, arrow keys choose", async () => {
  await open("docker/", { colorScheme: "light" });
  await page.locator("#header-search").focus();
  await page.keyboard.press("Tab"); // the search button
  await page.keyboard.press("Tab"); // the theme group (the checked radio)
  await expect(page.evaluate(() => (document.activeElement as HTMLInputElement).value)).resolves.toBe("system");
  await page.keyboard.press("ArrowRight");
  await expect(page.locator("html").getAttribute("data-theme")).resolves.toBe("light");
  await page.keyboard.press("ArrowRight");
  await expect(page.locator("html").getAttribute("data-theme")).resolves.toBe("dark");
  const focusRing = await page.evaluate(() => getComputedStyle(document.activeElement!.nextElementSibling!).outlineStyle);
  expect(focusRing).toBe("solid");
});

test("the skip link is the first Tab stop and moves focus to the main content", async () => {
  await open("docker/d5/");
  await page.keyboard.press("Tab");
  const skip = page.locator(".skip-link");
  await expect(skip.evaluate((a) => a === document.activeElement)).resolves.toBe(true);
  const box = (await skip.boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(0);
  await page.keyboard.press("Enter");
  await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("main");
});

test("pages fit a 320 px wide screen without sideways scrolling", async () => {
  for (const path of [
    "",
    "docker/",
    "kubernetes/k16/",
    "docker/d5/",
    "tags/",
    "tags/pod/",
    "sessions/",
    "search/?q=pod",
    "no-such-page/",
  ]) {
    await open(path, { width: 320 });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, path).toBeLessThanOrEqual(320);
    await page.close();
  }
});

test("an answer prints without navigation, buttons or related questions, with its address", async () => {
  await open("docker/d5/", { colorScheme: "dark" });
  await page.emulateMedia({ media: "print" });
  for (const selector of [".site-header", ".site-footer", ".breadcrumbs", ".prev-next", ".related", ".tags", ".copy-link"]) {
    await expect(page.locator(selector).first().isVisible(), selector).resolves.toBe(false);
  }
  await expect(page.locator("h1").isVisible()).resolves.toBe(true);
  await expect(page.locator(".answer").isVisible()).resolves.toBe(true);
  await expect(page.locator(".print-url").textContent()).resolves.toMatch(/\/docker\/d5\/$/);
  await expect(page.locator(".print-url").isVisible()).resolves.toBe(true);
  // Black on white even for a reader whose screen is dark; code wraps instead of being cut off.
  expect(await page.evaluate(() => getComputedStyle(document.body).color)).toBe("rgb(0, 0, 0)");
  expect(await background()).toBe(LIGHT_BG);
  expect(
    await page
      .locator("pre")
      .first()
      .evaluate((el) => getComputedStyle(el).whiteSpace),
  ).toBe("pre-wrap");
});

test("Korean text breaks between words, with a comfortable line height", async () => {
  await open("docker/d5/");
  const style = await page
    .locator(".answer li")
    .first()
    .evaluate((el) => {
      const s = getComputedStyle(el);
      return { wordBreak: s.wordBreak, lineHeight: parseFloat(s.lineHeight) / parseFloat(s.fontSize) };
    });
  expect(style.wordBreak).toBe("keep-all");
  expect(style.lineHeight).toBeGreaterThanOrEqual(1.6);
});
