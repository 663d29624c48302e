import { existsSync, readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { median, relevance, relevanceByCategory, sitePath } from "../../bench/lib/search-metrics";
import {
  OWN_HARD_QUERIES,
  OWN_QUERIES,
  readQuerySet,
  SHARED_DEV_QUERIES,
  SHARED_HARD_QUERIES,
  VENDORED_DEV_QUERIES,
  VENDORED_HARD_QUERIES,
} from "../../bench/lib/search-queries";

test.runIf(existsSync(SHARED_DEV_QUERIES))("the vendored dev queries are byte-identical to ../shared/search", () => {
  expect(readFileSync(VENDORED_DEV_QUERIES).equals(readFileSync(SHARED_DEV_QUERIES))).toBe(true);
});

test.runIf(existsSync(SHARED_HARD_QUERIES))("the vendored hard dev queries are byte-identical to ../shared/search", () => {
  expect(readFileSync(VENDORED_HARD_QUERIES).equals(readFileSync(SHARED_HARD_QUERIES))).toBe(true);
});

test("every relevant line of both hard query sets is a question page; each covers the seven kinds", () => {
  const hard = readQuerySet(VENDORED_HARD_QUERIES);
  const ownHard = readQuerySet(OWN_HARD_QUERIES);
  expect(hard).toHaveLength(35);
  for (const set of [hard, ownHard]) {
    expect(new Set(set.map((q) => q.cat))).toEqual(new Set("TQJXPEH"));
    for (const query of set) {
      expect(query.relevant.length, query.q).toBeGreaterThan(0);
      for (const page of query.relevant) expect(page).toMatch(/^\/(docker|kubernetes|helm)\/[dkh]\d+\/$/);
    }
  }
  // Our own set is not a copy of the shared one.
  const shared = new Set(hard.map((q) => q.q));
  expect(ownHard.filter((q) => shared.has(q.q))).toEqual([]);
});

test("every relevant line of both query sets is a question page of the site", () => {
  const dev = readQuerySet(VENDORED_DEV_QUERIES);
  const own = readQuerySet(OWN_QUERIES);
  expect(dev).toHaveLength(35);
  expect(own.length).toBeGreaterThan(100);
  for (const query of [...dev, ...own]) {
    expect(query.relevant.length, query.q).toBeGreaterThan(0);
    for (const page of query.relevant) expect(page).toMatch(/^\/(docker|kubernetes|helm)\/[dkh]\d+\/$/);
    expect("KEMSCN").toContain(query.cat);
  }
  expect(dev[0]).toEqual({ q: "OS 24시간", cat: "K", relevant: ["/docker/d1/"] });
});

test("relevance figures: found@5, MRR@10, no-result count, per category", () => {
  const q = (cat: string, relevant: string[]) => ({ q: "x", cat, relevant });
  const runs = [
    { query: q("K", ["/a/"]), results: ["/a/"] },
    { query: q("K", ["/b/"]), results: ["/x/", "/b/"] },
    { query: q("S", ["/c/"]), results: ["/1/", "/2/", "/3/", "/4/", "/5/", "/c/"] },
    { query: q("S", ["/d/"]), results: [] },
  ];
  expect(relevance(runs)).toEqual({ queries: 4, foundAt5: 0.5, mrrAt10: (1 + 0.5 + 1 / 6) / 4, noResult: 1 });
  expect(relevanceByCategory(runs).get("K")).toEqual({ queries: 2, foundAt5: 1, mrrAt10: 0.75, noResult: 0 });
  expect(median([3, 1, 2])).toBe(2);
  expect(median([4, 1, 2, 3])).toBe(2.5);
  expect(sitePath("http://127.0.0.1:1/mspt3/docker/d5/?highlight=x", "/mspt3/")).toBe("/docker/d5/");
  expect(sitePath("/docker/d5/", "/")).toBe("/docker/d5/");
});
