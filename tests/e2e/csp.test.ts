import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { expect, test } from "vitest";
import { listFiles } from "../../src/core/replace-folder";
import { startStaticServer } from "../../src/preview/static-server";
import { scanHtml } from "../../src/build/html/scan-html";
import { contentSecurityPolicy } from "../../src/site/security/content-security-policy";
import { useChromium } from "../helpers/browser";
import { attr, findAll } from "../helpers/html";
import { siteUnderTest } from "../helpers/site-under-test";

const site = siteUnderTest();
/** The question page with the most Shiki-coloured spans (the YAML transcript): its colours are inline `style` attributes. */
const shikiSpans = (f: string) =>
  findAll(
    readFileSync(path.join(site.dir, f), "utf8"),
    (e) => e.tagName === "span" && (attr(e, "style") ?? "").startsWith("--shiki-light:"),
  ).length;
const codePage = listFiles(site.dir)
  .filter((f) => /^[a-z]+\/[a-z]+\d+\/index\.html$/.test(f))
  .sort((a, b) => shikiSpans(b) - shikiSpans(a))[0]!
  .replace(/index\.html$/, "");
const browser = useChromium({ serviceWorkers: "allow" });

/** A page that records CSP violations (from the first script on), console errors and every request. */
async function watchedPage(): Promise<{ page: Page; problems: string[]; requests: string[] }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems: string[] = [];
  const requests: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  page.on("console", (m) => {
    if (m.type() === "error" || /Content.Security.Policy/i.test(m.text())) problems.push(m.text());
  });
  page.on("pageerror", (e) => problems.push(String(e)));
  context.on("request", (r) => requests.push(r.url()));
  return { page, problems, requests };
}

/** Runs a Korean search on the search page; resolves with how many results it shows. */
async function search(page: Page, siteUrl: string, query: string): Promise<number> {
  await page.goto(`${siteUrl}search/?q=${encodeURIComponent(query)}`);
  await page.locator("[data-search-result], [data-search-empty], [data-search-status]:has-text('불러오지 못했습니다')").first().waitFor();
  return page.locator("[data-search-result]").count();
}

test("every page carries the policy <meta> right after <meta charset>, with no inline script, style or handler it would block", () => {
  const pages = listFiles(site.dir).filter((f) => f.endsWith(".html"));
  expect(pages.length).toBeGreaterThan(50);
  for (const file of pages) {
    const html = readFileSync(path.join(site.dir, file), "utf8");
    const scan = scanHtml(html);
    expect(html, file).toContain(`<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy()}">`);
    expect(scan.policyMetas, file).toHaveLength(1);
    expect(scan.inlineScripts, file).toEqual([]);
    expect(scan.inlineStyles, file).toEqual([]);
    expect(scan.inlineHandlers, file).toEqual([]);
  }
});

test("a page, a question and a Korean search run with no CSP violation, no error and no request to another origin", async () => {
  const { page, problems, requests } = await watchedPage();
  await page.goto(site.url);
  await page.goto(site.url + codePage);
  // Shiki's colours arrive: the inline style attributes were applied, not blocked.
  const colours = await page
    .locator(".astro-code span[style]")
    .evaluateAll((spans) => spans.map((s) => getComputedStyle(s).getPropertyValue("--shiki-light")));
  expect(colours.length).toBeGreaterThan(10);
  expect(colours.every((c) => /^#[0-9a-f]{6}$/i.test(c.trim()))).toBe(true);
  expect(await search(page, site.url, "컨테이너")).toBeGreaterThan(1);
  await page.locator("[data-search-result]").first().click();
  await page.waitForLoadState("load");
  expect(problems).toEqual([]);
  const origin = new URL(site.url).origin;
  expect(requests.filter((r) => !r.startsWith(`${origin}/`))).toEqual([]);
  expect(requests.some((r) => r.includes("/pagefind/"))).toBe(true);
  await page.context().close();
});

test("the header form of the policy works too; without 'wasm-unsafe-eval' search breaks, without style-src-attr code colours do", async () => {
  // As a host that sends headers would: the policy then applies to Pagefind's worker script as well.
  const header = contentSecurityPolicy("header");
  for (const [policy, expectation] of [
    [header, "works"],
    [header.replace(" 'wasm-unsafe-eval'", ""), /WebAssembly|wasm-unsafe-eval/],
    [header.replace("style-src-attr 'unsafe-inline'; ", ""), /style-src/],
  ] as const) {
    const server = await startStaticServer({ dir: site.dir, base: site.location.base, headers: { "content-security-policy": policy } });
    const { page, problems } = await watchedPage();
    try {
      await page.goto(server.url + codePage);
      const results = await search(page, server.url, "컨테이너");
      if (expectation === "works") {
        expect(results).toBeGreaterThan(1);
        expect(problems).toEqual([]);
      } else {
        // The failure's console message reaches Playwright after the status line it waits for.
        // The message names what the page showed, should the failure's message never come.
        const shown = `${results} result(s), status: ${await page.locator("[data-search-status]").textContent()}`;
        await expect.poll(() => problems.join("\n"), { message: `${policy}\n${shown}`, timeout: 15_000 }).toMatch(expectation);
      }
    } finally {
      await page.context().close();
      await server.close();
    }
  }
});
