import { beforeAll, describe, expect, test } from "vitest";
import { relevance } from "../../bench/lib/search-metrics";
import { DEV_QUERIES, HARD_QUERIES, OWN_HARD_QUERIES, OWN_QUERIES, readQuerySet } from "../../bench/lib/search-queries";
import { chunkKeyOf, type Vocabulary } from "../../src/search/vocabulary";
import { PAGEFIND_RANKING } from "../../src/search/ranking";
import type { PagefindApi, PagefindFilters } from "../../src/search/pagefind-types";
import { planQuery } from "../../src/search/query-plan";
import { isNeverCorrected } from "../../src/search/corrections";
import { countPages, searchWithQueryLayer, type SearchOutcome } from "../../src/search/run-search";
import { memoizePagefind } from "../../src/search/pagefind-memo";
import { loadPagefindFromDist } from "../helpers/pagefind-node";
import { loadVocabularyFromDist } from "../helpers/vocabulary-node";
import { SITE_DIR } from "../helpers/site";

/**
 * Corrections on the real index and the real vocabulary the build exported, through the real
 * `pagefind.js` in Node: the hard query sets, each correction kind, and the promise that a query
 * whose words are all in the vocabulary returns exactly what it returned without corrections.
 */
let pagefind: PagefindApi;
let totalPages: number;
let vocabulary: Vocabulary;

beforeAll(async () => {
  pagefind = await loadPagefindFromDist(SITE_DIR, { ranking: PAGEFIND_RANKING });
  totalPages = await countPages(pagefind);
  vocabulary = loadVocabularyFromDist(SITE_DIR);
});

const search = (query: string, corrections = true) =>
  searchWithQueryLayer(pagefind, query, { totalPages, vocabulary: corrections ? vocabulary : undefined });
const urls = async (outcome: SearchOutcome) => Promise.all(outcome.pages.map(async (p) => (await p.data()).url));

test("the vocabulary's page count is the index's (the search page takes word rarity's page count from it)", async () => {
  expect(await vocabulary.pageCount()).toBe(totalPages);
  expect(totalPages).toBeGreaterThan(40);
});

test("the build exported a vocabulary of the index, with document frequencies", async () => {
  await vocabulary.load(["ㄹ", "ㅋ", "d", "k", "t"]);
  expect(vocabulary.frequency("롤백")).toBeGreaterThan(0);
  expect(vocabulary.frequency("docker")).toBeGreaterThan(vocabulary.frequency("롤백"));
  expect(vocabulary.frequency("kubectl")).toBeGreaterThan(0);
  expect(vocabulary.frequency("tiller")).toBeGreaterThan(0); // a word on one page
  expect(vocabulary.frequency("롤벡")).toBe(0);
});

describe("each correction kind finds the answer and says what it searched", () => {
  test.each([
    ["keyboard layout, IME off", "fhfqor", "롤백", "/kubernetes/k25/"],
    ["keyboard layout, IME on", "애찯ㄱ 볼륨", "docker 볼륨", "/docker/d18/"],
    ["typo", "롤벡 레플리카셋", "롤백 레플리카셋", "/kubernetes/k25/"],
    ["syllable being composed", "인그렛 ClusterIP", "인그레스 ClusterIP", "/kubernetes/k18/"],
    ["words run together", "로드밸런서인그레스차이", undefined, "/kubernetes/k19/"],
    // `구저` matches one page (h1, whose notes misspell 구조 as `구져여서`): a confused vowel (ㅓ/ㅗ)
    // from 구조, on three pages more.
    ["a word that matches very little", "구저", "구조", "/kubernetes/k17/"],
  ])("%s: %s", async (_kind, query, searched, page) => {
    const outcome = await search(query);
    if (searched) expect(outcome.searched).toBe(searched);
    expect((await urls(outcome)).slice(0, 3)).toContain(page);
  });
});

test("a query of words that are all in the vocabulary is never corrected", async () => {
  for (const query of ["kubectl", "tiller", "8080", "롤백이 안되나요", "pod-template-hash"]) {
    expect((await search(query)).corrections, query).toEqual([]);
  }
});

test("on every query of the dev and own sets whose words are all in the vocabulary, corrections change nothing", async () => {
  let unchanged = 0;
  for (const file of [DEV_QUERIES, OWN_QUERIES]) {
    for (const { q } of readQuerySet(file)) {
      const words = planQuery(q)
        .concepts.filter((c) => !c.text.includes(" "))
        .map((c) => c.text);
      await vocabulary.load(words.flatMap((w) => chunkKeyOf(w) ?? []));
      if (!words.every((w) => isNeverCorrected(w) || vocabulary.knowsPrefix(w))) continue;
      // One after the other: concurrent searches on one Pagefind instance may tie-break differently.
      const withCorrections = await search(q);
      const without = await search(q, false);
      expect(withCorrections.corrections, q).toEqual([]);
      // Same pages in the same order; scores equal to Pagefind's float precision (its own runs differ past 7 digits).
      const shown = (o: SearchOutcome) => o.pages.map((p) => `${p.page} ${p.score.toPrecision(6)}`);
      expect(shown(withCorrections), q).toEqual(shown(without));
      unchanged++;
    }
  }
  // Nearly all of the 141 queries are made of indexed words; the few that are not may be corrected.
  expect(unchanged).toBeGreaterThan(130);
});

test("Pagefind's answers remembered across queries (the search page's memo) equal fresh ones, filters included", async () => {
  // One memo for every query in a row, as on the search page in one visit; a fresh Pagefind
  // instance's answers to compare with. Sequential: concurrent searches may tie-break differently.
  const memo = memoizePagefind(pagefind);
  const fresh = await loadPagefindFromDist(SITE_DIR, { ranking: PAGEFIND_RANKING });
  const shown = async (o: SearchOutcome) =>
    Promise.all(o.pages.map(async (p) => `${p.page} ${p.score.toPrecision(6)} ${(await p.data()).url} ${o.searched}`));
  const queries = [DEV_QUERIES, OWN_QUERIES, HARD_QUERIES].flatMap((file) => readQuerySet(file).map((q) => q.q));
  let compared = 0;
  const filterSets: PagefindFilters[] = [{}, { topic: "Kubernetes" }];
  for (const filters of filterSets) {
    for (const q of filters.topic ? queries.slice(0, 40) : queries) {
      const remembered = await searchWithQueryLayer(memo, q, { totalPages, vocabulary, filters });
      const again = await searchWithQueryLayer(fresh, q, { totalPages, vocabulary, filters });
      expect(await shown(remembered), q).toEqual(await shown(again));
      compared++;
    }
  }
  expect(compared).toBe(176 + 40);
  // The memo did its job: a word searched for the whole index is not the same search under a topic.
  expect(memo.has("파드")).toBe(true);
  expect(memo.has("파드", { topic: "Kubernetes" })).toBe(true);
  expect(memo.has("파드", { topic: "Helm" })).toBe(false);
});

test("hard dev queries: found@5 ≥ 0.97, MRR@10 ≥ 0.90, no query without results; own hard set likewise", async () => {
  for (const file of [HARD_QUERIES, OWN_HARD_QUERIES]) {
    const runs = await Promise.all(
      readQuerySet(file).map(async (query) => ({ query, results: (await urls(await search(query.q))).slice(0, 10) })),
    );
    const figures = relevance(runs);
    expect(figures.noResult, file).toBe(0);
    expect(figures.foundAt5, file).toBeGreaterThanOrEqual(0.97);
    expect(figures.mrrAt10, file).toBeGreaterThanOrEqual(0.9);
  }
});

test("the dev and own sets stay where they were with corrections on (1.000/0.986 and 1.000/0.995)", async () => {
  for (const [file, mrr] of [
    [DEV_QUERIES, 0.985],
    [OWN_QUERIES, 0.995],
  ] as const) {
    const runs = await Promise.all(
      readQuerySet(file).map(async (query) => ({ query, results: (await urls(await search(query.q))).slice(0, 10) })),
    );
    const figures = relevance(runs);
    expect(figures.foundAt5, file).toBe(1);
    expect(figures.mrrAt10, file).toBeGreaterThanOrEqual(mrr);
  }
});

test("a correction that would find nothing is not made: the typed query's own answer stands", async () => {
  const outcome = await search("zzqxj");
  expect(outcome.corrections).toEqual([]);
  expect(outcome.searched).toBe("zzqxj");
});
