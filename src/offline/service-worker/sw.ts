/**
 * The service worker (`<base>sw.js`), hand-written and bundled at build time with its version baked
 * in (`__OFFLINE_VERSION__`); the list of that version's files and packs is
 * `offline-manifest.<version>.json` beside it, fetched at install and kept in the version's own cache.
 *
 * - Install stores the *core* of the version: the shell (scripts, styles, home, search and 404
 *   pages) and everything offline search needs (Pagefind's runtime, index and every page's
 *   fragment), as a few pack files, plus the pages open in tabs. Files unchanged since the previous
 *   version are copied from its cache, so a new deploy downloads only the packs that changed. One
 *   pack that differs from the build's hash (the server already has a newer deploy) or fails fails
 *   the install, so a version is either whole or not used at all.
 * - A full save ("오프라인으로 저장", or automatic where the page decides it is kind) downloads the
 *   remaining packs; afterwards a marker in the cache makes every later version save everything too.
 * - While a version is active, every file it knows is answered from its own cache only; a file it
 *   knows but hasn't stored comes from the network and is kept if it matches this version's hash.
 *   Old pages never meet a new search index. Files it doesn't know go to the network.
 * - A new version waits until the page asks it to take over (the user accepted the update notice)
 *   or every tab of the old version is closed; on activation it deletes the older caches.
 */
import type { OfflineStatus, PageRequest, SaveFailure, SaveProgress, WorkerReply } from "../messages";
import { decodePack } from "../pack-format";
import {
  SAVED_ALL_MARKER,
  cacheNameFor,
  cachePrefix,
  entryUrlForRequestPath,
  hexPrefix,
  isPageUrl,
  manifestFileName,
  totalBytes,
  type PackInfo,
  type PrecacheEntry,
  type PrecacheManifest,
} from "../precache-manifest";

declare const __OFFLINE_VERSION__: string;
declare const __OFFLINE_BASE__: string;

// The DOM library types this file; the few service-worker types it needs are declared here
// rather than pulling the WebWorker library into the whole project.
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Response | Promise<Response>): void;
}
interface ExtendableMessageEvent extends ExtendableEvent {
  readonly data: unknown;
  readonly ports: readonly MessagePort[];
}
interface ServiceWorkerScope {
  readonly location: Location;
  readonly registration: ServiceWorkerRegistration;
  readonly clients: {
    claim(): Promise<void>;
    matchAll(options: { includeUncontrolled: boolean; type: "window" }): Promise<readonly { readonly url: string }[]>;
  };
  skipWaiting(): Promise<void>;
  addEventListener(type: "install" | "activate", listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: "fetch", listener: (event: FetchEvent) => void): void;
  addEventListener(type: "message", listener: (event: ExtendableMessageEvent) => void): void;
}
const worker = self as unknown as ServiceWorkerScope;

const VERSION = __OFFLINE_VERSION__;
const BASE = __OFFLINE_BASE__;
const CACHE_NAME = cacheNameFor({ base: BASE, version: VERSION });
/** Parallel downloads while filling the cache: enough to hide latency, few enough for a weak link. */
const DOWNLOADS_AT_ONCE = 4;
const MANIFEST_FILE = /\/offline-manifest\.[0-9a-f]+\.json$/;

const requestUrl = (url: string) => new URL(BASE + encodeURI(url), worker.location.origin).href;
const MANIFEST_URL = requestUrl(manifestFileName(VERSION));
const MARKER_URL = requestUrl(SAVED_ALL_MARKER);

interface LoadedManifest extends PrecacheManifest {
  readonly byUrl: ReadonlyMap<string, PrecacheEntry>;
  readonly entriesByPack: ReadonlyMap<string, readonly PrecacheEntry[]>;
}

let manifestLoad: Promise<LoadedManifest> | undefined;

/**
 * This version's file list: from its cache when stored (offline, after a restart of the worker),
 * else from the server, and then stored. A list of another version (a newer deploy replaced it) is
 * refused like any file that differs.
 */
function loadManifest(): Promise<LoadedManifest> {
  manifestLoad ??= (async () => {
    const cache = await caches.open(CACHE_NAME);
    let response = await cache.match(MANIFEST_URL);
    if (!response) {
      try {
        response = await fetch(MANIFEST_URL, { cache: "no-cache", credentials: "same-origin" });
      } catch (error) {
        throw new FillError("network", `${manifestFileName(VERSION)}: ${String(error)}`);
      }
      if (!response.ok)
        throw new FillError(response.status === 404 ? "changed" : "network", `${manifestFileName(VERSION)}: HTTP ${response.status}`);
      await cache.put(MANIFEST_URL, response.clone());
    }
    const manifest = (await response.json()) as PrecacheManifest;
    if (manifest.version !== VERSION) throw new FillError("changed", `${manifestFileName(VERSION)} is not this version's list`);
    const entriesByPack = new Map<string, PrecacheEntry[]>();
    for (const entry of manifest.entries) {
      const list = entriesByPack.get(entry.pack) ?? [];
      list.push(entry);
      entriesByPack.set(entry.pack, list);
    }
    return { ...manifest, byUrl: new Map(manifest.entries.map((e) => [e.url, e])), entriesByPack };
  })().catch((error: unknown) => {
    manifestLoad = undefined; // try again on the next request
    throw error;
  });
  return manifestLoad;
}

class FillError extends Error {
  constructor(
    readonly reason: SaveFailure,
    detail: string,
  ) {
    super(detail);
  }
}

// ---- Filling the cache: one run at a time, shared by install, the "save" button and automatic saves ----

type Scope = "core" | "all";
let running: { scope: Scope; promise: Promise<void> } | undefined;
let lastProgress: SaveProgress | undefined;
const progressListeners = new Set<(progress: SaveProgress) => void>();

/** Fills the cache with the core (`core`) or everything (`all`); a full fill asked during a core fill follows it. */
function fillCache(scope: Scope): Promise<void> {
  if (running && (running.scope === "all" || scope === "core")) return running.promise;
  const after = running?.promise.catch(() => undefined) ?? Promise.resolve();
  const promise: Promise<void> = after
    .then(() => runFill(scope))
    .finally(() => {
      if (running?.promise === promise) running = undefined;
    });
  running = { scope, promise };
  return promise;
}

async function storedUrls(cache: Cache): Promise<Set<string>> {
  return new Set((await cache.keys()).map((r) => r.url));
}

async function runFill(scope: Scope): Promise<void> {
  const manifest = await loadManifest();
  const cache = await caches.open(CACHE_NAME);
  const present = await storedUrls(cache);
  await copyUnchangedFromOlderVersions(manifest, cache, present);
  const wanted = manifest.packs.filter((p) => scope === "all" || p.core);
  const missing = wanted.filter((p) => !isPackStored(manifest, p, present));
  let doneBytes = totalBytes(wanted) - totalBytes(missing);
  let donePacks = wanted.length - missing.length;
  const report = () => {
    lastProgress = { type: "progress", doneBytes, totalBytes: totalBytes(wanted), donePacks, totalPacks: wanted.length };
    for (const listener of progressListeners) listener(lastProgress);
  };
  report();
  const queue = [...missing];
  const downloadNext = async (): Promise<void> => {
    for (let pack = queue.shift(); pack; pack = queue.shift()) {
      await storePack(manifest, cache, pack);
      donePacks++;
      doneBytes += pack.bytes;
      report();
    }
  };
  await Promise.all(Array.from({ length: DOWNLOADS_AT_ONCE }, downloadNext));
  if (scope === "core") await storeOpenPages(manifest, cache, present);
  else await cache.put(MARKER_URL, new Response("saved"));
}

const isPackStored = (manifest: LoadedManifest, pack: PackInfo, present: ReadonlySet<string>) =>
  (manifest.entriesByPack.get(pack.id) ?? []).every((e) => present.has(requestUrl(e.url)));

/**
 * Files this version shares with an older one (same URL, same hash) are copied from the older
 * cache instead of downloaded again: a deploy that changed one answer downloads only its packs.
 */
async function copyUnchangedFromOlderVersions(manifest: LoadedManifest, cache: Cache, present: Set<string>): Promise<void> {
  const older = (await caches.keys()).filter((n) => n.startsWith(cachePrefix(BASE)) && n !== CACHE_NAME);
  for (const name of older) {
    const oldCache = await caches.open(name);
    const oldManifestRequest = (await oldCache.keys()).find((r) => MANIFEST_FILE.test(new URL(r.url).pathname));
    if (!oldManifestRequest) continue;
    const oldManifest = (await (await oldCache.match(oldManifestRequest))!.json()) as PrecacheManifest;
    const oldHashes = new Map(oldManifest.entries.map((e) => [e.url, e.sha256]));
    for (const entry of manifest.entries) {
      const key = requestUrl(entry.url);
      if (present.has(key) || oldHashes.get(entry.url) !== entry.sha256) continue;
      const response = await oldCache.match(key);
      if (!response) continue;
      await cache.put(key, response);
      present.add(key);
    }
  }
}

/** Downloads one pack, checks it against the build's hash, and stores the files it carries. */
async function storePack(manifest: LoadedManifest, cache: Cache, pack: PackInfo): Promise<void> {
  const gzipped = await download(pack.url, pack.sha256);
  let files;
  try {
    const plain = await new Response(new Blob([gzipped]).stream().pipeThrough(new DecompressionStream("gzip"))).arrayBuffer();
    files = decodePack(new Uint8Array(plain));
  } catch (error) {
    throw new FillError("changed", `${pack.url}: ${String(error)}`);
  }
  for (const file of files) {
    // Only what this version's list puts in this pack is stored.
    if (manifest.byUrl.get(file.url)?.pack !== pack.id) continue;
    await cache.put(requestUrl(file.url), new Response(file.body, { headers: { "content-type": file.type } }));
  }
}

/** One file of this version, or a FillError: a download that differs from the build is never stored. */
async function download(url: string, sha256: string): Promise<ArrayBuffer> {
  let response: Response;
  try {
    // `no-cache` revalidates with the server: a host's HTTP cache may hold the previous deploy.
    response = await fetch(requestUrl(url), { cache: "no-cache", credentials: "same-origin" });
  } catch (error) {
    throw new FillError("network", `${url || "/"}: ${String(error)}`);
  }
  if (!response.ok) throw new FillError(response.status === 404 ? "changed" : "network", `${url || "/"}: HTTP ${response.status}`);
  const body = await response.arrayBuffer();
  if (hexPrefix(await crypto.subtle.digest("SHA-256", body)) !== sha256) {
    throw new FillError("changed", `${url || "/"} differs from this version (a newer deploy is on the server)`);
  }
  return body;
}

/** The pages open in tabs right now (a first visit's page, loaded before the worker existed). */
async function storeOpenPages(manifest: LoadedManifest, cache: Cache, present: ReadonlySet<string>): Promise<void> {
  const open = await worker.clients.matchAll({ includeUncontrolled: true, type: "window" });
  for (const client of open) {
    const url = new URL(client.url);
    if (url.origin !== worker.location.origin || !url.pathname.startsWith(BASE)) continue;
    const entry = manifest.byUrl.get(entryUrlForRequestPath(url.pathname.slice(BASE.length)));
    if (!entry || present.has(requestUrl(entry.url))) continue;
    // A page the server has already replaced is left out, not an error: it comes with the next version.
    const body = await download(entry.url, entry.sha256).catch(() => undefined);
    if (body) await cache.put(requestUrl(entry.url), new Response(body, { headers: { "content-type": "text/html; charset=utf-8" } }));
  }
}

async function cachedStatus(): Promise<Omit<OfflineStatus, "type">> {
  const manifest = await loadManifest();
  const cache = await caches.open(CACHE_NAME);
  const present = await storedUrls(cache);
  const missing = manifest.packs.filter((p) => !isPackStored(manifest, p, present));
  const pages = manifest.entries.filter((e) => isPageUrl(e.url) && e.url !== manifest.fallback);
  return {
    version: VERSION,
    totalBytes: totalBytes(manifest.packs),
    storedBytes: totalBytes(manifest.entries),
    missingBytes: totalBytes(missing),
    totalPacks: manifest.packs.length,
    missingPacks: missing.length,
    totalFiles: manifest.entries.length,
    pageCount: pages.length,
    savedPages: pages.filter((e) => present.has(requestUrl(e.url))).length,
    savedAll: missing.length === 0,
    autoSaveMaxBytes: manifest.autoSaveMaxBytes,
  };
}

async function save(port: MessagePort): Promise<void> {
  const send = (reply: WorkerReply) => port.postMessage(reply);
  const listener = (progress: SaveProgress) => send(progress);
  progressListeners.add(listener);
  try {
    const run = fillCache("all");
    if (lastProgress && running?.scope === "all") send(lastProgress);
    await run;
    send({ type: "saved", ...(await cachedStatus()) });
  } catch (error) {
    const reason: SaveFailure =
      error instanceof FillError
        ? error.reason
        : error instanceof DOMException && error.name === "QuotaExceededError"
          ? "storage"
          : "network";
    send({ type: "failed", reason, detail: error instanceof Error ? error.message : String(error) });
  } finally {
    progressListeners.delete(listener);
  }
}

async function savedUrls(urls: readonly string[]): Promise<string[]> {
  const cache = await caches.open(CACHE_NAME);
  const present = await storedUrls(cache);
  return urls.filter((u) => present.has(requestUrl(entryUrlForRequestPath(u))));
}

/** Whether an older version of this site was saved whole: then this one is too (only its changed packs are downloaded). */
async function olderVersionSavedAll(): Promise<boolean> {
  const older = (await caches.keys()).filter((n) => n.startsWith(cachePrefix(BASE)) && n !== CACHE_NAME);
  for (const name of older) if (await (await caches.open(name)).match(MARKER_URL)) return true;
  return false;
}

// ---- Life cycle ----

worker.addEventListener("install", (event) => {
  event.waitUntil(olderVersionSavedAll().then((all) => fillCache(all ? "all" : "core")));
});

worker.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(names.filter((n) => n.startsWith(cachePrefix(BASE)) && n !== CACHE_NAME).map((n) => caches.delete(n)));
      // Take over open pages: on a first visit so it works offline at once; after an accepted update
      // the pages reload themselves when their controller changes.
      await worker.clients.claim();
    })(),
  );
});

worker.addEventListener("message", (event) => {
  const request = event.data as PageRequest | undefined;
  const port = event.ports[0];
  const fail = (error: unknown) =>
    port?.postMessage({
      type: "failed",
      reason: error instanceof FillError ? error.reason : "network",
      detail: String(error),
    } satisfies WorkerReply);
  if (request?.type === "skip-waiting") event.waitUntil(worker.skipWaiting());
  else if (request?.type === "status" && port) {
    event.waitUntil(cachedStatus().then((s) => port.postMessage({ type: "status", ...s } satisfies WorkerReply), fail));
  } else if (request?.type === "saved-urls" && port) {
    event.waitUntil(savedUrls(request.urls).then((saved) => port.postMessage({ type: "saved-urls", saved } satisfies WorkerReply), fail));
  } else if (request?.type === "save" && port) event.waitUntil(save(port));
});

// ---- Answering requests ----

worker.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== worker.location.origin || !url.pathname.startsWith(BASE) || url.href === MANIFEST_URL) return;
  event.respondWith(answer(event, entryUrlForRequestPath(url.pathname.slice(BASE.length))));
});

async function answer(event: FetchEvent, entryUrl: string): Promise<Response> {
  const manifest = await loadManifest().catch(() => undefined);
  const entry = manifest?.byUrl.get(entryUrl);
  if (entry) return fromThisVersion(event, entry, manifest!);
  return event.request.mode === "navigate" ? networkOrOfflinePage(event.request, manifest) : fetch(event.request);
}

async function fromThisVersion(event: FetchEvent, entry: PrecacheEntry, manifest: LoadedManifest): Promise<Response> {
  const cache = await caches.open(CACHE_NAME);
  const cached = await cache.match(requestUrl(entry.url));
  if (cached) return cached;
  // Not stored yet (a page not saved, install still running, or evicted): the network, keeping the
  // copy only if it is this version's. Pages visited this way are then there offline.
  try {
    const response = await fetch(event.request);
    if (response.ok) event.waitUntil(keepIfThisVersion(cache, entry, response.clone()));
    return response;
  } catch {
    return offlinePage(event.request, manifest, isPageUrl(entry.url) ? entry : undefined);
  }
}

async function keepIfThisVersion(cache: Cache, entry: PrecacheEntry, response: Response): Promise<void> {
  const body = await response.arrayBuffer();
  if (hexPrefix(await crypto.subtle.digest("SHA-256", body)) !== entry.sha256) {
    // The server has moved on: fetch the new worker, whose update notice brings the pages along.
    await worker.registration.update().catch(() => undefined);
    return;
  }
  const headers = { "content-type": response.headers.get("content-type") ?? "application/octet-stream" };
  await cache.put(requestUrl(entry.url), new Response(body, { headers }));
}

async function networkOrOfflinePage(request: Request, manifest: LoadedManifest | undefined): Promise<Response> {
  try {
    return await fetch(request);
  } catch {
    return offlinePage(request, manifest);
  }
}

/**
 * Offline and not stored: the site's 404 page for a navigation (it has search and topic links).
 * For a page this version has but hasn't saved, the same page says so instead of "not found"
 * (status 503: the page exists, it just can't be reached now).
 */
async function offlinePage(request: Request, manifest: LoadedManifest | undefined, unsaved?: PrecacheEntry): Promise<Response> {
  if (request.mode === "navigate" && manifest?.fallback !== undefined) {
    const page = await caches.match(requestUrl(manifest.fallback), { cacheName: CACHE_NAME });
    if (page && unsaved) {
      const html = (await page.text())
        .replace(/<title>[^<|]*/, `<title>${UNSAVED_TITLE} `)
        .replace(/<h1([^>]*)>[\s\S]*?<\/h1>/, `<h1$1>${UNSAVED_TITLE}</h1>`)
        .replace(/<p class="lead">[\s\S]*?<\/p>/, `<p class="lead">${UNSAVED_LEAD}</p>`);
      return new Response(html, { status: 503, headers: page.headers });
    }
    if (page) return new Response(page.body, { status: 404, headers: page.headers });
  }
  return Response.error();
}

const UNSAVED_TITLE = "저장되지 않은 답변";
const UNSAVED_LEAD =
  "이 페이지는 아직 이 브라우저에 저장되지 않아 인터넷 없이는 열 수 없습니다. 온라인에서 열거나, 연결된 뒤 아래 “오프라인으로 저장”으로 전체를 저장하세요. 검색은 인터넷 없이도 됩니다.";
