import type { Page } from "playwright-core";

/** Waits until a service worker controls the page: on a first visit, once it has installed (precached) and activated. */
export async function waitForServiceWorkerControl(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
}

/** Names of this site's offline caches in the page's origin. */
export function offlineCacheNames(page: Page): Promise<string[]> {
  return page.evaluate(async () => (await caches.keys()).filter((name) => name.startsWith("course-qa-offline:")));
}
