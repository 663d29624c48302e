// @ts-check
/**
 * `npm run build`: the site, its search index and its offline copy, in separate processes so their
 * memory never adds up:
 *   1. `astro build`, with a V8 heap limit sized to the content (src/build/build-heap.mjs);
 *   2. after Astro has exited, src/build/finish-build.ts: the Pagefind index, then the service worker
 *      and its file list (they hash the final files, so they come last).
 * This file is plain JavaScript so that it stays small while Astro runs. bench:scale reads the
 * timing lines it prints.
 */
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildHeapLimitMb } from "../src/build/build-heap.mjs";
import { buildSettings } from "../src/core/build-settings.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const settings = buildSettings();

let started = performance.now();
runAstroBuild();
console.log(`[build] timings: astro ${Math.round(performance.now() - started)} ms`);
started = performance.now();
run([process.execPath, "--import", "tsx", path.join(root, "src/build/finish-build.ts")]);

function runAstroBuild() {
  const entries = countMarkdown(path.resolve(root, settings.contentDir));
  const heapMb = Number(process.env.BUILD_HEAP_MB) || buildHeapLimitMb(entries);
  const astro = path.join(root, "node_modules/astro/astro.js");
  const status = run([process.execPath, `--max-old-space-size=${heapMb}`, astro, "build"], { allowOutOfMemory: true });
  // V8 ends a process that runs out of heap with SIGABRT: build again without the limit.
  if (status === "out-of-memory") {
    console.warn(`[build] astro build ran out of its ${heapMb} MB heap; building again without a limit (BUILD_HEAP_MB chooses one)`);
    run([process.execPath, astro, "build"]);
  }
}

/**
 * @param {string[]} command
 * @param {{ allowOutOfMemory?: boolean }} [options]
 * @returns {"ok" | "out-of-memory"}
 */
function run([file, ...args], options = {}) {
  const result = spawnSync(/** @type {string} */ (file), args, { stdio: "inherit", cwd: root });
  if (options.allowOutOfMemory && (result.signal === "SIGABRT" || result.status === 134)) return "out-of-memory";
  if (result.status !== 0) process.exit(result.status ?? 1);
  return "ok";
}

/** @param {string} dir */
function countMarkdown(dir) {
  try {
    return readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith(".md")).length;
  } catch {
    return 0;
  }
}
