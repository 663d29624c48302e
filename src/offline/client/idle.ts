/**
 * Offline work waits for a quiet moment: after the page has loaded, when the main thread is idle
 * (`requestIdleCallback`, at most a few seconds later), and on the search page only after the
 * first search has shown its results, so registering the worker and its background downloads never
 * compete with what the reader came for.
 */
const SEARCH_DONE = "[data-search-result], [data-search-empty]";
const LONGEST_WAIT_MS = 5_000;

export function whenIdle(): Promise<void> {
  return loaded()
    .then(firstSearchShown)
    .then(
      () =>
        new Promise<void>((resolve) => {
          if ("requestIdleCallback" in window) window.requestIdleCallback(() => resolve(), { timeout: LONGEST_WAIT_MS });
          else setTimeout(resolve, 1_000);
        }),
    );
}

function loaded(): Promise<void> {
  if (document.readyState === "complete") return Promise.resolve();
  return new Promise((resolve) => window.addEventListener("load", () => resolve(), { once: true }));
}

/** On a page with a search running from its address (`search/?q=…`), until its results (or "no results") are shown. */
function firstSearchShown(): Promise<void> {
  const list = document.querySelector("[data-search-results]");
  if (!list || !new URLSearchParams(location.search).get("q") || document.querySelector(SEARCH_DONE)) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      observer.disconnect();
      clearTimeout(timer);
      resolve();
    };
    const observer = new MutationObserver(() => {
      if (document.querySelector(SEARCH_DONE)) done();
    });
    observer.observe(document.body, { childList: true, subtree: true });
    const timer = setTimeout(done, LONGEST_WAIT_MS);
  });
}
