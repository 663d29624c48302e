/**
 * The second half of `npm run build` (cli/build.mjs), in a process of its own after Astro has
 * exited: the check that every published URL still answers (src/build/url-history.ts), the
 * Pagefind index of the built pages (recut into smaller chunks, its fragments renamed shorter), then the offline copy (service worker and file
 * list), which hashes the final files and so comes last.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { writePagefindIndex } from "./pagefind-index";
import { rechunkPagefindIndex } from "./pagefind-chunks";
import { shortenFragmentNames } from "./pagefind-fragment-names";
import { writeVocabulary } from "./vocabulary-export";
import { writeServiceWorker } from "../offline/write-service-worker";
import { writeWebAppManifest } from "../offline/write-web-app-manifest";
import { autoSaveMaxBytesFrom } from "../offline/plan-precache";
import { buildSettings } from "../core/build-settings.mjs";
import { checkAndRecordUrls } from "./url-history";
import { formatProblem } from "../core/problems";

const root = fileURLToPath(new URL("../..", import.meta.url));
const settings = buildSettings();
const outDir = path.resolve(root, settings.outDir);

// First: a published URL that would now 404 fails the build before anything else is spent on it.
const urlsStarted = performance.now();
const urls = checkAndRecordUrls({ outDir, contentDir: path.resolve(root, settings.contentDir), base: settings.base });
if (urls.problems.length > 0) {
  for (const problem of urls.problems) console.error(formatProblem(problem));
  console.error(`[build] failed: ${urls.problems.length} published URL(s) would now 404 (see docs/authoring.md, "What happens to a link")`);
  process.exit(1);
}
console.log(
  `[build] URLs: ${urls.pages} pages, ${urls.added} newly published, ${urls.tombstones} tombstone(s), ${urls.redirects} redirect(s) (_redirects), ` +
    `checked in ${Math.round(performance.now() - urlsStarted)} ms`,
);

let started = performance.now();
const pages = await writePagefindIndex(outDir);
const indexMs = performance.now() - started;
console.log(`[build] Pagefind: indexed ${pages} pages`);
// Smaller index chunks, cut along word families: a first query downloads less (pagefind-chunks.ts).
const chunks = rechunkPagefindIndex(path.join(outDir, "pagefind"));
console.log(
  `[build] Pagefind index: ${chunks.before.chunks} chunk(s) (${(chunks.before.bytes / 1024).toFixed(0)} KB) recut into ${chunks.after.chunks} ` +
    `(${(chunks.after.bytes / 1024).toFixed(0)} KB, largest ${(chunks.after.largest / 1024).toFixed(1)} KB); metadata ${(chunks.metaBytes.before / 1024).toFixed(1)} → ${(chunks.metaBytes.after / 1024).toFixed(1)} KB`,
);
// Shorter fragment names: the metadata every first query downloads lists one per page (pagefind-fragment-names.ts).
const names = shortenFragmentNames(path.join(outDir, "pagefind"));
console.log(
  `[build] Pagefind fragments: ${names.fragments} renamed (${names.lengthened} longer than the shortest); metadata ${(names.metaBytes.before / 1024).toFixed(1)} → ${(names.metaBytes.after / 1024).toFixed(1)} KB`,
);
// The words search may correct a typo to: read from the index just written, before the offline copy hashes files.
const vocabulary = writeVocabulary(outDir);
console.log(
  `[build] search vocabulary: ${vocabulary.words} words in ${vocabulary.chunks} chunks (${(vocabulary.bytes / 1024).toFixed(0)} KB, largest ${(vocabulary.largestChunk / 1024).toFixed(1)} KB)`,
);

started = performance.now();
writeWebAppManifest(outDir, settings.base);
const { manifest, manifestBytes, workerBytes } = await writeServiceWorker(outDir, settings.base, root, {
  autoSaveMaxBytes: autoSaveMaxBytesFrom(process.env.OFFLINE_AUTO_MAX_MB),
});
const offlineMs = performance.now() - started;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const packBytes = (core: boolean) => manifest.packs.filter((p) => p.core === core).reduce((s, p) => s + p.bytes, 0);
console.log(
  `[build] offline copy: version ${manifest.version}, ${manifest.entries.length} files (${kb(manifest.entries.reduce((s, e) => s + e.bytes, 0))}) ` +
    `in ${manifest.packs.length} packs (first visit ${kb(packBytes(true))}, full save ${kb(packBytes(true) + packBytes(false))}), ` +
    `file list ${kb(manifestBytes)}, sw.js ${kb(workerBytes)}`,
);
console.log(`[build] timings: index ${Math.round(indexMs)} ms, offline ${Math.round(offlineMs)} ms`);
