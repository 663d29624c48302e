import { beforeAll, describe, expect, test } from "vitest";
import { relevance } from "../../../bench/lib/search-metrics";
import { DEV_QUERIES, OWN_QUERIES, readQuerySet } from "../../../bench/lib/search-queries";
import { PAGEFIND_RANKING } from "../../../src/search/ranking";
import type { PagefindApi } from "../../../src/search/pagefind-types";
import { countPages, searchWithQueryLayer } from "../../../src/search/run-search";
import { loadPagefindFromDist } from "../../helpers/pagefind-node";
import { SITE_DIR } from "../../helpers/site";

/**
 * The query layer on the real index of the built site, through the real `pagefind.js` running
 * in Node (fast; the browser tests check the page around it).
 */
let pagefind: PagefindApi;
let plain: PagefindApi;
let totalPages: number;

beforeAll(async () => {
  pagefind = await loadPagefindFromDist(SITE_DIR, { ranking: PAGEFIND_RANKING });
  plain = await loadPagefindFromDist(SITE_DIR);
  totalPages = await countPages(pagefind);
});

async function search(query: string, topic?: string): Promise<string[]> {
  const outcome = await searchWithQueryLayer(pagefind, query, { totalPages, filters: topic ? { topic } : {} });
  return Promise.all(outcome.pages.map(async (p) => (await p.data()).url));
}

async function plainSearch(query: string): Promise<string[]> {
  const response = await plain.search(query);
  return Promise.all((response?.results ?? []).map(async (r) => (await r.data()).url));
}

test("the index holds the 50 question pages", () => {
  expect(totalPages).toBe(50);
});

describe("Korean queries of each kind find the right answer first", () => {
  test.each([
    // particles and endings
    ["컨테이너를 지우면", "/docker/d5/"],
    ["노드가 하나", "/kubernetes/k22/"],
    ["롤백이 안되나요", "/kubernetes/k25/"],
    // English terms and mixed words
    ["ReplicaSet을 롤백", "/kubernetes/k25/"],
    ["Decouple containers", "/kubernetes/k1/"],
    ["docker pull 명시적", "/docker/d11/"],
    // transliterations and spelling variants
    ["레플리카셋 롤백", "/kubernetes/k25/"],
    ["인그레스 로드밸런서 차이", "/kubernetes/k19/"],
    ["오토스케일링", "/kubernetes/k26/"],
    ["버젼 자동", "/docker/d12/"],
    // commands and transcript text
    ["must force", "/docker/d5/"],
    ["my-nginx-deployment", "/kubernetes/k12/"],
    ["pod-template-hash", "/kubernetes/k12/"],
    ["docker-proxy", "/docker/d19/"],
    // half-remembered sentences
    ["볼륨 없이 데이터가 남아있나요", "/docker/d18/"],
    ["helm은 쿠버네티스 기본 기능인가요", "/helm/h1/"],
  ])("%s", async (query, page) => {
    expect((await search(query))[0]).toBe(page);
  });
});

test("when Pagefind's AND finds nothing, the layer still answers with the best partial matches", async () => {
  // Both words are in the index, never on one page.
  expect(await plainSearch("tiller 볼륨")).toEqual([]);
  const results = await search("tiller 볼륨");
  expect(results[0]).toBe("/helm/h1/"); // the rarer word counts more
  expect(results).toContain("/docker/d18/");
});

test("words that never stand together on a page but mean the same thing do: 만들다 for 생성", async () => {
  expect((await search("서비스 먼저 생성"))[0]).toBe("/kubernetes/k18/"); // "서비스를 먼저 만들어야"
});

test("a transliteration finds pages that only use the English term, and the other way round", async () => {
  const pod = await search("파드");
  expect(pod.length).toBeGreaterThan(5);
  expect(pod).toContain("/kubernetes/k4/"); // "Pod는 Node상에 구동되는데…", no 파드 in it
  expect(await search("scheduling")).toContain("/kubernetes/k5/"); // "Pod 스케쥴링"
});

test("the topic filter keeps results to one topic", async () => {
  const helm = await search("설치", "Helm");
  expect(helm.length).toBeGreaterThan(0);
  expect(helm.every((url) => url.startsWith("/helm/"))).toBe(true);
});

test("a query that matches nothing returns nothing", async () => {
  expect(await search("zzqxj")).toEqual([]);
});

test("a quoted query is an exact phrase", async () => {
  expect(await search('"must force"')).toEqual(["/docker/d5/"]);
});

test("on the dev queries and this repo's own queries: found@5 ≥ 0.97, MRR@10 ≥ 0.93, no query without results, better than plain Pagefind", async () => {
  for (const file of [DEV_QUERIES, OWN_QUERIES]) {
    const queries = readQuerySet(file);
    const layer = await Promise.all(queries.map(async (query) => ({ query, results: (await search(query.q)).slice(0, 10) })));
    const baseline = await Promise.all(queries.map(async (query) => ({ query, results: (await plainSearch(query.q)).slice(0, 10) })));
    const ours = relevance(layer);
    expect(ours.noResult, file).toBe(0);
    expect(ours.foundAt5, file).toBeGreaterThanOrEqual(0.97);
    expect(ours.mrrAt10, file).toBeGreaterThanOrEqual(0.93);
    expect(ours.mrrAt10, file).toBeGreaterThan(relevance(baseline).mrrAt10);
  }
});
