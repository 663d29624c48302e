import type { Alternative, QueryPlan } from "./query-plan";

/**
 * Merges the answers to a plan's Pagefind queries into one ranking. Pagefind only ANDs, so the
 * OR across alternatives and the partial matches across concepts happen here:
 *
 * - a concept's score on a page is its best alternative's Pagefind score times that
 *   alternative's weight (a hit through the glossary counts a little less than the typed word);
 * - a page's score is the sum of its concept scores, times its *coverage* cubed: the share of
 *   the query it matches, each concept counted by its rarity (IDF), so a page matching every
 *   word comes first — Pagefind's AND — and a page matching some still shows, never an empty
 *   list while any word matches; a concept that matches no page at all is left out, as Pagefind
 *   drops unknown words.
 */

/** One page in one Pagefind answer: its score and the word positions it matched. */
export interface PageHit {
  readonly page: string;
  readonly score: number;
  readonly words: readonly number[];
}

/** The answer to one alternative of one concept. */
export interface AlternativeAnswer {
  readonly concept: number;
  readonly alternative: Alternative;
  readonly hits: readonly PageHit[];
}

export interface RankedPage {
  readonly page: string;
  readonly score: number;
  /** Share of the query's weight (0–1] the page matches. */
  readonly coverage: number;
  /** Word positions matched by any alternative, for the excerpt. */
  readonly words: readonly number[];
  /** The alternatives that found the page, as search words: what to mark on the answer page. */
  readonly matchedWords: readonly string[];
}

export const MERGE_SETTINGS = {
  /** Exponent on coverage: 3 makes matching every concept outweigh even a strong partial match. */
  coverageExponent: 3,
} as const;

export function rankPages(plan: QueryPlan, answers: readonly AlternativeAnswer[], totalPages: number): RankedPage[] {
  const conceptCount = plan.concepts.length;
  const pagesPerConcept = Array.from({ length: conceptCount }, () => new Set<string>());
  for (const answer of answers) for (const hit of answer.hits) pagesPerConcept[answer.concept]?.add(hit.page);
  const idf = pagesPerConcept.map((pages) => inverseDocumentFrequency(pages.size, totalPages));
  const totalIdf = idf.reduce((sum, value, i) => sum + (pagesPerConcept[i]!.size > 0 ? value : 0), 0);

  interface Tally {
    conceptScores: number[];
    words: Set<number>;
    matchedWords: Set<string>;
  }
  const tallies = new Map<string, Tally>();
  for (const answer of answers) {
    for (const hit of answer.hits) {
      let tally = tallies.get(hit.page);
      if (!tally) {
        tally = { conceptScores: new Array<number>(conceptCount).fill(0), words: new Set(), matchedWords: new Set() };
        tallies.set(hit.page, tally);
      }
      const weighted = hit.score * answer.alternative.weight;
      tally.conceptScores[answer.concept] = Math.max(tally.conceptScores[answer.concept] ?? 0, weighted);
      for (const w of hit.words) tally.words.add(w);
      for (const w of answer.alternative.words) tally.matchedWords.add(w);
    }
  }

  const ranked: RankedPage[] = [];
  for (const [page, tally] of tallies) {
    let matchedIdf = 0;
    let sum = 0;
    tally.conceptScores.forEach((score, i) => {
      if (score > 0) {
        matchedIdf += idf[i]!;
        sum += score;
      }
    });
    const coverage = totalIdf > 0 ? matchedIdf / totalIdf : 1;
    ranked.push({
      page,
      score: sum * coverage ** MERGE_SETTINGS.coverageExponent,
      coverage,
      words: [...tally.words].sort((a, b) => a - b),
      matchedWords: [...tally.matchedWords],
    });
  }
  // Ties (equal scores) keep a stable order by page id so a search always shows the same list.
  return ranked.sort((a, b) => b.score - a.score || (a.page < b.page ? -1 : a.page > b.page ? 1 : 0));
}

/** BM25's IDF, never below a small positive value so a word on every page still counts a little. */
function inverseDocumentFrequency(pagesWithTerm: number, totalPages: number): number {
  const n = Math.max(totalPages, pagesWithTerm);
  return Math.max(0.05, Math.log(1 + (n - pagesWithTerm + 0.5) / (pagesWithTerm + 0.5)));
}
