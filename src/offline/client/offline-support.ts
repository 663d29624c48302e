import { registerServiceWorker, serviceWorkersSupported } from "./service-worker-client";
import { watchForUpdates } from "./update-notice";
import "./offline-save";

/**
 * Entry point on every page: registers the service worker once the page has loaded (it never
 * competes with the page itself) and watches for new deploys. `astro dev` has no `sw.js`.
 * On the search page opened with a query, it waits until the first results are shown (the
 * page's `search-results-shown` event, or 10 s) and the browser is idle: registering and
 * installing the worker must not compete with the first search (issue 12).
 */
function afterFirstSearch(): Promise<void> {
  return new Promise<void>((resolve) => {
    const searching = document.querySelector("search-page") && new URL(location.href).searchParams.get("q");
    if (!searching) return resolve();
    document.addEventListener("search-results-shown", () => resolve(), { once: true });
    setTimeout(resolve, 10_000);
  }).then(
    () =>
      new Promise((resolve) =>
        "requestIdleCallback" in window ? requestIdleCallback(() => resolve(), { timeout: 2000 }) : setTimeout(resolve, 0),
      ),
  );
}

if (import.meta.env.PROD && serviceWorkersSupported()) {
  const start = async () => {
    await afterFirstSearch();
    const registration = await registerServiceWorker();
    const region = document.querySelector<HTMLElement>("[data-update-notice]");
    if (registration && region) watchForUpdates(registration, region);
  };
  if (document.readyState === "complete") void start();
  else window.addEventListener("load", () => void start(), { once: true });
}
