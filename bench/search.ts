/**
 * `npm run bench:search [-- --no-build] [--scale N] [--transfers-only] [--detail]`
 *
 * Measures search on the built site, in Chromium, through the real search page:
 * relevance (found@5, MRR@10, queries without results, per category) on the dev queries and on
 * this repo's own query set, for three set-ups in the same run — the query layer (the search
 * page as shipped), plain Pagefind on the same index (no query layer), and plain Pagefind on an
 * index without the page keywords (Pagefind as it comes) — then the bytes a first query
 * transfers and the time to results. It prints figures; it is not a test.
 *
 * The site is built into `dist-bench/` (`--no-build` reuses it); the keyword-free copy goes to
 * `dist-bench-baseline/`. `--scale 40` also builds the content repeated 40 times (2,000 questions)
 * into `dist-bench-scaled/` and reports what first queries transfer there; `--detail` lists the
 * bytes of each URL a first query fetches.
 */
import { execFileSync } from "node:child_process";
import { gzipSync } from "node:zlib";
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import type { Browser, Page } from "playwright-core";
import { writePagefindIndex } from "../src/build/pagefind-index";
import { chromiumPath, launchChromium } from "../tools/chromium";
import { listFiles } from "../src/core/replace-folder";
import { writeScaledContent } from "./lib/scale-content";
import { median, relevance, relevanceByCategory, sitePath, type QueryRun } from "./lib/search-metrics";
import { DEV_QUERIES, HARD_QUERIES, OWN_HARD_QUERIES, OWN_QUERIES, readQuerySet, type JudgedQuery } from "./lib/search-queries";
import { startStaticServer } from "../src/preview/static-server";

const SITE = path.resolve("dist-bench");
const SCALED_SITE = path.resolve("dist-bench-scaled");
const BASELINE_SITE = path.resolve("dist-bench-baseline");
const TOP = 10;
/** A word on most pages: the heaviest first query (a full first page of results). */
const BROAD_QUERY = "컨테이너";
/** A typo: the first query also fetches the vocabulary manifest and chunks. */
const TYPO_QUERY = "쿠버내티스 롤벡";

async function run() {
  const { values } = parseArgs({
    options: {
      "no-build": { type: "boolean", default: false },
      scale: { type: "string" },
      "transfers-only": { type: "boolean", default: false },
      detail: { type: "boolean", default: false },
    },
  });
  const scale = values.scale ? Number(values.scale) : 0;
  if (!Number.isInteger(scale) || scale < 0) throw new Error(`--scale needs a whole number of copies, not ${values.scale}`);
  const querySets = [
    { name: "dev", file: DEV_QUERIES, queries: readQuerySet(DEV_QUERIES) },
    { name: "own", file: OWN_QUERIES, queries: readQuerySet(OWN_QUERIES) },
    { name: "hard", file: HARD_QUERIES, queries: readQuerySet(HARD_QUERIES) },
    { name: "ownH", file: OWN_HARD_QUERIES, queries: readQuerySet(OWN_HARD_QUERIES) },
  ];

  if (!values["no-build"] || !existsSync(path.join(SITE, "index.html"))) buildSite();
  await buildBaselineSite();

  const site = await startStaticServer({ dir: SITE });
  const baseline = await startStaticServer({ dir: BASELINE_SITE });
  const browser = await launchChromium();
  try {
    // The first dev query, and a broad one whose first page of results loads the most fragments.
    // …and a misspelt one, which also loads the vocabulary chunks its correction needs.
    const firstQueries = [querySets[0]!.queries[0]!.q, BROAD_QUERY, TYPO_QUERY];
    const transfers = [];
    for (const query of firstQueries) transfers.push(await measureFirstQuery(browser, site.url, query));
    const rows: { set: string; engine: string; runs: QueryRun[] }[] = [];
    const laterTimes: number[] = [];
    for (const set of values["transfers-only"] ? [] : querySets) {
      const layer = await runSearchPage(browser, site.url, set.queries);
      laterTimes.push(...layer.map((r) => r.ms!).filter((ms) => Number.isFinite(ms)));
      rows.push({ set: set.name, engine: "query layer (search page)", runs: layer });
      rows.push({ set: set.name, engine: "plain Pagefind, same index", runs: await runPlainPagefind(browser, site.url, set.queries) });
      rows.push({ set: set.name, engine: "plain Pagefind, no keywords", runs: await runPlainPagefind(browser, baseline.url, set.queries) });
    }
    if (!values["transfers-only"]) report({ rows, transfers, laterTimes, querySets });
    else
      for (const t of transfers)
        console.log(
          `“${t.query}” on the search page ?q=: ${kb(t.searchPage.total)} (Pagefind ${kb(t.searchPage.pagefind)}); bodies gzipped: ${kb(t.searchPage.gzipped)}`,
        );
    if (values.detail) for (const t of transfers) printBreakdown(t);
    if (scale > 0)
      await reportScaled(browser, scale, !!values["no-build"], !!values.detail, [
        firstQueries[0]!,
        BROAD_QUERY,
        TYPO_QUERY,
        "fhfqor",
        longestQuery(querySets[0]!.queries),
      ]);
  } finally {
    await browser.close();
    await site.close();
    await baseline.close();
  }
}

function buildSite(outDir = SITE, env: Record<string, string> = {}) {
  console.log(`building the site into ${path.relative(".", outDir)}/ …`);
  execFileSync("npm", ["run", "build", "--silent"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, OUT_DIR: outDir, ...env },
  });
}

const longestQuery = (queries: readonly JudgedQuery[]) => queries.reduce((a, b) => (b.q.length > a.q.length ? b : a)).q;

/** The content repeated `times` times: what first queries transfer on a site that size. */
async function reportScaled(browser: Browser, times: number, reuse: boolean, detail: boolean, queries: readonly string[]) {
  const content = path.resolve(".bench/content-scaled");
  const pages = writeScaledContent("content", content, times);
  const started = Date.now();
  // `--no-build` reuses the scaled site too when one is there (built by an earlier run with the same --scale).
  if (!reuse || !existsSync(path.join(SCALED_SITE, "index.html")))
    buildSite(SCALED_SITE, { CONTENT_DIR: content, ASTRO_CACHE_DIR: path.resolve(".bench/cache-scaled") });
  const buildSeconds = (Date.now() - started) / 1000;
  const server = await startStaticServer({ dir: SCALED_SITE });
  try {
    console.log(`\nscaled site: the content ${times} times (${pages} questions), built in ${buildSeconds.toFixed(0)} s`);
    for (const query of queries) {
      const t = await measureFirstQuery(browser, server.url, query, SCALED_SITE);
      console.log(
        `  “${query}” on the search page ?q=: ${kb(t.searchPage.total)} in ${t.searchPage.requests} requests (Pagefind ${kb(t.searchPage.pagefind)}, of which index chunks ${kb(t.searchPage.index)}); results after ${t.searchPage.ms} ms; bodies gzipped: ${kb(t.searchPage.gzipped)}`,
      );
      if (detail) printBreakdown(t);
    }
  } finally {
    await server.close();
  }
}

/** The same site with the search keywords taken out of every page, indexed again: Pagefind as it comes. */
async function buildBaselineSite() {
  rmSync(BASELINE_SITE, { recursive: true, force: true });
  cpSync(SITE, BASELINE_SITE, { recursive: true });
  rmSync(path.join(BASELINE_SITE, "pagefind"), { recursive: true, force: true });
  for (const file of listFiles(BASELINE_SITE).filter((f) => f.endsWith(".html"))) {
    const full = path.join(BASELINE_SITE, file);
    const html = readFileSync(full, "utf8");
    const stripped = html.replace(/ data-pagefind-meta="(?:keywords|transcript):[^"]*"/g, "");
    if (stripped !== html) writeFileSync(full, stripped);
  }
  await writePagefindIndex(BASELINE_SITE);
}

interface Transfer {
  query: string;
  searchPage: {
    total: number;
    pagefind: number;
    index: number;
    scripts: number;
    fragments: number;
    ms: number;
    requests: number;
    gzipped: number;
    /** Bytes received per URL (path under the site), largest first. */
    byUrl: [string, number][];
  };
  headerBox: { total: number; pagefind: number; scripts: number; ms: number; requests: number };
  questionPageScripts: number;
}

/**
 * Bytes received per URL (headers and encoded body as sent) while `action` runs, from Playwright's
 * request events: unlike the page's DevTools session they include what Pagefind's web worker
 * fetches (its WebAssembly, index chunks and fragments). The cache is off, as on a first visit.
 */
async function countBytes(page: Page, action: () => Promise<void>): Promise<Map<string, number>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  const bytes = new Map<string, number>();
  const pending: Promise<void>[] = [];
  const onFinished = (request: import("playwright-core").Request) => {
    // The service worker's precache (started after the first results) is not the query's cost.
    if (request.serviceWorker()) return;
    pending.push(
      request.sizes().then(
        (s) => void bytes.set(request.url(), (bytes.get(request.url()) ?? 0) + s.responseHeadersSize + s.responseBodySize),
        () => undefined,
      ),
    );
  };
  page.context().on("requestfinished", onFinished);
  await action();
  // Counted until the results are shown: what the query cost, not what the page fetches afterwards.
  page.context().off("requestfinished", onFinished);
  await Promise.all(pending);
  await cdp.detach();
  return bytes;
}

/**
 * What a host that compresses text (GitHub Pages, Netlify, most CDNs) would send for the same
 * requests: text files gzipped from the built site, Pagefind's binary files (already gzipped) as they are.
 */
function gzippedBodies(bytes: Map<string, number>, siteUrl: string, siteDir: string): number {
  let total = 0;
  for (const url of bytes.keys()) {
    let file = path.join(siteDir, decodeURIComponent(new URL(url).pathname.slice(new URL(siteUrl).pathname.length)));
    if (file.endsWith(path.sep) || !path.extname(file)) file = path.join(file, "index.html");
    if (!existsSync(file)) continue;
    const body = readFileSync(file);
    total += /\.(html|js|css|json|svg)$/.test(file) ? gzipSync(body, { level: 9 }).length : body.length;
  }
  return total;
}

const sum = (bytes: Map<string, number>, test: (url: string) => boolean = () => true) =>
  [...bytes].filter(([url]) => test(url)).reduce((total, [, n]) => total + n, 0);

/** A first query from an empty cache: on the search page (`?q=`), and in the header box of a question page. */
async function measureFirstQuery(browser: Browser, siteUrl: string, query: string, siteDir = SITE): Promise<Transfer> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    let ms = 0;
    const searchBytes = await countBytes(page, async () => {
      const start = Date.now();
      await page.goto(`${siteUrl}search/?q=${encodeURIComponent(query)}`);
      await page.waitForFunction((q) => document.querySelector("[data-search-results]")?.getAttribute("data-search-query") === q, query);
      ms = Date.now() - start;
    });

    const second = await (await browser.newContext()).newPage();
    let questionPageScripts = 0;
    const pageBytes = await countBytes(second, async () => {
      await second.goto(`${siteUrl}docker/d1/`);
    });
    questionPageScripts = sum(pageBytes, (u) => u.endsWith(".js"));
    let boxMs = 0;
    const boxBytes = await countBytes(second, async () => {
      const start = Date.now();
      await second.fill("#header-search", query);
      await second.locator("#header-search-suggestions [role=option]").first().waitFor();
      boxMs = Date.now() - start;
    });
    await second.context().close();

    const isPagefind = (u: string) => u.includes("/pagefind/");
    return {
      query,
      searchPage: {
        total: sum(searchBytes),
        pagefind: sum(searchBytes, isPagefind),
        scripts: sum(searchBytes, (u) => u.includes("/_astro/") && u.endsWith(".js")),
        fragments: sum(searchBytes, (u) => u.includes("/pagefind/fragment/")),
        index: sum(searchBytes, (u) => u.includes("/pagefind/index/")),
        ms,
        requests: searchBytes.size,
        gzipped: gzippedBodies(searchBytes, siteUrl, siteDir),
        byUrl: [...searchBytes]
          .map(([url, n]): [string, number] => [decodeURIComponent(new URL(url).pathname), n])
          .sort((a, b) => b[1] - a[1]),
      },
      headerBox: {
        total: sum(boxBytes),
        pagefind: sum(boxBytes, isPagefind),
        scripts: sum(boxBytes, (u) => u.endsWith(".js") && !isPagefind(u)),
        ms: boxMs,
        requests: boxBytes.size,
      },
      questionPageScripts,
    };
  } finally {
    await context.close();
  }
}

/** Every query through the search page's form, one after another in one page (warm after the first). */
async function runSearchPage(browser: Browser, siteUrl: string, queries: readonly JudgedQuery[]): Promise<QueryRun[]> {
  const page = await browser.newPage();
  try {
    await page.goto(`${siteUrl}search/`);
    const runs: QueryRun[] = [];
    for (const query of queries) {
      const { ms, hrefs } = await page.evaluate(async (q) => {
        const form = document.querySelector<HTMLFormElement>("search-page form")!;
        const input = form.querySelector<HTMLInputElement>("input[name=q]")!;
        const list = document.querySelector<HTMLElement>("[data-search-results]")!;
        list.removeAttribute("data-search-query");
        const shown = new Promise<void>((resolve) => {
          const observer = new MutationObserver(() => {
            if (list.getAttribute("data-search-query") === q) {
              observer.disconnect();
              resolve();
            }
          });
          observer.observe(list, { attributes: true });
        });
        input.value = q;
        const start = performance.now();
        form.requestSubmit();
        await shown;
        const elapsed = performance.now() - start;
        return { ms: elapsed, hrefs: [...list.querySelectorAll<HTMLAnchorElement>("a[data-search-result]")].map((a) => a.href) };
      }, query.q);
      runs.push({ query, ms, results: hrefs.slice(0, TOP).map((h) => sitePath(h, new URL(siteUrl).pathname)) });
    }
    // The first query loaded Pagefind; later ones show the query layer's own cost.
    return runs.map((r, i) => (i === 0 ? { ...r, ms: Number.NaN } : r));
  } finally {
    await page.close();
  }
}

/** Pagefind's own `search()` with its default options, in the search page (a second module instance). */
async function runPlainPagefind(browser: Browser, siteUrl: string, queries: readonly JudgedQuery[]): Promise<QueryRun[]> {
  const page = await browser.newPage();
  try {
    await page.goto(`${siteUrl}search/`);
    const base = new URL(siteUrl).pathname;
    const urls = await page.evaluate(
      async ({ qs, base, top }) => {
        const pagefind = await import(/* @vite-ignore */ `${base}pagefind/pagefind.js?plain`);
        await pagefind.options({ baseUrl: base });
        const out: string[][] = [];
        for (const q of qs) {
          const response = await pagefind.search(q);
          out.push(
            await Promise.all(response.results.slice(0, top).map(async (r: { data(): Promise<{ url: string }> }) => (await r.data()).url)),
          );
        }
        return out;
      },
      { qs: queries.map((q) => q.q), base, top: TOP },
    );
    return queries.map((query, i) => ({ query, results: urls[i]!.map((u) => sitePath(u, base)) }));
  } finally {
    await page.close();
  }
}

/** `--detail`: where a first query's bytes go, URL by URL (largest first). */
function printBreakdown(t: Transfer) {
  console.log(`    “${t.query}”, bytes received per URL:`);
  for (const [url, n] of t.searchPage.byUrl) console.log(`      ${kb(n).padStart(9)}  ${url}`);
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const fixed = (n: number) => n.toFixed(3);
const pad = (text: string, width: number) => text + " ".repeat(Math.max(0, width - [...text].length));

function report(input: {
  rows: { set: string; engine: string; runs: QueryRun[] }[];
  transfers: Transfer[];
  laterTimes: number[];
  querySets: { name: string; file: string; queries: JudgedQuery[] }[];
}) {
  const { rows, transfers, laterTimes, querySets } = input;
  const out: string[] = [];
  out.push(`search benchmark · site ${path.relative(".", SITE)}/ · Chromium ${chromiumPath()}`);
  for (const set of querySets) out.push(`  ${set.name}: ${path.relative(".", set.file)} (${set.queries.length} queries)`);
  out.push("");
  const categories = [...new Set(rows.flatMap((r) => r.runs.map((run) => run.query.cat)))];
  out.push("relevance: found@5 · MRR@10 · queries with no result; per category found@5/MRR@10");
  out.push(
    `${pad("set", 5)}${pad("engine", 30)}${pad("n", 5)}${pad("found@5", 9)}${pad("MRR@10", 8)}${pad("no-res", 8)}${categories.map((c) => pad(c, 12)).join("")}`,
  );
  for (const row of rows) {
    const all = relevance(row.runs);
    const byCategory = relevanceByCategory(row.runs);
    const cells = categories.map((c) => {
      const r = byCategory.get(c);
      return pad(r ? `${r.foundAt5.toFixed(2)}/${r.mrrAt10.toFixed(2)}` : "-", 12);
    });
    out.push(
      `${pad(row.set, 5)}${pad(row.engine, 30)}${pad(String(all.queries), 5)}${pad(fixed(all.foundAt5), 9)}${pad(fixed(all.mrrAt10), 8)}${pad(String(all.noResult), 8)}${cells.join("")}`,
    );
  }
  out.push("");
  const missed = rows.filter((r) => r.engine.startsWith("query layer")).flatMap((r) => r.runs.map((run) => ({ set: r.set, run })));
  const notFirst = missed.filter(({ run }) => !run.query.relevant.includes(run.results[0] ?? ""));
  out.push(`query layer, queries whose first result is not relevant (${notFirst.length}):`);
  for (const { set, run } of notFirst) {
    const rank = run.results.findIndex((p) => run.query.relevant.includes(p)) + 1;
    out.push(
      `  ${set} ${run.query.cat} “${run.query.q}”: relevant at ${rank || "—"} (wanted ${run.query.relevant.join(", ")}; got ${run.results.slice(0, 3).join(" ")})`,
    );
  }
  out.push("");
  out.push("first query from an empty cache (bytes as received: headers and bodies; the server gzips text like a static host):");
  for (const t of transfers) {
    out.push(
      `  “${t.query}” on the search page ?q=: ${kb(t.searchPage.total)} in ${t.searchPage.requests} requests, page, CSS and scripts included; Pagefind files ${kb(t.searchPage.pagefind)} (result fragments ${kb(t.searchPage.fragments)}), site scripts ${kb(t.searchPage.scripts)}; results after ${t.searchPage.ms} ms; bodies gzipped: ${kb(t.searchPage.gzipped)}`,
    );
    out.push(
      `  “${t.query}” in the header box of a loaded question page: ${kb(t.headerBox.total)} in ${t.headerBox.requests} requests (Pagefind ${kb(t.headerBox.pagefind)}, query layer scripts ${kb(t.headerBox.scripts)}); suggestions after ${t.headerBox.ms} ms`,
    );
  }
  out.push(`  scripts a question page loads before search is used: ${kb(transfers[0]!.questionPageScripts)}`);
  out.push(
    `time to results, later queries on the search page (form submit → list shown): median ${median(laterTimes).toFixed(1)} ms over ${laterTimes.length} queries (max ${Math.max(...laterTimes).toFixed(1)} ms)`,
  );
  console.log(out.join("\n"));
}

await run();
