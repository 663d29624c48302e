import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { beforeAll, expect, inject, test } from "vitest";
import { useChromium } from "../helpers/browser";
import { sitemapUrls } from "../helpers/html";
import { readBuilt } from "../helpers/site";

/**
 * The accessibility sweep: axe-core (every rule it runs by default: WCAG 2.x A/AA and best
 * practices) on every page of the sitemap, plus the 404 page and search results, in the light and
 * the dark theme. Zero violations is the bar.
 */
const AXE_SOURCE_PATH = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const ORIGIN = (process.env.SITE_URL || "http://localhost:4321").replace(/\/+$/, "");
const siteUrl = inject("siteUrl");
const browser = useChromium();

interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[]; failureSummary: string }[];
}

/** Paths under the base of every page the sitemap lists. */
function sitemapPaths(): string[] {
  return sitemapUrls(readBuilt("sitemap.xml")).map((url) => url.slice(ORIGIN.length + 1));
}

async function newAxePage(colorScheme: "light" | "dark"): Promise<Page> {
  const page = await browser.newPage({ colorScheme, viewport: { width: 1000, height: 800 } });
  // Injected through the DevTools protocol, so a Content-Security-Policy cannot block the tool.
  await page.addInitScript({ path: AXE_SOURCE_PATH });
  return page;
}

async function violationsOf(page: Page, path: string, ready?: string, { reload = true } = {}): Promise<string[]> {
  if (reload) await page.goto(`${siteUrl}${path}`);
  if (ready) await page.locator(ready).first().waitFor();
  const violations = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run(document, { resultTypes: ["violations"] })).violations;
  })) as AxeViolation[];
  return violations.flatMap((v) => v.nodes.map((n) => `${path}: ${v.id} (${v.impact}) ${v.help} at ${n.target.join(" ")}`));
}

/**
 * The sitemap sweep loads each page once and runs axe in both themes: the theme is CSS only
 * (`prefers-color-scheme` media queries, no script reads it, no transitions), so switching the
 * emulated scheme on the loaded page is the same as loading it in that scheme, and each page is
 * navigated to once instead of twice (a navigation costs about as much as an axe run).
 */
const sweep = new Map<"light" | "dark", string[]>();
beforeAll(async () => {
  const paths = sitemapPaths();
  expect(paths.length).toBeGreaterThan(100);
  expect(paths).toEqual(
    expect.arrayContaining(["", "docker/", "docker/d5/", "tags/pod/", "search/", "sessions/", "sessions/msp-t3-23-5/"]),
  );
  const page = await newAxePage("light");
  const found = { light: [] as string[], dark: [] as string[] };
  for (const path of paths) {
    found.light.push(...(await violationsOf(page, path)));
    await page.emulateMedia({ colorScheme: "dark" });
    found.dark.push(...(await violationsOf(page, path, undefined, { reload: false })));
    await page.emulateMedia({ colorScheme: "light" });
  }
  await page.close();
  sweep.set("light", found.light).set("dark", found.dark);
}, 600_000);

for (const colorScheme of ["light", "dark"] as const) {
  test(`every page of the sitemap has no axe violations in the ${colorScheme} theme`, () => {
    expect(sweep.get(colorScheme)).toEqual([]);
  });

  test(`the 404 page, search results, a marked #<id> question and the reader's chosen theme have no axe violations (${colorScheme})`, async () => {
    const page = await newAxePage(colorScheme);
    const found = [
      ...(await violationsOf(page, "no-such-page/")),
      ...(await violationsOf(page, "search/?q=docker%20rmi", "[data-search-result]")),
      ...(await violationsOf(page, "search/?q=zzqxj", "[data-search-empty]")),
      ...(await violationsOf(page, "kubernetes/#k20")),
    ];
    // The opposite theme chosen with the toggle (data-theme) over this system setting.
    await page.evaluate((theme) => localStorage.setItem("course-qa:theme", theme), colorScheme === "light" ? "dark" : "light");
    found.push(...(await violationsOf(page, "docker/d5/")), ...(await violationsOf(page, "")));
    await page.close();
    expect(found).toEqual([]);
  }, 120_000);
}
