import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { decode } from "cbor2";
import { afterAll, beforeAll, expect, test } from "vitest";
import { DEV_QUERIES, HARD_QUERIES, OWN_HARD_QUERIES, OWN_QUERIES, readQuerySet } from "../../../bench/lib/search-queries";
import { writePagefindIndex } from "../../../src/build/pagefind-index";
import { PAGEFIND_RANKING } from "../../../src/search/ranking";
import { countPages, searchWithQueryLayer } from "../../../src/search/run-search";
import type { PagefindApi } from "../../../src/search/pagefind-types";
import { loadPagefindFromDist } from "../../helpers/pagefind-node";
import { loadVocabularyFromDist } from "../../helpers/vocabulary-node";
import { SITE_DIR } from "../../helpers/site";

/**
 * The build recuts Pagefind's word index into smaller chunks (src/build/pagefind-chunks.ts) and renames
 * its fragments shorter (src/build/pagefind-fragment-names.ts). Here the
 * built site is indexed again by Pagefind as it comes, into a copy, and every query of the four query
 * sets — with corrections and as typed — must answer the same pages with the same scores on both.
 */
let pagefindOwnChunks: string;

beforeAll(async () => {
  pagefindOwnChunks = mkdtempSync(path.join(tmpdir(), "pagefind-own-chunks-"));
  cpSync(SITE_DIR, pagefindOwnChunks, { recursive: true, filter: (source) => !source.includes(`${path.sep}pagefind`) });
  await writePagefindIndex(pagefindOwnChunks);
  // The vocabulary is not part of the index: the same files answer both.
  cpSync(path.join(SITE_DIR, "search-vocab"), path.join(pagefindOwnChunks, "search-vocab"), { recursive: true });
}, 120_000);

afterAll(() => rmSync(pagefindOwnChunks, { recursive: true, force: true }));

const readPagefindFile = (file: string) => decode(gunzipSync(readFileSync(file)).subarray("pagefind_dcd".length)) as unknown[];
const metaOf = (siteDir: string) => {
  const dir = path.join(siteDir, "pagefind");
  return readPagefindFile(
    path.join(
      dir,
      readdirSync(dir).find((f) => f.endsWith(".pf_meta"))!,
    ),
  );
};
const wordsOf = (siteDir: string) =>
  new Map(
    (metaOf(siteDir)[2] as string[][]).flatMap(([, , hash]) =>
      (readPagefindFile(path.join(siteDir, "pagefind", "index", `${hash}.pf_index`))[0] as [string, ...unknown[]][]).map(
        (w): [string, string] => [w[0], JSON.stringify(w)],
      ),
    ),
  );

test("the recut index holds exactly Pagefind's words, in smaller chunks", () => {
  const ours = wordsOf(SITE_DIR);
  const pagefinds = wordsOf(pagefindOwnChunks);
  expect(ours.size).toBe(pagefinds.size);
  for (const [word, data] of pagefinds) expect(ours.get(word), word).toBe(data);
  const chunkCount = (siteDir: string) => readdirSync(path.join(siteDir, "pagefind", "index")).length;
  expect(chunkCount(SITE_DIR)).toBeGreaterThan(chunkCount(pagefindOwnChunks));
  // Everything else in the metadata (filters, meta fields, the pages but for their fragments' names) is Pagefind's own.
  const [ourMeta, theirMeta] = [metaOf(SITE_DIR), metaOf(pagefindOwnChunks)];
  const pagesWithoutNames = (meta: unknown[]) => (meta[1] as unknown[][]).map((p) => p.slice(1));
  expect([ourMeta[0], pagesWithoutNames(ourMeta), ourMeta[3], ...ourMeta.slice(4)]).toEqual([
    theirMeta[0],
    pagesWithoutNames(theirMeta),
    theirMeta[3],
    ...theirMeta.slice(4),
  ]);
});

test("each page's fragment, renamed shorter (src/build/pagefind-fragment-names.ts), is Pagefind's fragment for that page", () => {
  const names = (meta: unknown[]) => (meta[1] as string[][]).map((p) => p[0]!);
  const [ours, theirs] = [names(metaOf(SITE_DIR)), names(metaOf(pagefindOwnChunks))];
  expect(ours.length).toBe(theirs.length);
  const fragment = (siteDir: string, name: string) =>
    gunzipSync(readFileSync(path.join(siteDir, "pagefind", "fragment", `${name}.pf_fragment`)));
  ours.forEach((name, i) => {
    expect(name).toMatch(/^[0-9a-v]{5,}$/);
    expect(theirs[i]).toMatch(/^ko_[0-9a-f]{7,}$/);
    expect(fragment(SITE_DIR, name).equals(fragment(pagefindOwnChunks, theirs[i]!)), `${name} ≠ Pagefind's ${theirs[i]}`).toBe(true);
  });
  // One file per name, nothing left of Pagefind's names.
  expect(readdirSync(path.join(SITE_DIR, "pagefind", "fragment")).sort()).toEqual([...new Set(ours)].map((n) => `${n}.pf_fragment`).sort());
});

test("every query of the four query sets answers the same on the recut index as on Pagefind's own chunks", async () => {
  const queries = [DEV_QUERIES, OWN_QUERIES, HARD_QUERIES, OWN_HARD_QUERIES].flatMap((file) => readQuerySet(file).map((q) => q.q));
  const answers = async (siteDir: string) => {
    const pagefind: PagefindApi = await loadPagefindFromDist(siteDir, { ranking: PAGEFIND_RANKING });
    const vocabulary = loadVocabularyFromDist(siteDir);
    const totalPages = await countPages(pagefind);
    const out: string[] = [];
    for (const query of queries)
      for (const corrections of [true, false]) {
        // One after the other, as in search-corrections.test.ts: concurrent searches may tie-break differently.
        const outcome = await searchWithQueryLayer(pagefind, query, { totalPages, vocabulary: corrections ? vocabulary : undefined });
        const pages = await Promise.all(outcome.pages.map(async (p) => `${(await p.data()).url} ${p.score.toPrecision(6)}`));
        out.push(`${query} (corrections ${corrections}) → ${outcome.searched}: ${pages.join(", ")}`);
      }
    return out;
  };
  const ours = await answers(SITE_DIR);
  const pagefinds = await answers(pagefindOwnChunks);
  expect(ours.length).toBe(queries.length * 2);
  expect(ours).toEqual(pagefinds);
}, 120_000);
