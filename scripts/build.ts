/**
 * `npm run build`: the site, its search index and its offline copy, in two processes so their
 * memory never adds up:
 *   1. `astro build`, with a V8 heap limit sized to the content (src/lib/build-heap.ts);
 *   2. after Astro has exited: the Pagefind index, then the service worker and its file list
 *      (which hash the final files, so they come last).
 * Prints how long each step took (bench:scale reads these lines).
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { writePagefindIndex } from "../src/build/pagefind-index";
import { writeServiceWorker } from "../src/build/service-worker";
import { buildHeapLimitMb } from "../src/lib/build-heap";
import { buildSettings } from "../src/lib/build-settings";
import { listFiles } from "./lib/replace-folder";

const root = path.resolve(fileURLToPath(new URL("..", import.meta.url)));
const settings = buildSettings();
const outDir = path.resolve(root, settings.outDir);

const astroMs = runAstroBuild();
let started = performance.now();
const pages = await writePagefindIndex(outDir);
const indexMs = performance.now() - started;
console.log(`[build] Pagefind: indexed ${pages} pages in ${Math.round(indexMs)} ms`);
started = performance.now();
const { manifest, manifestBytes, workerBytes } = await writeServiceWorker(outDir, settings.base, root);
const offlineMs = performance.now() - started;
console.log(
  `[build] offline copy: version ${manifest.version}, ${manifest.entries.length} files (${kb(manifest.entries.reduce((s, e) => s + e.bytes, 0))}), ` +
    `list ${kb(manifestBytes)}, worker ${kb(workerBytes)}, in ${Math.round(offlineMs)} ms`,
);
console.log(`[build] timings: astro ${Math.round(astroMs)} ms, index ${Math.round(indexMs)} ms, offline ${Math.round(offlineMs)} ms`);

function runAstroBuild(): number {
  const entries = listFiles(path.resolve(root, settings.contentDir)).filter((f) => f.endsWith(".md")).length;
  const heapMb = Number(process.env.BUILD_HEAP_MB) || buildHeapLimitMb(entries);
  const astro = path.join(root, "node_modules/astro/astro.js");
  const begin = performance.now();
  let result = spawnSync(process.execPath, [`--max-old-space-size=${heapMb}`, astro, "build"], { stdio: "inherit", cwd: root });
  // V8 ends a process that runs out of heap with SIGABRT (exit 134): build again without the limit.
  if (result.signal === "SIGABRT" || result.status === 134) {
    console.warn(`[build] astro build ran out of its ${heapMb} MB heap; building again without a limit (set BUILD_HEAP_MB to choose one)`);
    result = spawnSync(process.execPath, [astro, "build"], { stdio: "inherit", cwd: root });
  }
  if (result.status !== 0) process.exit(result.status ?? 1);
  return performance.now() - begin;
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(0)} KB`;
}
