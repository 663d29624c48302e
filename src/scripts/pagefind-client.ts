/**
 * Loads Pagefind's browser bundle on first use (not on every page view) from under the base path.
 * Types cover the part of the API this site uses.
 */
export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
}

export interface PagefindSearchResult {
  id: string;
  score: number;
  data(): Promise<PagefindResultData>;
}

export interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(query: string | null, options?: { filters?: Record<string, string | string[]> }): Promise<{ results: PagefindSearchResult[] } | null>;
}

let loading: Promise<PagefindApi> | undefined;

export function loadPagefind(): Promise<PagefindApi> {
  loading ??= (async () => {
    const base = import.meta.env.BASE_URL;
    const pagefind = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as PagefindApi;
    await pagefind.options({ baseUrl: base });
    await pagefind.init();
    return pagefind;
  })();
  return loading;
}
