import { expect, test } from "vitest";
import type { QueryPlan } from "../../src/search/query-plan";
import { rankPages, type AlternativeAnswer } from "../../src/search/rank-pages";

/** A plan of `n` concepts with a typed alternative (weight 1) and a glossary one (0.5). */
function plan(n: number): QueryPlan {
  return {
    concepts: Array.from({ length: n }, (_, i) => ({
      text: `c${i}`,
      alternatives: [
        { words: [`w${i}`], weight: 1, phrase: false },
        { words: [`g${i}`], weight: 0.5, phrase: false },
      ],
    })),
  };
}

const answer = (p: QueryPlan, concept: number, alternative: number, hits: [string, number][]): AlternativeAnswer => ({
  concept,
  alternative: p.concepts[concept]!.alternatives[alternative]!,
  hits: hits.map(([page, score]) => ({ page, score, words: [score] })),
});

test("a page matching every concept outranks a stronger page matching only some (Pagefind's AND first)", () => {
  const p = plan(2);
  const ranked = rankPages(
    p,
    [
      answer(p, 0, 0, [
        ["all", 5],
        ["strong", 30],
      ]),
      answer(p, 1, 0, [["all", 5]]),
    ],
    50,
  );
  expect(ranked.map((r) => r.page)).toEqual(["all", "strong"]);
  expect(ranked[0]!.coverage).toBe(1);
});

test("never an empty list while some concept matches: pages matching part of the query still show", () => {
  const p = plan(3);
  const ranked = rankPages(p, [answer(p, 0, 0, [["a", 3]]), answer(p, 1, 0, [["b", 2]])], 50);
  expect(ranked.map((r) => r.page)).toEqual(["a", "b"]);
});

test("a concept that matches nothing anywhere is left out, as Pagefind drops unknown words", () => {
  const p = plan(2);
  const ranked = rankPages(p, [answer(p, 0, 0, [["a", 3]])], 50);
  expect(ranked[0]).toMatchObject({ page: "a", coverage: 1, score: 3 });
});

test("a concept's best alternative counts, weighted; alternatives are not added up", () => {
  const p = plan(1);
  const ranked = rankPages(
    p,
    [
      answer(p, 0, 0, [["typed", 4]]),
      answer(p, 0, 1, [
        ["typed", 4],
        ["glossary", 6],
      ]),
    ],
    50,
  );
  expect(ranked.map((r) => [r.page, r.score])).toEqual([
    ["typed", 4],
    ["glossary", 3],
  ]);
});

test("a rare concept weighs more in coverage than one on every page", () => {
  const p = plan(2);
  const everywhere = Array.from({ length: 40 }, (_, i) => [`p${i}`, 1] as [string, number]);
  const ranked = rankPages(p, [answer(p, 0, 0, everywhere), answer(p, 1, 0, [["rare", 1]])], 50);
  expect(ranked[0]!.page).toBe("rare");
  expect(ranked[0]!.coverage).toBeGreaterThan(0.5);
});

test("matched words and positions are collected for excerpts and the answer page's highlight", () => {
  const p = plan(2);
  const ranked = rankPages(p, [answer(p, 0, 1, [["a", 2]]), answer(p, 1, 0, [["a", 7]])], 50);
  expect(ranked[0]!.matchedWords).toEqual(["g0", "w1"]);
  expect(ranked[0]!.words).toEqual([2, 7]);
});

test("ties keep a stable order", () => {
  const p = plan(1);
  const ranked = rankPages(
    p,
    [
      answer(p, 0, 0, [
        ["b", 1],
        ["a", 1],
      ]),
    ],
    50,
  );
  expect(ranked.map((r) => r.page)).toEqual(["a", "b"]);
});
