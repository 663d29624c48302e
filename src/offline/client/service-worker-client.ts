import type { PageRequest, SaveProgress, WorkerReply } from "../messages";
import { url } from "../../core/url";

/**
 * Registers `<base>sw.js` for the whole site (its scope is the base path) and talks to it.
 * `updateViaCache: "none"`: the browser always asks the server for a new `sw.js`, whatever
 * caching headers the host sends (GitHub Pages sends ten minutes for every file).
 */
let registering: Promise<ServiceWorkerRegistration | undefined> | undefined;

export const serviceWorkersSupported = () => "serviceWorker" in navigator && "caches" in window;

export function registerServiceWorker(): Promise<ServiceWorkerRegistration | undefined> {
  registering ??= serviceWorkersSupported()
    ? navigator.serviceWorker.register(url("sw.js"), { scope: url(""), updateViaCache: "none" }).catch((error: unknown) => {
        console.error("service worker registration failed", error);
        return undefined;
      })
    : Promise.resolve(undefined);
  return registering;
}

/**
 * The worker holding this page's version: the active one once there is one (the page came from
 * its cache), else the one being installed on a first visit.
 */
export async function workerForThisPage(): Promise<ServiceWorker | undefined> {
  const registration = await registerServiceWorker();
  return registration?.active ?? registration?.waiting ?? registration?.installing ?? undefined;
}

/** Sends a request; resolves with the first reply that is not progress (progress goes to `onProgress`). */
export function ask(worker: ServiceWorker, request: PageRequest, onProgress?: (progress: SaveProgress) => void): Promise<WorkerReply> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event: MessageEvent<WorkerReply>) => {
      if (event.data.type === "progress") onProgress?.(event.data);
      else {
        channel.port1.close();
        resolve(event.data);
      }
    };
    // A worker whose install failed stops without answering later requests: don't wait forever
    // (after a moment, so its own last message, which says why, arrives first).
    worker.addEventListener("statechange", () => {
      if (worker.state === "redundant") {
        setTimeout(() => resolve({ type: "failed", reason: "network", detail: "the service worker stopped" }), 1000);
      }
    });
    worker.postMessage(request, [channel.port2]);
  });
}

/** Resolves once a service worker controls this page (on a first visit, when install has finished). */
export function whenControlled(): Promise<void> {
  if (navigator.serviceWorker.controller) return Promise.resolve();
  return new Promise((resolve) => navigator.serviceWorker.addEventListener("controllerchange", () => resolve(), { once: true }));
}
