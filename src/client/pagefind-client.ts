import { PAGEFIND_RANKING } from "../search/ranking";
import { countPages, searchWithQueryLayer, vocabularyChunksOf, type SearchOutcome } from "../search/run-search";
import type { PagefindApi } from "../search/pagefind-types";
import { Vocabulary } from "../search/vocabulary";
import { memoizePagefind, type PagefindMemo } from "../search/pagefind-memo";
import { prepareGlossaryIndex } from "../search/glossary-lookup";
import { connectPagefindWorker } from "./pagefind-worker-client";

export type { PagefindApi, PagefindResultData } from "../search/pagefind-types";

let loading: Promise<PagefindApi> | undefined;
let pageCount: Promise<number> | undefined;
let preparing: Promise<void> | undefined;
/** Pagefind's answers for this page's life: later queries repeat words and pages (pagefind-memo.ts). */
let remembered: PagefindMemo | undefined;

/**
 * Loads Pagefind on first use (never on page view) from under the base path. Pagefind runs its
 * WebAssembly in its web worker, which this page talks to directly (pagefind-worker-client.ts:
 * `pagefind.js` would download Pagefind's search code a second time). The worker costs a message
 * round trip per search, but compiling the WebAssembly and decoding index chunks on the main thread
 * blocked it for over half a second on a mobile CPU (Lighthouse TBT 765–1415 ms on the search page,
 * issue 12); in the worker the page stays responsive. Without a worker, `pagefind.js` runs on the
 * main thread.
 */
export function loadPagefind(): Promise<PagefindApi> {
  loading ??= (async () => {
    const base = import.meta.env.BASE_URL;
    const options = { baseUrl: base, ranking: PAGEFIND_RANKING };
    if (typeof Worker !== "undefined") {
      try {
        return await connectPagefindWorker(`${base}pagefind/`, options);
      } catch (error) {
        console.warn("Pagefind's web worker did not start; searching on the main thread", error);
      }
    }
    const pagefind = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as PagefindApi;
    await pagefind.options({ ...options, noWorker: true });
    await pagefind.init();
    return pagefind;
  })();
  loading.catch(() => (loading = undefined));
  return loading;
}

/** The search vocabulary (`search-vocab/`), fetched a chunk at a time as corrections need it. */
const vocabulary = new Vocabulary(async (file) => {
  const response = await fetch(`${import.meta.env.BASE_URL}${file}`);
  if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
  return response.json();
});

/**
 * Searches the site through the Korean query layer; `topic` is a topic label (Pagefind filter).
 * `asTyped` turns corrections off (the "search for what I typed" link).
 */
export async function searchSite(
  query: string,
  options: { topic?: string; asTyped?: boolean; whileSearching?: () => void } = {},
): Promise<SearchOutcome> {
  // While Pagefind loads, index the glossary in slices between tasks (never one long task).
  preparing ??= prepareGlossaryIndex(() => new Promise((resolve) => setTimeout(resolve, 0)));
  // The query's vocabulary chunks download while Pagefind loads, not after it.
  if (!options.asTyped) void preparing.then(() => vocabulary.load(vocabularyChunksOf(query))).catch(() => undefined);
  const [pagefind] = await Promise.all([loadPagefind(), preparing]);
  // From the vocabulary's manifest (already on its way); Pagefind's filter counts only without one.
  pageCount ??= vocabulary.pageCount().then((pages) => (pages > 0 ? pages : countPages(pagefind)));
  remembered ??= memoizePagefind(pagefind);
  return searchWithQueryLayer(remembered, query, {
    totalPages: await pageCount,
    filters: options.topic ? { topic: options.topic } : {},
    vocabulary: options.asTyped ? undefined : vocabulary,
    whileSearching: options.whileSearching,
  });
}
