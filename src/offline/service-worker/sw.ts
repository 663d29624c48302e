/**
 * The service worker (`<base>sw.js`), hand-written and bundled at build time with its version baked
 * in (`__OFFLINE_VERSION__`); the list of that version's files is `offline-manifest.<version>.json`
 * beside it, fetched at install and kept in the version's own cache (so the worker stays small).
 *
 * - Install downloads every file of the manifest into a cache named after the build's version,
 *   checking each file's SHA-256 against the manifest; one mismatch (the server already has a newer
 *   deploy) or failure fails the install, so a version is either whole or not used at all.
 * - While a version is active, every file it knows is answered from its own cache only: old pages
 *   never meet a new search index. Files it doesn't know go to the network.
 * - A new version waits until the page asks it to take over (the user accepted the update notice)
 *   or every tab of the old version is closed; on activation it deletes the older caches.
 */
import type { PageRequest, SaveFailure, SaveProgress, WorkerReply } from "../messages";
import {
  cacheNameFor,
  cachePrefix,
  entryUrlForRequestPath,
  hexPrefix,
  isPageUrl,
  manifestFileName,
  totalBytes,
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
  readonly clients: { claim(): Promise<void> };
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
const DOWNLOADS_AT_ONCE = 6;

const requestUrl = (url: string) => new URL(BASE + encodeURI(url), worker.location.origin).href;
const MANIFEST_URL = requestUrl(manifestFileName(VERSION));

interface LoadedManifest extends PrecacheManifest {
  readonly byUrl: ReadonlyMap<string, PrecacheEntry>;
  readonly totalBytes: number;
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
    return { ...manifest, byUrl: new Map(manifest.entries.map((e) => [e.url, e])), totalBytes: totalBytes(manifest.entries) };
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

// ---- Filling the cache: one run at a time, shared by install and by the "save" button ----

let filling: Promise<void> | undefined;
let lastProgress: SaveProgress | undefined;
const progressListeners = new Set<(progress: SaveProgress) => void>();

function fillCache(): Promise<void> {
  filling ??= runFill().finally(() => {
    filling = undefined;
  });
  return filling;
}

async function runFill(): Promise<void> {
  const manifest = await loadManifest();
  const cache = await caches.open(CACHE_NAME);
  const present = new Set((await cache.keys()).map((r) => r.url));
  const missing = manifest.entries.filter((e) => !present.has(requestUrl(e.url)));
  let doneFiles = manifest.entries.length - missing.length;
  let doneBytes = manifest.totalBytes - totalBytes(missing);
  const report = () => {
    lastProgress = { type: "progress", doneBytes, totalBytes: manifest.totalBytes, doneFiles, totalFiles: manifest.entries.length };
    for (const listener of progressListeners) listener(lastProgress);
  };
  report();
  const queue = [...missing];
  const downloadNext = async (): Promise<void> => {
    for (let entry = queue.shift(); entry; entry = queue.shift()) {
      await cache.put(requestUrl(entry.url), await download(entry));
      doneFiles++;
      doneBytes += entry.bytes;
      report();
    }
  };
  await Promise.all(Array.from({ length: DOWNLOADS_AT_ONCE }, downloadNext));
}

/** One file of this version, or a FillError: a file that differs from the manifest is never stored. */
async function download(entry: PrecacheEntry): Promise<Response> {
  let response: Response;
  try {
    // `no-cache` revalidates with the server: a host's HTTP cache may hold the previous deploy.
    response = await fetch(requestUrl(entry.url), { cache: "no-cache", credentials: "same-origin" });
  } catch (error) {
    throw new FillError("network", `${entry.url || "/"}: ${String(error)}`);
  }
  if (!response.ok) throw new FillError("network", `${entry.url || "/"}: HTTP ${response.status}`);
  const body = await response.arrayBuffer();
  if (hexPrefix(await crypto.subtle.digest("SHA-256", body)) !== entry.sha256) {
    throw new FillError("changed", `${entry.url || "/"} differs from this version (a newer deploy is on the server)`);
  }
  // A fresh response (not the fetched one) so a redirect on the way never marks a cached page as redirected.
  return new Response(body, { headers: { "content-type": response.headers.get("content-type") ?? "application/octet-stream" } });
}

async function cachedStatus() {
  const manifest = await loadManifest();
  const cache = await caches.open(CACHE_NAME);
  const present = new Set((await cache.keys()).map((r) => r.url));
  const saved = manifest.entries.filter((e) => present.has(requestUrl(e.url)));
  return {
    version: VERSION,
    totalBytes: manifest.totalBytes,
    totalFiles: manifest.entries.length,
    pageCount: manifest.entries.filter((e) => isPageUrl(e.url) && e.url !== manifest.fallback).length,
    savedBytes: totalBytes(saved),
    savedFiles: saved.length,
  };
}

async function save(port: MessagePort): Promise<void> {
  const send = (reply: WorkerReply) => port.postMessage(reply);
  const listener = (progress: SaveProgress) => send(progress);
  progressListeners.add(listener);
  try {
    const run = fillCache();
    if (lastProgress) send(lastProgress);
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

// ---- Life cycle ----

worker.addEventListener("install", (event) => {
  event.waitUntil(fillCache());
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
  if (request?.type === "skip-waiting") event.waitUntil(worker.skipWaiting());
  else if (request?.type === "status" && port) {
    event.waitUntil(
      cachedStatus().then(
        (s) => port.postMessage({ type: "status", ...s } satisfies WorkerReply),
        (error: unknown) =>
          port.postMessage({
            type: "failed",
            reason: error instanceof FillError ? error.reason : "network",
            detail: String(error),
          } satisfies WorkerReply),
      ),
    );
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
  // Not stored yet (install still running, or evicted): the network, keeping the copy only if it is this version's.
  try {
    const response = await fetch(event.request);
    if (response.ok) event.waitUntil(keepIfThisVersion(cache, entry, response.clone()));
    return response;
  } catch {
    return offlinePage(event.request, manifest);
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

/** Offline and not stored: the site's 404 page for a navigation (it has search and topic links). */
async function offlinePage(request: Request, manifest: LoadedManifest | undefined): Promise<Response> {
  if (request.mode === "navigate" && manifest?.fallback !== undefined) {
    const page = await caches.match(requestUrl(manifest.fallback), { cacheName: CACHE_NAME });
    if (page) return new Response(page.body, { status: 404, headers: page.headers });
  }
  return Response.error();
}
