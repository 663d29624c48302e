/**
 * `npm run bench:lighthouse [-- --no-build] [--runs 3] [--long-tasks] [--only search]`
 *
 * Lighthouse 12 (mobile form factor, its default throttling) on the built site served with gzip
 * by the project's own static server, driving Debian's Chromium (CHROME_PATH, default
 * /usr/bin/chromium; `--headless=new --no-sandbox`). For the home page, a question page, a topic
 * page and the search page with a query, it prints the four category scores (performance,
 * accessibility, best practices, SEO) and LCP, TBT and CLS — per run, then the median.
 * It prints figures; it is not a test (tests/e2e/search-corrections-ui.test.ts asserts the
 * layout facts behind CLS). The site is built into `dist-bench/` (`--no-build` reuses it).
 * `--long-tasks` also lists each run's main-thread tasks of 50 ms or more (Lighthouse's `long-tasks`
 * audit, at its simulated 4× CPU slowdown) with the script they are attributed to; `--only search`
 * measures only the pages whose name contains the word.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { startStaticServer } from "../src/preview/static-server";
import { chromiumPath } from "../tools/chromium";
import { median } from "./lib/search-metrics";

const SITE = path.resolve("dist-bench");
const PAGES = [
  { name: "home", path: "" },
  { name: "question", path: "docker/d1/" },
  { name: "topic", path: "kubernetes/" },
  { name: "search ?q=파드", path: `search/?q=${encodeURIComponent("파드")}` },
  { name: "search ?q=파드 재시작", path: `search/?q=${encodeURIComponent("파드 재시작")}` },
  { name: "search ?q=롤벡 (corrected)", path: `search/?q=${encodeURIComponent("롤벡")}` },
];

interface Figures {
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  lcp: number;
  tbt: number;
  cls: number;
}

async function run() {
  const { values } = parseArgs({
    options: {
      "no-build": { type: "boolean", default: false },
      runs: { type: "string", default: "1" },
      "long-tasks": { type: "boolean", default: false },
      only: { type: "string" },
    },
  });
  const runs = Math.max(1, Number(values.runs) || 1);
  if (!values["no-build"] || !existsSync(path.join(SITE, "index.html"))) {
    console.log("building the site into dist-bench/ …");
    execFileSync("npm", ["run", "build", "--silent"], { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, OUT_DIR: SITE } });
  }
  const server = await startStaticServer({ dir: SITE });
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH || chromiumPath(),
    chromeFlags: [
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  try {
    console.log(`lighthouse 12 · mobile · ${runs} run(s) per page · ${server.url}`);
    console.log(pad("page", 30) + ["perf", "a11y", "best", "seo", "LCP ms", "TBT ms", "CLS"].map((h) => pad(h, 9)).join(""));
    for (const page of PAGES.filter((p) => !values.only || p.name.includes(values.only))) {
      const all: Figures[] = [];
      for (let i = 0; i < runs; i++) {
        const result = await lighthouse(`${server.url}${page.path}`, { port: chrome.port, output: "json", logLevel: "error" });
        const lhr = result!.lhr;
        const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
        const audit = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
        const figures = {
          performance: score("performance"),
          accessibility: score("accessibility"),
          bestPractices: score("best-practices"),
          seo: score("seo"),
          lcp: audit("largest-contentful-paint"),
          tbt: audit("total-blocking-time"),
          cls: audit("cumulative-layout-shift"),
        };
        all.push(figures);
        if (runs > 1) console.log(row(`  run ${i + 1}`, figures));
        if (values["long-tasks"]) console.log(longTasks(lhr.audits["long-tasks"]?.details));
      }
      const mid = (key: keyof Figures) => median(all.map((f) => f[key]));
      console.log(
        row(page.name, {
          performance: mid("performance"),
          accessibility: mid("accessibility"),
          bestPractices: mid("bestPractices"),
          seo: mid("seo"),
          lcp: mid("lcp"),
          tbt: mid("tbt"),
          cls: mid("cls"),
        }),
      );
    }
  } finally {
    chrome.kill();
    await server.close();
  }
}

/** The long-tasks audit's rows: start, duration and the script each task is attributed to. */
function longTasks(details: unknown): string {
  const items = ((details as { items?: { url?: string; startTime?: number; duration?: number }[] } | undefined)?.items ?? []).filter(
    (t) => (t.duration ?? 0) >= 50,
  );
  if (items.length === 0) return "    long tasks: none";
  return items
    .map(
      (t) =>
        `    long task at ${(t.startTime ?? 0).toFixed(0)} ms: ${(t.duration ?? 0).toFixed(0)} ms, ${t.url?.replace(/^https?:\/\/[^/]+/, "") || "?"}`,
    )
    .join("\n");
}

const pad = (text: string, width: number) => text + " ".repeat(Math.max(0, width - [...text].length));
const row = (name: string, f: Figures) =>
  pad(name, 30) +
  [f.performance, f.accessibility, f.bestPractices, f.seo].map((n) => pad(String(n), 9)).join("") +
  [f.lcp.toFixed(0), f.tbt.toFixed(0), f.cls.toFixed(3)].map((n) => pad(n, 9)).join("");

await run();
