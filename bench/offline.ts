/**
 * `npm run bench:offline [-- --sessions 40] [--site label=dir …] [--keep]`
 *
 * What offline support costs a visitor, at 50 questions (the real notes) and at 2,000 (bench/scale's
 * synthetic sessions, `--sessions 40`), the latter twice: as generated (40 sessions repeating the
 * same answers, which flatters anything compressed across pages) and with every page's words
 * shuffled (bench/lib/distinct-content.ts: pages that differ, the honest figure for compression).
 * Builds each site with the real build into a temporary folder (or measures `--site label=dir`
 * builds, e.g. `--site 50=dist`), then prints for each:
 *
 * - "today" (issue 13's baseline, the copy before packs): every offline file fetched on its own,
 *   each gzipped as a host sends it — bytes and requests;
 * - first visit: what the service worker downloads in the background beyond the page itself,
 *   measured in Chromium on a fresh profile with the data-saver setting on (so the automatic full
 *   save, which a small site gets, doesn't mix in), over the wire (gzip), requests counted;
 * - full save ("오프라인으로 저장" pressed after that visit): bytes, requests, and seconds until
 *   "저장 완료" on a throttled link (1.6 Mbps, 150 ms round trip, shared by all downloads).
 *
 * Targets (issue 13) at 2,000 questions: first visit ≤ 1.5 MB and ≤ 40 requests; full save ≤ 100
 * requests and ≤ 60 % of today's bytes. The script exits non-zero when one is missed.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import type { Browser } from "playwright-core";
import { startStaticServer } from "../src/preview/static-server";
import { listFiles } from "../src/core/replace-folder";
import { launchChromium } from "../tools/chromium";
import { makeSyntheticSessions } from "../tools/generate-notes";
import { selectPrecacheFiles } from "../src/offline/plan-precache";
import type { PrecacheManifest } from "../src/offline/precache-manifest";
import { writeDistinctContent } from "./lib/distinct-content";
import { runMeasured } from "./lib/run-measured";
import { throttleServer } from "./lib/throttle";

const { values } = parseArgs({
  options: {
    sessions: { type: "string", default: "40" },
    site: { type: "string", multiple: true, default: [] },
    keep: { type: "boolean", default: false },
  },
});
/** The browser's data-saver setting (`navigator.connection.saveData`); a string, as tsx would wrap a function in helpers the page lacks. */
const SAVE_DATA = `Object.defineProperty(Navigator.prototype, "connection", { configurable: true, get: () => ({ saveData: true }) });`;
const LINK = { bitsPerSecond: 1.6e6, rttMs: 150 };
const MB = 1024 * 1024;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

const work = mkdtempSync(path.join(tmpdir(), "bench-offline-"));
const sites: { label: string; dir: string; questions?: number }[] = [];
try {
  if (values.site.length > 0) {
    for (const spec of values.site) {
      const [label, dir] = spec.split("=");
      if (!label || !dir) throw new Error(`--site wants label=dir, not "${spec}"`);
      sites.push({ label, dir });
    }
  } else {
    sites.push({ label: "50 questions (real notes)", dir: await build("content", "50") });
    const sessions = Number(values.sessions);
    const content = await importSynthetic(sessions);
    sites.push({ label: `${sessions * 50} questions, synthetic sessions (answers repeat)`, dir: await build(content, "synthetic") });
    const distinct = path.join(work, "content-distinct");
    writeDistinctContent(content, distinct);
    sites.push({ label: `${sessions * 50} questions, pages that differ (words shuffled)`, dir: await build(distinct, "distinct") });
  }

  const browser = await launchChromium();
  const failures: string[] = [];
  try {
    for (const site of sites) {
      const figures = await measure(browser, site.dir);
      const ratio = figures.full.bytes / figures.today.bytes;
      console.log(`\n${site.label} — ${figures.questions} question pages, ${site.dir}`);
      const rows: [string, string][] = [
        ["today (one request per file, gzip each)", `${kb(figures.today.bytes)} in ${figures.today.requests} requests`],
        ["first visit, background download", `${kb(figures.first.bytes)} in ${figures.first.requests} requests`],
        ["full save, download", `${kb(figures.full.bytes)} in ${figures.full.requests} requests (${(ratio * 100).toFixed(0)} % of today)`],
        [`full save, time at ${LINK.bitsPerSecond / 1e6} Mbps / ${LINK.rttMs} ms RTT`, `${(figures.full.ms / 1000).toFixed(1)} s`],
        ["stored on the device after a full save", kb(figures.storedBytes)],
        ["automatic full save for a visitor", figures.autoSave],
      ];
      const width = Math.max(...rows.map(([k]) => k.length));
      for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`);
      if (figures.questions >= 2000) {
        if (figures.first.bytes > 1.5 * MB) failures.push(`${site.label}: first visit ${kb(figures.first.bytes)} > 1.5 MB`);
        if (figures.first.requests > 40) failures.push(`${site.label}: first visit ${figures.first.requests} requests > 40`);
        if (figures.full.requests > 100) failures.push(`${site.label}: full save ${figures.full.requests} requests > 100`);
        if (ratio > 0.6) failures.push(`${site.label}: full save ${(ratio * 100).toFixed(0)} % of today > 60 %`);
      }
    }
  } finally {
    await browser.close();
  }
  if (failures.length > 0) {
    console.error(`\nmissed targets:\n${failures.join("\n")}`);
    process.exitCode = 1;
  } else console.log("\nall issue 13 targets met at 2,000 questions");
} finally {
  if (values.keep) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}

async function build(contentDir: string, name: string): Promise<string> {
  const out = path.join(work, `dist-${name}`);
  process.stderr.write(`… building ${name}\n`);
  const run = await runMeasured(process.execPath, ["cli/build.mjs"], {
    ...process.env,
    CONTENT_DIR: contentDir,
    OUT_DIR: out,
    ASTRO_CACHE_DIR: path.join(work, `cache-${name}`),
  });
  if (run.code !== 0) throw new Error(`build of ${name} failed:\n${run.output}`);
  return out;
}

async function importSynthetic(sessions: number): Promise<string> {
  // As bench/scale.ts: the shared real notes when present, else the copy in the test fixtures.
  const shared = path.resolve("../shared/notes/msp-t3-23-5.md");
  const notes = readFileSync(existsSync(shared) ? shared : path.resolve("tests/fixtures/notes/msp-t3-23-5.md"), "utf8");
  const files = makeSyntheticSessions(notes, sessions).map((n) => {
    const file = path.join(work, "notes", n.name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, n.text);
    return file;
  });
  const content = path.join(work, "content-synthetic");
  process.stderr.write(`… importing ${sessions} sessions\n`);
  const run = await runMeasured(process.execPath, ["--import", "tsx", "cli/import.ts", ...files, "--content", content], process.env);
  if (run.code !== 0) throw new Error(`import failed:\n${run.output}`);
  return content;
}

async function measure(browser: Browser, dir: string) {
  const manifestFile = readdirSync(dir).find((f) => /^offline-manifest\.[0-9a-f]+\.json$/.test(f))!;
  const manifest = JSON.parse(readFileSync(path.join(dir, manifestFile), "utf8")) as PrecacheManifest;
  const copy = selectPrecacheFiles(listFiles(dir));
  const today = {
    requests: copy.length,
    bytes: copy.reduce((sum, f) => {
      const content = readFileSync(path.join(dir, f));
      return sum + (/\.pf_\w+$|\.pagefind$/.test(f) ? content.byteLength : gzipSync(content).byteLength);
    }, 0),
  };
  const questions = copy.filter((f) => /^(docker|kubernetes|helm)\/[a-z]+\d+\/index\.html$/.test(f)).length;

  const served: { url: string; bytes: number }[] = [];
  const server = await startStaticServer({ dir, base: manifest.base });
  throttleServer(server.server, undefined, (url, bytes) => served.push({ url, bytes }));
  // The same files behind the slow link.
  const slow = await startStaticServer({ dir, base: manifest.base });
  throttleServer(slow.server, LINK, (url, bytes) => served.push({ url, bytes }));
  try {
    // First visit with data saver on: only what every visitor gets.
    const context = await browser.newContext();
    await context.addInitScript(SAVE_DATA);
    const page = await context.newPage();
    await page.goto(`${server.url}docker/d1/`, { waitUntil: "load" });
    const afterLoad = served.length;
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 120_000 });
    await page.waitForFunction(() => document.documentElement.dataset.offlineAutoSave !== undefined, null, { timeout: 60_000 });
    await page.waitForTimeout(500);
    const background = served.slice(afterLoad);
    const first = { bytes: background.reduce((s, r) => s + r.bytes, 0), requests: background.length };
    await context.close();

    // Full save over the slow link, from nothing: the reader presses the button as soon as the
    // first page has loaded; timed until "저장 완료".
    const slowContext = await browser.newContext();
    await slowContext.addInitScript(SAVE_DATA);
    const slowPage = await slowContext.newPage();
    await slowPage.goto(`${slow.url}docker/d1/`, { waitUntil: "load" });
    const beforeSave = served.length;
    const started = performance.now();
    await slowPage.click("[data-offline-toggle]");
    await slowPage.locator("[data-offline-start]:not([disabled])").waitFor({ timeout: 120_000 });
    await slowPage.click("[data-offline-start]");
    await slowPage.locator("[data-offline-status]", { hasText: "저장 완료" }).waitFor({ timeout: 600_000 });
    const saveMs = performance.now() - started;
    await slowPage.waitForTimeout(500);
    const autoSave = (await slowPage.evaluate(`new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = (e) => resolve(e.data);
      navigator.serviceWorker.controller.postMessage({ type: "status" }, [channel.port2]);
    })`)) as { totalBytes: number; storedBytes: number; autoSaveMaxBytes: number };
    await slowContext.close();
    const saving = served.slice(beforeSave);
    const full = { bytes: saving.reduce((s, r) => s + r.bytes, 0), requests: saving.length, ms: saveMs };
    const small = Math.max(autoSave.totalBytes, autoSave.storedBytes) < autoSave.autoSaveMaxBytes;
    return {
      questions,
      today,
      first,
      full,
      storedBytes: autoSave.storedBytes,
      autoSave: small
        ? `yes: the whole copy is under OFFLINE_AUTO_MAX_MB (${kb(autoSave.autoSaveMaxBytes)})`
        : `only when installed: ${kb(Math.max(autoSave.totalBytes, autoSave.storedBytes))} ≥ OFFLINE_AUTO_MAX_MB (${kb(autoSave.autoSaveMaxBytes)})`,
    };
  } finally {
    await server.close();
    await slow.close();
  }
}
