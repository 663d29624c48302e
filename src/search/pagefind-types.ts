/**
 * The part of Pagefind's browser API (`pagefind.js`, 1.6) this site uses. The same module runs in
 * the browser and, with a fetch shim, under Node in tests and the benchmark.
 */
export interface PagefindResultData {
  url: string;
  /** The page's indexed text, words separated by whitespace (word positions count these). */
  content: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
}

export interface PagefindSearchResult {
  id: string;
  score: number;
  /** Positions of the matched words in `content`. */
  words: number[];
  data(): Promise<PagefindResultData>;
}

export type PagefindFilters = Record<string, string | string[]>;

export interface PagefindSearchResponse {
  results: PagefindSearchResult[];
  unfilteredResultCount: number;
}

export interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(query: string | null, options?: { filters?: PagefindFilters }): Promise<PagefindSearchResponse | null>;
  /** Fetches and loads the index chunks a search for `query` needs, without searching. */
  preload?(query: string, options?: { filters?: PagefindFilters }): Promise<void>;
  /** Filter values and their page counts, e.g. `{ topic: { Docker: 21 } }`. */
  filters(): Promise<Record<string, Record<string, number>>>;
}
