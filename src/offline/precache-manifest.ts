/**
 * The list of files the service worker keeps for offline use, built from `dist/` at build time and
 * written beside `sw.js` as `offline-manifest.<version>.json`. Shared by the build (Node) and the service worker (browser): no Node imports.
 */

export interface PrecacheEntry {
  /** URL below the base path, as a browser requests it: `docker/d1/`, `` (home), `_astro/x.css`. */
  readonly url: string;
  readonly bytes: number;
  /** First 16 hex digits of the file's SHA-256: the worker refuses a download that differs. */
  readonly sha256: string;
  /** Id of the pack that carries this file (see `PackInfo`). */
  readonly pack: string;
}

/**
 * A pack: several files of one version in one gzip download (`offline/<id>.<hash>.pack`, format in
 * `pack-format.ts`), unpacked by the worker into its cache. Pages in a pack share one compression
 * stream with their neighbours, and a full save takes a few dozen requests instead of thousands.
 */
export interface PackInfo {
  /** Stable name of the group (`core-shell`, `pages-docker-0`…): the same files land in the same pack across deploys. */
  readonly id: string;
  /** URL of the pack file below the base path; named by its content hash, so an unchanged pack keeps its name. */
  readonly url: string;
  /** Bytes of the pack file as downloaded (it is gzip already; hosts send it as is). */
  readonly bytes: number;
  /** First 16 hex digits of the pack file's SHA-256. */
  readonly sha256: string;
  /** Downloaded on the first visit (shell and search) rather than only by a full save. */
  readonly core: boolean;
  readonly files: number;
}

export interface PrecacheManifest {
  /** Hash of the entries: changes whenever any cached file changes, and names the cache. */
  readonly version: string;
  /** `BASE_PATH` of the build (`/`, `/mspt3/`): the worker's scope. */
  readonly base: string;
  /** URL (below base) of the page served for an unknown page while offline. */
  readonly fallback?: string;
  readonly entries: readonly PrecacheEntry[];
  readonly packs: readonly PackInfo[];
  /** A full save smaller than this starts without asking (`OFFLINE_AUTO_MAX_MB`, default 5 MB). */
  readonly autoSaveMaxBytes: number;
}

export const SHA256_PREFIX_LENGTH = 16;

/** The list of one version's files, beside `sw.js` (never in the list itself). */
export const manifestFileName = (version: string) => `offline-manifest.${version}.json`;

/** Cache names start with this and the base path, so two deploys on one origin never touch each other's caches. */
export const cachePrefix = (base: string) => `course-qa-offline:${base}:`;
export const cacheNameFor = (manifest: Pick<PrecacheManifest, "base" | "version">) => `${cachePrefix(manifest.base)}${manifest.version}`;

/** The URL (below base) a built file is requested at: `docker/d1/index.html` → `docker/d1/`. */
export function urlForFile(file: string): string {
  if (file === "index.html") return "";
  return file.endsWith("/index.html") ? file.slice(0, -"index.html".length) : file;
}

/** Whether an entry is a page (HTML) rather than an asset or a search-index file. */
export const isPageUrl = (url: string) => url === "" || url.endsWith("/") || url.endsWith(".html");

/**
 * The entry key for a request path below the base (query and fragment already dropped): paths
 * are percent-encoded in requests but stored decoded, so both `%ED%8C%8C` and `파` match.
 */
export function entryUrlForRequestPath(pathBelowBase: string): string {
  try {
    return decodeURIComponent(pathBelowBase);
  } catch {
    return pathBelowBase;
  }
}

export function totalBytes(entries: readonly { readonly bytes: number }[]): number {
  return entries.reduce((sum, e) => sum + e.bytes, 0);
}

/** Marker stored in a version's cache once the reader saved everything: the next deploy saves everything too. */
export const SAVED_ALL_MARKER = "offline-saved-all";

/** Hex digits of a SHA-256 digest, cut to the length the manifest keeps. */
export function hexPrefix(digest: ArrayBuffer): string {
  return [...new Uint8Array(digest).slice(0, SHA256_PREFIX_LENGTH / 2)].map((b) => b.toString(16).padStart(2, "0")).join("");
}
