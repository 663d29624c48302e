import type { PagefindApi, PagefindFilters, PagefindResultData, PagefindSearchResponse } from "./pagefind-types";

/**
 * Pagefind's answers, remembered for the life of a page. The query layer runs one Pagefind search
 * per word and alternative (`run-search.ts`), each a round trip to Pagefind's web worker, then
 * loads each shown result's fragment, another round trip each. A student types several queries in
 * one visit and they share words (`파드 재시` → `파드 재시작`; the glossary spellings of common terms
 * such as `kubernetes` recur in most queries) and pages, so the second time a word or page is
 * needed the answer is already here. The index never changes while a page is open, so a
 * remembered answer is the answer Pagefind would give again (`tests/search/pagefind-memo.test.ts`,
 * and the real index in `tests/e2e/search-corrections.test.ts`).
 *
 * - A search is remembered per (term, filters): the same word under another topic filter is
 *   another search. A failed search is forgotten, so the next query tries again.
 * - A result's data (its fragment) is remembered per page id, across searches. Only its
 *   term-independent fields are read by the site (url, content, meta, filters); Pagefind's own
 *   `excerpt` and `locations` are those of the search that first loaded the page.
 * - `preload` of a term already searched (or being searched) sends nothing to the worker.
 *
 * Memory stays bounded: each cache is emptied when it reaches its limit (a visit rarely comes
 * near it). Why not a library: the job is two maps keyed by strings, and the promise kept for a
 * search in flight (two queries that need the same word wait for one answer) is specific to this.
 */

type Searchable = Pick<PagefindApi, "search" | "preload">;

export interface PagefindMemo extends Pick<PagefindApi, "search"> {
  preload(term: string, options?: { filters?: PagefindFilters }): Promise<void>;
  /** Whether `term` under `filters` has been searched, or is being searched (no round trip needed). */
  has(term: string, filters?: PagefindFilters): boolean;
}

export interface PagefindMemoLimits {
  /** Remembered searches (term × filters). */
  searches?: number;
  /** Remembered result fragments (pages). */
  pages?: number;
}

export function memoizePagefind(pagefind: Searchable, limits: PagefindMemoLimits = {}): PagefindMemo {
  const maxSearches = limits.searches ?? 2_000;
  const maxPages = limits.pages ?? 500;
  const searches = new Map<string, Promise<PagefindSearchResponse | null>>();
  const pages = new Map<string, Promise<PagefindResultData>>();

  const loadData = (id: string, load: () => Promise<PagefindResultData>) => {
    let data = pages.get(id);
    if (!data) {
      if (pages.size >= maxPages) pages.clear();
      data = load();
      pages.set(id, data);
      data.catch(() => {
        if (pages.get(id) === data) pages.delete(id);
      });
    }
    return data;
  };

  const search = (term: string | null, options: { filters?: PagefindFilters } = {}) => {
    if (term === null) return pagefind.search(term, options); // a filter-only search: not the query layer's
    const key = searchKey(term, options.filters);
    let answer = searches.get(key);
    if (!answer) {
      if (searches.size >= maxSearches) searches.clear();
      answer = pagefind.search(term, options).then((response) =>
        response
          ? {
              ...response,
              results: response.results.map((r) => {
                const load = () => r.data();
                return { ...r, data: () => loadData(r.id, load) };
              }),
            }
          : response,
      );
      searches.set(key, answer);
      const kept = answer;
      kept.catch(() => {
        if (searches.get(key) === kept) searches.delete(key);
      });
    }
    return answer;
  };

  const preload = async (term: string, options: { filters?: PagefindFilters } = {}) => {
    if (searches.has(searchKey(term, options.filters)) || !pagefind.preload) return;
    await pagefind.preload(term, options);
  };

  return { search, preload, has: (term, filters) => searches.has(searchKey(term, filters)) };
}

/** A search's cache key: the term and the filters, in a fixed order (`{a, b}` is `{b, a}`). */
export function searchKey(term: string, filters: PagefindFilters = {}): string {
  const sorted = Object.keys(filters)
    .sort()
    .map((name) => {
      const value = filters[name]!;
      return [name, Array.isArray(value) ? [...value].sort() : value];
    });
  return JSON.stringify([term, sorted]);
}
