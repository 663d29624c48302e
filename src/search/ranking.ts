/**
 * Pagefind's ranking options (`pagefind.options({ ranking })`) and the query layer's weights,
 * in one place. Measured with `npm run bench:search` (the dev queries and tests/fixtures/search/
 * own-queries.json): relevance sat on a plateau around these values, so they are set for their
 * reasons, not to the decimal.
 */
export const PAGEFIND_RANKING = {
  /**
   * How much an exact word beats a longer word it is a prefix of (default 1). Korean writes the
   * particle on the word (`컨테이너가`), so a prefix hit is the normal case, not a weak one; the
   * stems in the page keywords already give exact hits their due.
   */
  termSimilarity: 0.5,
  /**
   * Meta fields add to a page's score when they match. `title` is the question (Pagefind's
   * default weight); `keywords` the page's stems and glossary spellings; `transcript` the joined
   * words of terminal transcripts, counted below prose.
   */
  metaWeights: { title: 5, keywords: 1, transcript: 0.5 },
} as const;
