import { createHash } from "node:crypto";
import { gunzipSync, gzipSync } from "node:zlib";
import { PAGEFIND_SIGNATURE } from "../core/pagefind-signature";
import { encodePack, type PackedFile } from "./pack-format";
import { SHA256_PREFIX_LENGTH, isPageUrl, urlForFile, type PackInfo, type PrecacheEntry, type PrecacheManifest } from "./precache-manifest";

/** Pagefind's ready-made search UIs: written into every index, never loaded by this site. */
const UNUSED_PAGEFIND_UI = /^pagefind\/pagefind-(ui|component-ui|modular-ui)\.(js|css)$/;

/** The service worker itself is never precached: the browser fetches it to look for updates. */
export const SERVICE_WORKER_FILE = "sw.js";

const MANIFEST_FILE = /^offline-manifest\.[0-9a-f]+\.json$/;
/** Pack files are how the copy travels, not part of it. */
const PACK_FILE = /^offline\/.+\.pack$/;

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
      !PACK_FILE.test(file) &&
      !CRAWLER_FILES.test(file) &&
      !HOST_FILES.test(file) &&
      !UNUSED_PAGEFIND_UI.test(file),
  );
}

/** Pages a first visit stores with the shell: where a reader lands and what search needs to show results. */
const SHELL_PAGES = new Set(["", "search/", "404.html"]);
/** Question pages per pack (`docker/d1/` … `docker/d63/` share `pages-docker-0`). */
const PAGES_PER_PACK = 64;
/** Fragments (a page's title, text and topic, for results) per pack. */
const FRAGMENTS_PER_PACK = 128;
const INDEX_CHUNKS_PER_PACK = 32;
const QUESTION_PAGE = /^([a-z][a-z0-9-]*)\/[a-z]+(\d+)\/$/;
const IMAGE = /\.(png|jpe?g|gif|webp|avif)$/i;

/**
 * Which pack a file travels in. Stable across deploys, so a deploy that changes one answer changes
 * only the packs holding what changed (the page, its search data, pages listing it):
 * - `core-*` packs are what a first visit stores: the shell (scripts, styles, icons, home, search
 *   page, 404 page) and everything offline search needs (Pagefind's runtime, its index chunks, and
 *   every page's fragment — title, text and topic — so a result shows its excerpt before its page is saved);
 * - `pages-*` and `media-*` packs are the rest, for a full save: question pages by id range, other
 *   pages and images by a hash of their URL.
 */
export function packIdFor(url: string, counts: { pages: number; fragments: number; indexChunks: number; media: number }): string {
  if (url.startsWith("pagefind/fragment/")) return `core-fragments-${bucketOf(url, counts.fragments, FRAGMENTS_PER_PACK)}`;
  if (url.startsWith("pagefind/index/") || url.startsWith("pagefind/filter/"))
    return `core-index-${bucketOf(url, counts.indexChunks, INDEX_CHUNKS_PER_PACK)}`;
  if (url.startsWith("pagefind/")) return "core-search";
  if (SHELL_PAGES.has(url)) return "core-shell";
  if (isPageUrl(url)) {
    const question = QUESTION_PAGE.exec(url);
    if (question) return `pages-${question[1]}-${Math.floor(Number(question[2]) / PAGES_PER_PACK)}`;
    return `pages-other-${bucketOf(url, counts.pages, PAGES_PER_PACK)}`;
  }
  if (IMAGE.test(url) && !url.startsWith("icons/")) return `media-${bucketOf(url, counts.media, PAGES_PER_PACK)}`;
  return "core-shell";
}

/** A bucket from the URL's hash; the number of buckets is a power of two, so it rarely changes as the site grows. */
function bucketOf(url: string, count: number, perPack: number): number {
  let buckets = 1;
  while (buckets * perPack < count && buckets < 64) buckets *= 2;
  return parseInt(sha256Hex(new TextEncoder().encode(url)).slice(0, 8), 16) % buckets;
}

const TYPES: Record<string, string> = {
  html: "text/html; charset=utf-8",
  js: "text/javascript; charset=utf-8",
  mjs: "text/javascript; charset=utf-8",
  css: "text/css; charset=utf-8",
  json: "application/json; charset=utf-8",
  webmanifest: "application/manifest+json",
  svg: "image/svg+xml",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
  avif: "image/avif",
  woff2: "font/woff2",
  woff: "font/woff",
  wasm: "application/wasm",
  txt: "text/plain; charset=utf-8",
};
export function contentTypeFor(url: string): string {
  if (url === "" || url.endsWith("/")) return TYPES.html!;
  return TYPES[url.slice(url.lastIndexOf(".") + 1).toLowerCase()] ?? "application/octet-stream";
}

/**
 * The form a file is kept in: as built, except Pagefind's gzip files (index, fragments, metadata,
 * WebAssembly), kept unpacked: Pagefind accepts its data either way (it checks for its signature
 * before un-gzipping), and unpacked they compress together with their neighbours in a pack.
 */
export function storedForm(file: string, content: Uint8Array): Uint8Array {
  if (!file.startsWith("pagefind/") || content[0] !== 0x1f || content[1] !== 0x8b) return content;
  let plain: Buffer;
  try {
    plain = gunzipSync(content);
  } catch {
    return content;
  }
  if (plain.subarray(0, PAGEFIND_SIGNATURE.length).toString("latin1") !== PAGEFIND_SIGNATURE) return content;
  if (file.startsWith("pagefind/fragment/")) return compactFragment(plain.subarray(PAGEFIND_SIGNATURE.length));
  return new Uint8Array(plain);
}

/**
 * Metadata the index was built from but nothing reads back from a result: the per-page keywords
 * (stems and glossary spellings, src/search/page-keywords.ts) and the transcript text, both
 * weighted into the index at build time. Results use a fragment's url, content, filters, title and
 * anchors (src/client/search-results.ts), which are kept as built.
 */
const INDEX_ONLY_META = ["keywords", "transcript"];

/**
 * A fragment without its index-only metadata: the compact form offline search stores for every
 * page on a first visit (titles and excerpts for all results) at about half the bytes.
 */
export function compactFragment(json: Uint8Array): Uint8Array {
  const fragment = JSON.parse(new TextDecoder().decode(json)) as { meta?: Record<string, unknown> };
  if (fragment.meta) for (const key of INDEX_ONLY_META) delete fragment.meta[key];
  return new TextEncoder().encode(PAGEFIND_SIGNATURE + JSON.stringify(fragment));
}

export interface PlannedCopy {
  readonly manifest: PrecacheManifest;
  /** Pack files to write below the output folder (`offline/<id>.<hash>.pack`). */
  readonly packFiles: readonly { readonly file: string; readonly content: Uint8Array }[];
}

/**
 * The offline file list and its packs: one entry per file (URL, size, hash, pack), one pack per
 * group, and a version that changes with any of them.
 */
export function buildPrecacheManifest(
  files: readonly { file: string; content: Uint8Array }[],
  base: string,
  options: { autoSaveMaxBytes?: number } = {},
): PlannedCopy {
  const urls = files.map((f) => urlForFile(f.file));
  const counts = {
    pages: urls.filter((u) => isPageUrl(u) && !QUESTION_PAGE.test(u)).length,
    fragments: urls.filter((u) => u.startsWith("pagefind/fragment/")).length,
    indexChunks: urls.filter((u) => u.startsWith("pagefind/index/") || u.startsWith("pagefind/filter/")).length,
    media: urls.filter((u) => IMAGE.test(u)).length,
  };
  const byPack = new Map<string, PackedFile[]>();
  const entries: PrecacheEntry[] = files
    .map(({ file, content }) => {
      const url = urlForFile(file);
      const pack = packIdFor(url, counts);
      const members = byPack.get(pack) ?? [];
      members.push({ url, type: contentTypeFor(url), body: storedForm(file, content) });
      byPack.set(pack, members);
      return { url, bytes: content.byteLength, sha256: sha256Hex(content).slice(0, SHA256_PREFIX_LENGTH), pack };
    })
    .sort((a, b) => compare(a.url, b.url));
  const packFiles: { file: string; content: Uint8Array }[] = [];
  const packs: PackInfo[] = [...byPack]
    .sort(([a], [b]) => compare(a, b))
    .map(([id, members]) => {
      members.sort((a, b) => compare(a.url, b.url));
      // zlib's default level: level 9 makes packs 0.6 % smaller and the build's offline step twice as long (3 → 6.5 s at 2,000 questions).
      const content = new Uint8Array(gzipSync(encodePack(members)));
      const sha256 = sha256Hex(content).slice(0, SHA256_PREFIX_LENGTH);
      const url = `offline/${id}.${sha256.slice(0, 12)}.pack`;
      packFiles.push({ file: url, content });
      return { id, url, bytes: content.byteLength, sha256, core: id.startsWith("core-"), files: members.length };
    });
  const version = sha256Hex(new TextEncoder().encode(JSON.stringify({ base, entries, packs }))).slice(0, 12);
  const fallback = entries.some((e) => e.url === "404.html") ? "404.html" : undefined;
  const autoSaveMaxBytes = options.autoSaveMaxBytes ?? 5 * 1024 * 1024;
  return { manifest: { version, base, ...(fallback ? { fallback } : {}), entries, packs, autoSaveMaxBytes }, packFiles };
}

/** `OFFLINE_AUTO_MAX_MB` as bytes (default 5 MB); a clear error for anything but a number ≥ 0. */
export function autoSaveMaxBytesFrom(value: string | undefined): number {
  if (value === undefined || value.trim() === "") return 5 * 1024 * 1024;
  const mb = Number(value);
  if (!Number.isFinite(mb) || mb < 0) throw new Error(`OFFLINE_AUTO_MAX_MB must be a number of megabytes ≥ 0, not "${value}"`);
  return Math.round(mb * 1024 * 1024);
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function sha256Hex(content: Uint8Array): string {
  return createHash("sha256").update(content).digest("hex");
}
