/**
 * The service worker (`<base>sw.js`), hand-written and bundled at build time with the precache
 * manifest of that build baked in (`__PRECACHE_MANIFEST__`).
 *
 * - Install downloads every file of the manifest into a cache named after the build's version,
 *   checking each file's SHA-256 against the manifest; one mismatch (the server already has a newer
 *   deploy) or failure fails the install, so a version is either whole or not used at all.
 * - While a version is active, every file it knows is answered from its own cache only: old pages
 *   never meet a new search index. Files it doesn't know go to the network.
 * - A new version waits until the page asks it to take over (the user accepted the update notice)
 *   or every tab of the old version is closed; on activation it deletes the older caches.
 */
import type { PageRequest, SaveFailure, SaveProgress, WorkerReply } from "../lib/offline/messages";
import {
  cacheNameFor,
  cachePrefix,
  entryUrlForRequestPath,
  hexPrefix,
  isPageUrl,
  totalBytes,
  type PrecacheEntry,
  type PrecacheManifest,
} from "../lib/offline/precache-manifest";

declare const __PRECACHE_MANIFEST__: PrecacheManifest;

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

const MANIFEST = __PRECACHE_MANIFEST__;
const CACHE_NAME = cacheNameFor(MANIFEST);
const ENTRIES = new Map(MANIFEST.entries.map((e) => [e.url, e]));
const TOTAL_BYTES = totalBytes(MANIFEST.entries);
/** Parallel downloads while filling the cache: enough to hide latency, few enough for a weak link. */
const DOWNLOADS_AT_ONCE = 6;

const requestUrl = (url: string) => new URL(MANIFEST.base + encodeURI(url), worker.location.origin).href;

class FillError extends Error {
  constructor(readonly reason: SaveFailure, detail: string) {
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
  const cache = await caches.open(CACHE_NAME);
  const present = new Set((await cache.keys()).map((r) => r.url));
  const missing = MANIFEST.entries.filter((e) => !present.has(requestUrl(e.url)));
  let doneFiles = MANIFEST.entries.length - missing.length;
  let doneBytes = TOTAL_BYTES - totalBytes(missing);
  const report = () => {
    lastProgress = { type: "progress", doneBytes, totalBytes: TOTAL_BYTES, doneFiles, totalFiles: MANIFEST.entries.length };
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
  const cache = await caches.open(CACHE_NAME);
  const present = new Set((await cache.keys()).map((r) => r.url));
  const saved = MANIFEST.entries.filter((e) => present.has(requestUrl(e.url)));
  return {
    version: MANIFEST.version,
    totalBytes: TOTAL_BYTES,
    totalFiles: MANIFEST.entries.length,
    pageCount: MANIFEST.entries.filter((e) => isPageUrl(e.url) && e.url !== MANIFEST.fallback).length,
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
      error instanceof FillError ? error.reason : error instanceof DOMException && error.name === "QuotaExceededError" ? "storage" : "network";
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
      await Promise.all(names.filter((n) => n.startsWith(cachePrefix(MANIFEST.base)) && n !== CACHE_NAME).map((n) => caches.delete(n)));
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
  else if (request?.type === "status" && port) event.waitUntil(cachedStatus().then((s) => port.postMessage({ type: "status", ...s } satisfies WorkerReply)));
  else if (request?.type === "save" && port) event.waitUntil(save(port));
});

// ---- Answering requests ----

worker.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== worker.location.origin || !url.pathname.startsWith(MANIFEST.base)) return;
  const entry = ENTRIES.get(entryUrlForRequestPath(url.pathname.slice(MANIFEST.base.length)));
  if (entry) event.respondWith(fromThisVersion(event, entry));
  else if (request.mode === "navigate") event.respondWith(networkOrOfflinePage(request));
});

async function fromThisVersion(event: FetchEvent, entry: PrecacheEntry): Promise<Response> {
  const cache = await caches.open(CACHE_NAME);
  const cached = await cache.match(requestUrl(entry.url));
  if (cached) return cached;
  // Not stored yet (install still running, or evicted): the network, keeping the copy only if it is this version's.
  try {
    const response = await fetch(event.request);
    if (response.ok) event.waitUntil(keepIfThisVersion(cache, entry, response.clone()));
    return response;
  } catch {
    return offlinePage(event.request);
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

async function networkOrOfflinePage(request: Request): Promise<Response> {
  try {
    return await fetch(request);
  } catch {
    return offlinePage(request);
  }
}

/** Offline and not stored: the site's 404 page for a navigation (it has search and topic links). */
async function offlinePage(request: Request): Promise<Response> {
  if (request.mode === "navigate" && MANIFEST.fallback !== undefined) {
    const page = await caches.match(requestUrl(MANIFEST.fallback), { cacheName: CACHE_NAME });
    if (page) return new Response(page.body, { status: 404, headers: page.headers });
  }
  return Response.error();
}
