/**
 * The second half of `npm run build` (cli/build.mjs), in a process of its own after Astro has
 * exited: the Pagefind index of the built pages, then the offline copy (service worker and file
 * list), which hashes the final files and so comes last.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { writePagefindIndex } from "./pagefind-index";
import { writeVocabulary } from "./vocabulary-export";
import { writeServiceWorker } from "../offline/write-service-worker";
import { buildSettings } from "../core/build-settings.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));
const settings = buildSettings();
const outDir = path.resolve(root, settings.outDir);

let started = performance.now();
const pages = await writePagefindIndex(outDir);
const indexMs = performance.now() - started;
console.log(`[build] Pagefind: indexed ${pages} pages`);
// The words search may correct a typo to: read from the index just written, before the offline copy hashes files.
const vocabulary = writeVocabulary(outDir);
console.log(
  `[build] search vocabulary: ${vocabulary.words} words in ${vocabulary.chunks} chunks (${(vocabulary.bytes / 1024).toFixed(0)} KB, largest ${(vocabulary.largestChunk / 1024).toFixed(1)} KB)`,
);

started = performance.now();
const { manifest, manifestBytes, workerBytes } = await writeServiceWorker(outDir, settings.base, root);
const offlineMs = performance.now() - started;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
console.log(
  `[build] offline copy: version ${manifest.version}, ${manifest.entries.length} files (${kb(manifest.entries.reduce((s, e) => s + e.bytes, 0))}), ` +
    `file list ${kb(manifestBytes)}, sw.js ${kb(workerBytes)}`,
);
console.log(`[build] timings: index ${Math.round(indexMs)} ms, offline ${Math.round(offlineMs)} ms`);
