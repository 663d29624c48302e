import { describe, expect, test } from "vitest";
import { memoizePagefind, searchKey } from "../../src/search/pagefind-memo";
import type { PagefindFilters, PagefindResultData, PagefindSearchResponse } from "../../src/search/pagefind-types";

/**
 * A stand-in for Pagefind with a tiny fixed index: each page's words and topic. It counts every
 * search, preload and fragment load, so a test sees which answers came from the memo.
 */
function fakePagefind(options: { failSearches?: number; failData?: number } = {}) {
  const pages = [
    { id: "p1", words: ["파드", "재시작"], topic: "Kubernetes" },
    { id: "p2", words: ["파드", "도커"], topic: "Docker" },
    { id: "p3", words: ["재시작", "helm"], topic: "Helm" },
  ];
  const calls = { search: [] as string[], preload: [] as string[], data: [] as string[] };
  let failSearches = options.failSearches ?? 0;
  let failData = options.failData ?? 0;
  const api = {
    calls,
    async search(term: string | null, opts: { filters?: PagefindFilters } = {}): Promise<PagefindSearchResponse | null> {
      calls.search.push(searchKey(term ?? "", opts.filters));
      await Promise.resolve();
      if (failSearches > 0) {
        failSearches--;
        throw new Error("worker busy");
      }
      const topic = opts.filters?.topic;
      const results = pages
        .filter((p) => term === null || p.words.some((w) => w.startsWith(term)))
        .filter((p) => !topic || p.topic === topic)
        .map((p, i) => ({
          id: p.id,
          score: 1 / (i + 1),
          words: [i],
          data: async (): Promise<PagefindResultData> => {
            calls.data.push(p.id);
            await Promise.resolve();
            if (failData > 0) {
              failData--;
              throw new Error("fragment failed");
            }
            return { url: `/${p.id}/`, content: p.words.join(" "), excerpt: "", meta: { title: p.id }, filters: { topic: [p.topic] } };
          },
        }));
      return { results, unfilteredResultCount: results.length };
    },
    async preload(term: string, opts: { filters?: PagefindFilters } = {}) {
      calls.preload.push(searchKey(term, opts.filters));
    },
  };
  return api;
}

const shown = (response: PagefindSearchResponse | null) => response?.results.map((r) => ({ id: r.id, score: r.score, words: r.words }));

describe("memoizePagefind", () => {
  test("a remembered answer equals a fresh one, and costs no second search", async () => {
    const fresh = fakePagefind();
    const pagefind = fakePagefind();
    const memo = memoizePagefind(pagefind);
    const first = await memo.search("파드");
    const again = await memo.search("파드");
    expect(shown(again)).toEqual(shown(first));
    expect(shown(again)).toEqual(shown(await fresh.search("파드")));
    expect(pagefind.calls.search).toHaveLength(1);
    expect(memo.has("파드")).toBe(true);
    expect(memo.has("도커")).toBe(false);
  });

  test("filters are part of the key (in any order), and a filtered answer is the filtered one", async () => {
    const pagefind = fakePagefind();
    const memo = memoizePagefind(pagefind);
    const all = await memo.search("파드", { filters: {} });
    const docker = await memo.search("파드", { filters: { topic: "Docker" } });
    expect(shown(all)!.map((r) => r.id)).toEqual(["p1", "p2"]);
    expect(shown(docker)!.map((r) => r.id)).toEqual(["p2"]);
    expect(pagefind.calls.search).toHaveLength(2);
    // No filters and empty filters are the same search; filter names and values in any order too.
    await memo.search("파드");
    expect(searchKey("x", { a: "1", b: ["2", "3"] })).toBe(searchKey("x", { b: ["3", "2"], a: "1" }));
    expect(searchKey("x", { topic: "Docker" })).not.toBe(searchKey("x", { topic: "Helm" }));
    expect(searchKey("x", { topic: "Docker" })).not.toBe(searchKey("x"));
    expect(pagefind.calls.search).toHaveLength(2);
  });

  test("two queries that need the same word while it is being searched wait for one answer", async () => {
    const pagefind = fakePagefind();
    const memo = memoizePagefind(pagefind);
    const [a, b] = await Promise.all([memo.search("재시작"), memo.search("재시작")]);
    expect(shown(a)).toEqual(shown(b));
    expect(pagefind.calls.search).toHaveLength(1);
  });

  test("a failed search is forgotten: the next query searches again", async () => {
    const pagefind = fakePagefind({ failSearches: 1 });
    const memo = memoizePagefind(pagefind);
    await expect(memo.search("파드")).rejects.toThrow("worker busy");
    expect(memo.has("파드")).toBe(false);
    expect(shown(await memo.search("파드"))!.map((r) => r.id)).toEqual(["p1", "p2"]);
    expect(pagefind.calls.search).toHaveLength(2);
  });

  test("a page's data is loaded once, whichever search found it; a failed load is tried again", async () => {
    const pagefind = fakePagefind({ failData: 1 });
    const memo = memoizePagefind(pagefind);
    const byPod = (await memo.search("파드"))!.results;
    const byRestart = (await memo.search("재시작"))!.results;
    await expect(byPod[0]!.data()).rejects.toThrow("fragment failed");
    const p1 = await byPod[0]!.data();
    expect(p1.url).toBe("/p1/");
    // The same page found by another word: the same data, no second load.
    expect(byRestart[0]!.id).toBe("p1");
    expect(await byRestart[0]!.data()).toBe(p1);
    expect(pagefind.calls.data).toEqual(["p1", "p1"]);
  });

  test("preload sends nothing for a word already searched (or being searched), and is passed on otherwise", async () => {
    const pagefind = fakePagefind();
    const memo = memoizePagefind(pagefind);
    const searching = memo.search("파드");
    await memo.preload("파드");
    await memo.preload("도커");
    await memo.preload("파드", { filters: { topic: "Docker" } });
    await searching;
    expect(pagefind.calls.preload).toEqual([searchKey("도커"), searchKey("파드", { topic: "Docker" })]);
  });

  test("memory stays bounded: a full cache is emptied, and answers stay right after it", async () => {
    const pagefind = fakePagefind();
    const memo = memoizePagefind(pagefind, { searches: 2, pages: 1 });
    await memo.search("파드");
    await memo.search("도커");
    await memo.search("재시작"); // the third clears the cache first
    expect(memo.has("파드")).toBe(false);
    expect(memo.has("재시작")).toBe(true);
    expect(shown(await memo.search("파드"))!.map((r) => r.id)).toEqual(["p1", "p2"]);
    const results = (await memo.search("파드"))!.results;
    expect((await results[0]!.data()).url).toBe("/p1/");
    expect((await results[1]!.data()).url).toBe("/p2/");
    expect((await results[0]!.data()).url).toBe("/p1/"); // loaded again after the page cache was emptied
    expect(pagefind.calls.data).toEqual(["p1", "p2", "p1"]);
  });

  test("a filter-only search (no term) goes to Pagefind as it is", async () => {
    const pagefind = fakePagefind();
    const memo = memoizePagefind(pagefind);
    await memo.search(null, { filters: { topic: "Helm" } });
    await memo.search(null, { filters: { topic: "Helm" } });
    expect(pagefind.calls.search).toHaveLength(2);
  });
});
