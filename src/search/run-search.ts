import { chunksFor, correctRareMatch, correctWord, isNeverCorrected, type Correction } from "./corrections";
import { planQuery, type QueryPlan } from "./query-plan";
import { chunkKeyOf, type Vocabulary } from "./vocabulary";
import { rankPages, type AlternativeAnswer, type PageHit, type RankedPage } from "./rank-pages";
import type { PagefindApi, PagefindFilters, PagefindResultData } from "./pagefind-types";

/** A ranked page with a way to load what the results list shows. */
export interface FoundPage extends RankedPage {
  data(): Promise<PagefindResultData>;
}

export interface SearchOutcome {
  readonly plan: QueryPlan;
  readonly pages: readonly FoundPage[];
  /** Words that found nothing and were searched as something else (empty when the query ran as typed). */
  readonly corrections: readonly Correction[];
  /** The query the pages answer: the typed one, or the corrected one. */
  readonly searched: string;
}

export interface SearchOptions {
  filters?: PagefindFilters;
  /** Pages in the whole index (for word rarity); see `countPages`. */
  totalPages: number;
  /**
   * The site's vocabulary: when given, a word that finds nothing is corrected against it
   * (`corrections.ts`) before the query runs. A query whose words are all in the vocabulary
   * runs exactly as it would without it.
   */
  vocabulary?: Vocabulary;
  /**
   * Called when Pagefind's searches are sent (the page has nothing to do until they answer; again
   * if a correction found nothing and the typed words are searched): the search page updates its
   * address bar then, rather than before the search starts.
   */
  whileSearching?: () => void;
}

/**
 * Runs a query through the query layer: every alternative of every concept is one Pagefind
 * search (they share the loaded index chunks, so only new words cost a download), and the
 * answers are merged by `rankPages`.
 */
export async function searchWithQueryLayer(
  pagefind: Pick<PagefindApi, "search" | "preload">,
  query: string,
  options: SearchOptions,
): Promise<SearchOutcome> {
  const plan = planQuery(query);
  const vocabulary = options.vocabulary;
  if (vocabulary && !plan.exactPhrase) {
    // Pagefind never says a word matched nothing: it shortens the word until something matches
    // (`롤벡` finds pages with `로`). So a word counts as found only if the vocabulary has a
    // word it starts (Pagefind's prefix match) — typed, stemmed or in standard spelling.
    const typedWords = typedWordsOf(plan);
    const chunkKeys = typedWords.flatMap((w) => chunkKeyOf(w) ?? []);
    // While the vocabulary downloads, Pagefind already fetches the index chunks of the query as
    // typed: nearly every query is made of known words and runs as typed, so its searches then
    // find their chunks loaded (one round trip less; a misspelt word's chunk is almost always
    // the one its correction needs, the words sorting next to each other). When the vocabulary
    // has nothing to download (later queries), there is no wait to fill: a preload would only
    // queue one more message per word ahead of the searches in Pagefind's worker.
    if (pagefind.preload && !vocabulary.hasLoaded(chunkKeys)) {
      const preload = pagefind.preload.bind(pagefind);
      for (const word of searchedWordsOf(plan)) void preload(word, { filters: options.filters ?? {} }).catch(() => undefined);
    }
    await vocabulary.load(chunkKeys);
    const unknown = new Set(typedWords.filter((w) => !isNeverCorrected(w) && !vocabulary.knowsPrefix(w)));
    if (unknown.size > 0) await vocabulary.load([...unknown].flatMap(chunksFor));
    // A word that matches nothing is corrected; one that matches very little only for a confused
    // vowel (`correctRareMatch`); a word the vocabulary holds never.
    const corrections = typedWords
      .map((word) => (unknown.has(word) ? correctWord(word, vocabulary) : correctRareMatch(word, vocabulary)))
      .filter((c): c is Correction => c !== undefined);
    if (corrections.length > 0) {
      const searched = applyCorrections(query, corrections);
      const corrected = await runPlan(pagefind, planQuery(searched), options);
      // A correction that finds nothing is no correction: show what the typed words find.
      if (corrected.pages.length > 0) return { ...corrected, corrections, searched };
    }
  }
  return { ...(await runPlan(pagefind, plan, options)), corrections: [], searched: query };
}

/** The query's words a correction may replace (a glossary phrase is never corrected). */
const typedWordsOf = (plan: QueryPlan) => [...new Set(plan.concepts.filter((c) => !c.text.includes(" ")).map((c) => c.text))];

/** Every word `runPlan` searches Pagefind for (one search each). */
const searchedWordsOf = (plan: QueryPlan) => [...new Set(plan.concepts.flatMap((c) => c.alternatives.flatMap((a) => a.words)))];

/** The vocabulary chunks a query's words are looked up in (to start fetching them early). */
export function vocabularyChunksOf(query: string): string[] {
  const plan = planQuery(query);
  return plan.exactPhrase ? [] : typedWordsOf(plan).flatMap((w) => chunkKeyOf(w) ?? []);
}

/** The query with each corrected word replaced where it was typed (the rest kept as typed). */
export function applyCorrections(query: string, corrections: readonly Correction[]): string {
  let text = query.normalize("NFC");
  for (const { from, to } of corrections) {
    const escaped = from.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const replaced = text.replace(
      new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}(?=$|[^\\p{L}\\p{N}])`, "u"),
      (_, before: string) => before + to,
    );
    text = replaced !== text ? replaced : text.replace(from, to);
  }
  return text;
}

async function runPlan(
  pagefind: Pick<PagefindApi, "search">,
  plan: QueryPlan,
  options: SearchOptions,
): Promise<{ plan: QueryPlan; pages: FoundPage[] }> {
  const loaders = new Map<string, () => Promise<PagefindResultData>>();

  if (plan.exactPhrase) {
    const searching = pagefind.search(plan.exactPhrase, { filters: options.filters ?? {} });
    options.whileSearching?.();
    const response = await searching;
    const pages = (response?.results ?? []).map((r) => ({
      page: r.id,
      score: r.score,
      coverage: 1,
      words: r.words,
      matchedWords: plan.exactPhrase!.replace(/"/g, "").split(/\s+/),
      data: () => r.data(),
    }));
    return { plan, pages };
  }

  // One Pagefind search per distinct word: Pagefind silently drops a word that matches nothing
  // from an AND query, so a multi-word alternative (`도커 허브`) is intersected here instead.
  const distinctWords = searchedWordsOf(plan);
  const hitsByWord = new Map<string, Map<string, PageHit>>();
  const searching = Promise.all(
    distinctWords.map(async (word) => {
      const response = await pagefind.search(word, { filters: options.filters ?? {} });
      const hits = new Map<string, PageHit>();
      for (const r of response?.results ?? []) {
        hits.set(r.id, { page: r.id, score: r.score, words: r.words });
        if (!loaders.has(r.id)) loaders.set(r.id, () => r.data());
      }
      hitsByWord.set(word, hits);
    }),
  );
  options.whileSearching?.();
  await searching;
  // A phrase must also be found as one: Pagefind's exact search (`"bind mount"`) checks adjacency
  // but scores every page 1, so it only filters the word-by-word hits.
  const phrases = [...new Set(plan.concepts.flatMap((c) => c.alternatives.filter((a) => a.phrase).map((a) => a.words.join(" "))))];
  const pagesByPhrase = new Map<string, Set<string>>();
  await Promise.all(
    phrases.map(async (phrase) => {
      const response = await pagefind.search(`"${phrase}"`, { filters: options.filters ?? {} });
      pagesByPhrase.set(phrase, new Set((response?.results ?? []).map((r) => r.id)));
    }),
  );
  const answers: AlternativeAnswer[] = plan.concepts.flatMap((concept, conceptIndex) =>
    concept.alternatives.map((alternative) => {
      let hits = intersectHits(alternative.words.map((w) => hitsByWord.get(w) ?? new Map<string, PageHit>()));
      if (alternative.phrase) {
        const adjacent = pagesByPhrase.get(alternative.words.join(" "));
        hits = hits.filter((hit) => adjacent?.has(hit.page));
      }
      return { concept: conceptIndex, alternative, hits };
    }),
  );
  const ranked = rankPages(plan, answers, options.totalPages);
  return { plan, pages: ranked.map((page) => ({ ...page, data: loaders.get(page.page)! })) };
}

/** Pages found by every word, with the words' scores added and their positions joined. */
function intersectHits(perWord: readonly Map<string, PageHit>[]): PageHit[] {
  const [first, ...rest] = perWord;
  if (!first) return [];
  const hits: PageHit[] = [];
  for (const [page, hit] of first) {
    const others = rest.map((m) => m.get(page));
    if (others.some((o) => !o)) continue;
    hits.push({
      page,
      score: others.reduce((sum, o) => sum + o!.score, hit.score),
      words: [...hit.words, ...others.flatMap((o) => o!.words)],
    });
  }
  return hits;
}

/** Pages in the index, from the topic filter's counts (every question page has a topic). */
export async function countPages(pagefind: Pick<PagefindApi, "filters">): Promise<number> {
  const filters = await pagefind.filters();
  return Object.values(filters.topic ?? {}).reduce((sum, count) => sum + count, 0);
}
