import type { PagefindApi, PagefindResultData, PagefindSearchResponse } from "../search/pagefind-types";

/**
 * Pagefind's web worker (`pagefind/pagefind-worker.js`), driven directly instead of through
 * `pagefind.js`.
 *
 * Why: `pagefind.js` holds Pagefind's whole search code (13 KB gzip) only to run it on the main
 * thread as a fallback, and then starts the worker, which holds the same code again (12 KB): a
 * first search downloaded Pagefind's search code twice. This client is what `pagefind.js` does in
 * the browser when the worker starts — the same messages (`{id, instanceId, method, args}` answered
 * by `{id, result | error}`) with the same options — so the same Pagefind code answers every search
 * (Pagefind 1.6; `tests/e2e/search-ui.test.ts` searches through it in Chromium). If the worker cannot
 * start or answer, `pagefind.js` is loaded after all and runs on the main thread, as it would itself.
 * Node (tests, benchmark) uses `pagefind.js` itself.
 */
const INSTANCE = "site";

interface WorkerAnswer {
  id: string;
  result?: unknown;
  error?: string;
}

export async function connectPagefindWorker(
  pagefindUrl: string,
  options: Record<string, unknown>,
  language = document.documentElement.lang.toLowerCase() || "unknown",
): Promise<PagefindApi> {
  const worker = new Worker(`${pagefindUrl}pagefind-worker.js`);
  const pending = new Map<string, { resolve(value: unknown): void; reject(error: Error): void }>();
  let failure: Error | undefined;
  let nextId = 0;
  const fail = (error: Error) => {
    failure = error;
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
    worker.terminate();
  };
  worker.addEventListener("message", (event: MessageEvent<WorkerAnswer>) => {
    const { id, result, error } = event.data;
    const waiting = pending.get(id);
    if (!waiting) return;
    pending.delete(id);
    if (error) waiting.reject(new Error(error));
    else waiting.resolve(result);
  });
  worker.addEventListener("error", (event) => fail(new Error(`Pagefind's web worker failed: ${event.message}`)));
  const call = <T>(method: string, args: unknown[]): Promise<T> =>
    failure
      ? Promise.reject(failure)
      : new Promise<T>((resolve, reject) => {
          const id = `m${nextId++}`;
          pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
          worker.postMessage({ id, instanceId: INSTANCE, method, args });
        });
  // The worker keeps each result's fragment loader until told to let go: once nothing can call it.
  const release = new FinalizationRegistry<string>((dataId) => void call("releaseData", [dataId]).catch(() => undefined));

  const basePath = new URL(pagefindUrl, location.href).pathname;
  const ready = call<boolean>("init", [{ ...options, basePath, language, primary: true }]);
  await Promise.race([
    ready,
    new Promise((_, reject) => setTimeout(() => reject(new Error("Pagefind's web worker did not start in 5 s")), 5000)),
  ]).catch((error: Error) => {
    fail(error);
    throw error;
  });

  return {
    options: (more) => call("options", [more]),
    init: async () => undefined,
    async search(query, searchOptions = {}) {
      const response = await call<PagefindSearchResponse | null>("search", [query, searchOptions]);
      for (const result of response?.results ?? []) {
        const dataId = result.data as unknown as string;
        const data = () => call<PagefindResultData>("getData", [dataId]);
        release.register(data, dataId);
        result.data = data;
      }
      return response;
    },
    preload: (query, preloadOptions = {}) => call("preload", [query, preloadOptions]),
    filters: () => call("filters", []),
  };
}
