/** What related-question scoring needs to know about one question. */
export interface RelatedCandidate {
  readonly topic: string;
  /** Glossary term ids the question mentions (its tags). */
  readonly terms: readonly string[];
}

export interface RelatedOptions {
  /** Most related questions per question (default 5). */
  readonly max?: number;
  /** Fewest: when shared rare terms give fewer, nearby questions of the same topic fill in (default 3). */
  readonly min?: number;
  /**
   * Terms mentioned by more questions than this do not propose candidates (default: 5 % of the
   * questions, at least 50). They say little about relatedness, and walking their postings for
   * every question is what would make the whole computation quadratic.
   */
  readonly maxPostings?: number;
  /** How far in notes order the fill looks on each side (default 50). */
  readonly fillWindow?: number;
}

/**
 * For every question, the indices of its related questions, best first: questions of the same
 * topic first, then by the weight of the terms they share (rarer terms weigh more: log(1 + n/df)),
 * then by closeness in the given order (notes order). Computed once per build for all questions
 * through an inverted index: the work per question is bounded by its terms' posting lists, never
 * by the number of questions.
 *
 * `items` must be in site order (topic, then notes order); indices refer to it.
 */
export function relatedQuestions(items: readonly RelatedCandidate[], options: RelatedOptions = {}): number[][] {
  const n = items.length;
  const max = options.max ?? 5;
  const min = Math.min(options.min ?? 3, max);
  const maxPostings = options.maxPostings ?? Math.max(50, Math.ceil(n * 0.05));
  const fillWindow = options.fillWindow ?? 50;

  const termSets = items.map((item) => [...new Set(item.terms)]);
  const postings = new Map<string, number[]>();
  termSets.forEach((terms, i) => {
    for (const term of terms) {
      const list = postings.get(term);
      if (list) list.push(i);
      else postings.set(term, [i]);
    }
  });
  const weight = new Map([...postings].map(([term, list]) => [term, Math.log(1 + n / list.length)]));

  const scores = new Float64Array(n);
  const touched: number[] = [];
  const result: number[][] = [];

  for (let i = 0; i < n; i++) {
    for (const term of termSets[i]!) {
      const list = postings.get(term)!;
      if (list.length > maxPostings) continue;
      const w = weight.get(term)!;
      for (const j of list) {
        if (j === i) continue;
        if (scores[j] === 0) touched.push(j);
        scores[j]! += w;
      }
    }

    const better = (a: number, b: number) => {
      const sameA = items[a]!.topic === items[i]!.topic;
      const sameB = items[b]!.topic === items[i]!.topic;
      if (sameA !== sameB) return sameA;
      if (scores[a] !== scores[b]) return scores[a]! > scores[b]!;
      const da = Math.abs(a - i);
      const db = Math.abs(b - i);
      return da !== db ? da < db : a < b;
    };
    // Top `max` by insertion: O(candidates × max), no sort of every candidate.
    const top: number[] = [];
    for (const j of touched) {
      if (top.length === max && !better(j, top[max - 1]!)) continue;
      let k = Math.min(top.length, max - 1);
      top[k] = j;
      while (k > 0 && better(j, top[k - 1]!)) {
        top[k] = top[k - 1]!;
        top[--k] = j;
      }
    }
    for (const j of touched) scores[j] = 0;
    touched.length = 0;

    if (top.length < min) {
      fillFromNeighbours(i, top);
      // Same topic first holds for the filled list too (fillers are of the same topic).
      const same = top.filter((j) => items[j]!.topic === items[i]!.topic);
      result.push([...same, ...top.filter((j) => items[j]!.topic !== items[i]!.topic)]);
    } else {
      result.push(top);
    }
  }
  return result;

  /** Nearest questions of the same topic in notes order: first those sharing any term, then any. */
  function fillFromNeighbours(i: number, top: number[]) {
    const mine = new Set(termSets[i]);
    const neighbours: number[] = [];
    for (let d = 1; d <= fillWindow; d++) {
      for (const j of [i - d, i + d]) {
        if (j >= 0 && j < n && items[j]!.topic === items[i]!.topic && !top.includes(j)) neighbours.push(j);
      }
    }
    const sharing = neighbours.filter((j) => termSets[j]!.some((t) => mine.has(t)));
    for (const j of [...sharing, ...neighbours.filter((j) => !sharing.includes(j))]) {
      if (top.length >= min) break;
      top.push(j);
    }
  }
}
