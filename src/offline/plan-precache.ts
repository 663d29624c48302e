import { createHash } from "node:crypto";
import { SHA256_PREFIX_LENGTH, urlForFile, type PrecacheEntry, type PrecacheManifest } from "./precache-manifest";

/** Pagefind's ready-made search UIs: written into every index, never loaded by this site. */
const UNUSED_PAGEFIND_UI = /^pagefind\/pagefind-(ui|component-ui|modular-ui)\.(js|css)$/;

/** The service worker itself is never precached: the browser fetches it to look for updates. */
export const SERVICE_WORKER_FILE = "sw.js";

const MANIFEST_FILE = /^offline-manifest\.[0-9a-f]+\.json$/;

/** Files the host reads and does not serve (`_redirects`: Netlify, Cloudflare Pages; src/build/url-history.ts). */
const HOST_FILES = /^_redirects$/;

/** Files only crawlers and unfurlers fetch: nobody reads them offline. */
const CRAWLER_FILES = /^(?:sitemap[\w-]*\.xml|robots\.txt|og\/.*)$/;

/**
 * What "the whole site" means offline, derived from the build rather than listed by hand, so pages
 * and scripts that other features add are picked up automatically:
 * every file of the build — pages, bundled assets (`_astro/`), Pagefind's runtime and whole index,
 * images, scripts in `public/` — except the worker and its lists, Pagefind's unused ready-made UIs,
 * what only crawlers fetch (sitemaps, robots.txt, unfurl cards under `og/`) and what only the host
 * reads (`_redirects`). Decided by path
 * alone: reading every page to see what it links would cost seconds per thousand pages.
 */
export function selectPrecacheFiles(files: readonly string[]): string[] {
  return files.filter(
    (file) =>
      file !== SERVICE_WORKER_FILE &&
      !MANIFEST_FILE.test(file) &&
      !CRAWLER_FILES.test(file) &&
      !HOST_FILES.test(file) &&
      !UNUSED_PAGEFIND_UI.test(file),
  );
}

/** The offline file list: one entry per file, and a version that changes with any of them. */
export function buildPrecacheManifest(files: readonly { file: string; content: Uint8Array }[], base: string): PrecacheManifest {
  const entries: PrecacheEntry[] = files
    .map(({ file, content }) => ({
      url: urlForFile(file),
      bytes: content.byteLength,
      sha256: sha256Hex(content).slice(0, SHA256_PREFIX_LENGTH),
    }))
    .sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  const version = sha256Hex(new TextEncoder().encode(JSON.stringify({ base, entries }))).slice(0, 12);
  const fallback = entries.some((e) => e.url === "404.html") ? "404.html" : undefined;
  return { version, base, ...(fallback ? { fallback } : {}), entries };
}

function sha256Hex(content: Uint8Array): string {
  return createHash("sha256").update(content).digest("hex");
}
