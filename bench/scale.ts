/**
 * `npm run bench:scale -- --sessions N [--keep]`
 *
 * First, issue 11's import figure: 15 notes files of about 500 questions in all, in the shapes real
 * notes take (tools/generate-notes.ts `shapeCorpus`: MSP T3 and T2 titles, a track, `* ` bullets,
 * `## Q&A` over `### Docker`, session notes), imported with the real importer (budget 2 s), then
 * `npm run check` on the result. Then N synthetic sessions from the real notes, imported and built
 * with the real build, and one table of what it cost. Never touches `content/` or `dist/`.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { makeSyntheticSessions, shapeCorpus } from "../tools/generate-notes";
import { measureBrowser } from "./lib/bench-browser";
import { measureDist } from "./lib/measure-dist";
import { runMeasured, type MeasuredRun } from "./lib/run-measured";

const { values } = parseArgs({
  options: {
    sessions: { type: "string", default: "40" },
    notes: { type: "string", default: "" },
    keep: { type: "boolean", default: false },
    // Only the new-shape import and check (seconds), not the N-session build (minutes).
    "import-only": { type: "boolean", default: false },
  },
});
const sessions = Number(values.sessions);
if (!Number.isInteger(sessions) || sessions < 1) throw new Error("--sessions must be a positive integer");
const notesFile = values.notes || defaultNotes();

const work = mkdtempSync(path.join(tmpdir(), "bench-scale-"));
const content = path.join(work, "content");
const dist = path.join(work, "dist");
try {
  // Issue 11: 15 files in the new shapes, about 500 questions.
  const shapesDir = path.join(work, "shapes");
  const shapeFiles = shapeCorpus(15, 500).map((notes) => {
    const file = path.join(shapesDir, "notes", notes.name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, notes.text);
    return file;
  });
  const shapesContent = path.join(shapesDir, "content");
  const shapesImport = await step("import 15 notes files in the new shapes", process.execPath, [
    "--import",
    "tsx",
    "cli/import.ts",
    ...shapeFiles,
    "--content",
    shapesContent,
  ]);
  // The same import in this process, after a warm-up: wall and CPU time of the importer's own work
  // (no Node or tsx start-up), which a busy machine inflates less than a child process's wall time.
  const { runImport } = await import("../cli/import");
  const quiet = { log: () => {}, error: () => {} };
  runImport([...shapeFiles, "--content", path.join(shapesDir, "warm-up"), "--dry-run"], quiet);
  const cpuBefore = process.cpuUsage();
  const inProcessStart = performance.now();
  const inProcessCode = runImport([...shapeFiles, "--content", path.join(shapesDir, "in-process")], quiet);
  const inProcessMs = performance.now() - inProcessStart;
  const cpu = process.cpuUsage(cpuBefore);
  const inProcessCpuMs = (cpu.user + cpu.system) / 1000;
  if (inProcessCode !== 0) throw new Error("the in-process import of the new-shape files failed");
  const shapesCheck = await step("npm run check on them", process.execPath, [
    "--import",
    "tsx",
    "cli/check.ts",
    "--content",
    shapesContent,
  ]);
  const shapeQuestions = Number(/added (\d+)/.exec(shapesImport.output)?.[1] ?? NaN);
  if (values["import-only"]) {
    console.log(
      `\nbench:scale --import-only — 15 notes files in the new shapes, node ${process.version}, load average ${loadavg()[0]!.toFixed(1)}\n`,
    );
    console.log(`import wall time (budget 2 s)  ${(shapesImport.wallMs / 1000).toFixed(2)} s  (${shapeQuestions} entries added)`);
    console.log(
      `  of which the importer's work  ${(inProcessMs / 1000).toFixed(2)} s wall, ${(inProcessCpuMs / 1000).toFixed(2)} s CPU (in process, warm)`,
    );
    console.log(`peak memory, import           ${(shapesImport.peakRssBytes / 1024 / 1024).toFixed(1)} MB`);
    console.log(`npm run check                 passed, ${(shapesCheck.wallMs / 1000).toFixed(2)} s`);
    if (values.keep) console.log(`\nkept ${work}`);
    else rmSync(work, { recursive: true, force: true });
    process.exit(0);
  }

  const files = makeSyntheticSessions(readFileSync(notesFile, "utf8"), sessions).map((notes) => {
    const file = path.join(work, "notes", notes.name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, notes.text);
    return file;
  });

  const importRun = await step("import", process.execPath, ["--import", "tsx", "cli/import.ts", ...files, "--content", content]);
  // `npm run build` itself: Astro, then the Pagefind index and the offline copy (cli/build.mjs).
  const buildRun = await step("npm run build", process.execPath, ["cli/build.mjs"], {
    CONTENT_DIR: content,
    OUT_DIR: dist,
    ASTRO_CACHE_DIR: path.join(work, "astro-cache"),
  });
  const timing = (pattern: RegExp) => Number(pattern.exec(buildRun.output)?.[1] ?? NaN);
  const astroMs = timing(/timings: astro (\d+) ms/);
  const indexMs = timing(/timings: index (\d+) ms/);
  const offlineMs = timing(/offline (\d+) ms/);

  const sizes = measureDist(dist);
  const browser = await measureBrowser(dist);

  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const rows: [string, string][] = [
    [`import of 15 new-shape notes files (${shapeQuestions} entries), wall time (budget 2 s)`, s(shapesImport.wallMs)],
    ["  of which the importer's work (in process, warm)", `${s(inProcessMs)} wall, ${s(inProcessCpuMs)} CPU`],
    ["peak memory, that import", mb(shapesImport.peakRssBytes)],
    ["npm run check on that content", `passed, ${s(shapesCheck.wallMs)}`],
    ["questions", String(sizes.questionPages)],
    ["import wall time", s(importRun.wallMs)],
    ["astro build wall time", s(astroMs)],
    ["Pagefind index wall time", s(indexMs)],
    ["offline copy (service worker, file list)", s(offlineMs)],
    ["whole build (npm run build)", s(buildRun.wallMs)],
    ["peak memory, import", mb(importRun.peakRssBytes)],
    ["peak memory, build (process tree)", mb(buildRun.peakRssBytes)],
    ["dist/ size", mb(sizes.totalBytes)],
    ["question page HTML, median", kb(sizes.questionHtmlMedian)],
    ["question page HTML, largest", kb(sizes.questionHtmlMax)],
    ["topic page HTML, largest", kb(sizes.topicHtmlMax)],
    ["any page, largest", `${kb(sizes.largestPage.bytes)} (${sizes.largestPage.path})`],
    [
      "JS on a question page before search (gzip, sw.js included)",
      kb(browser.questionPageJsGzip + gzipSync(readFileSync(path.join(dist, "sw.js"))).length),
    ],
    ["Pagefind index size", mb(sizes.pagefindBytes)],
    ["first search transfer, Pagefind files", kb(browser.firstSearchBytes)],
    ["first search transfer, whole search page", kb(browser.firstSearchPageBytes)],
    [`median time to results (${browser.queries} queries)`, `${browser.medianResultsMs.toFixed(0)} ms`],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log(`\nbench:scale — ${sessions} session(s) from ${path.basename(notesFile)}, node ${process.version}\n`);
  for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
  if (values.keep) console.log(`\nkept ${work}`);
} finally {
  if (!values.keep) rmSync(work, { recursive: true, force: true });
}

async function step(name: string, command: string, args: string[], env: Record<string, string> = {}): Promise<MeasuredRun> {
  process.stderr.write(`… ${name}\n`);
  const run = await runMeasured(command, args, { ...process.env, ...env });
  if (run.code !== 0) {
    console.error(run.output);
    throw new Error(`${name} failed with exit code ${run.code}`);
  }
  return run;
}

function defaultNotes(): string {
  const shared = path.resolve("../shared/notes/msp-t3-23-5.md");
  return existsSync(shared) ? shared : path.resolve("tests/fixtures/notes/msp-t3-23-5.md");
}
