import type { JudgedQuery } from "./search-queries";
import { normalizeBase } from "../../src/core/base-path.mjs";

/** The ranked result paths one engine returned for one query (base path and query string removed). */
export interface QueryRun {
  readonly query: JudgedQuery;
  readonly results: readonly string[];
  /** Milliseconds from asking to seeing results, when measured. */
  readonly ms?: number;
}

export interface Relevance {
  readonly queries: number;
  /** Share of queries with a relevant page among the first 5 results. */
  readonly foundAt5: number;
  /** Mean reciprocal rank of the first relevant page within the first 10 (0 when none). */
  readonly mrrAt10: number;
  /** Queries that returned no result at all. */
  readonly noResult: number;
}

/** 1-based rank of the first relevant result, or undefined. */
export function firstRelevantRank(run: QueryRun): number | undefined {
  const index = run.results.findIndex((path) => run.query.relevant.includes(path));
  return index >= 0 ? index + 1 : undefined;
}

export function relevance(runs: readonly QueryRun[]): Relevance {
  let found = 0;
  let reciprocal = 0;
  let noResult = 0;
  for (const run of runs) {
    const rank = firstRelevantRank(run);
    if (rank !== undefined && rank <= 5) found++;
    if (rank !== undefined && rank <= 10) reciprocal += 1 / rank;
    if (run.results.length === 0) noResult++;
  }
  const n = runs.length || 1;
  return { queries: runs.length, foundAt5: found / n, mrrAt10: reciprocal / n, noResult };
}

/** Relevance per category, categories in first-seen order. */
export function relevanceByCategory(runs: readonly QueryRun[]): Map<string, Relevance> {
  const categories = [...new Set(runs.map((r) => r.query.cat))];
  return new Map(categories.map((cat) => [cat, relevance(runs.filter((r) => r.query.cat === cat))]));
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** A site path from a result URL: origin, base path, query string and hash removed. */
export function sitePath(url: string, base: string): string {
  const pathname = new URL(url, "http://site.invalid").pathname;
  const prefix = normalizeBase(base).slice(0, -1);
  return prefix && pathname.startsWith(prefix) ? pathname.slice(prefix.length) || "/" : pathname;
}
