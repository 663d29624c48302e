import type { GlossaryTerm } from "./glossary";
import { isHangulSyllable, standardSpelling } from "./hangul";
import { glossaryKey, splitCompound, termSpelledBy, variantSearchWords } from "./glossary-lookup";
import { isOnlyParticleOrEnding, stemKorean } from "./korean-endings";
import { synonymsOf } from "./synonyms";
import { memoizeByString } from "./memoize";
import { joinedParts, nfc, singular, splitWords } from "./words";

/**
 * Turns what a student typed into what to ask Pagefind. Pagefind ANDs the words of one query,
 * has no OR and matches only prefixes, so each query word becomes a *concept* with several
 * *alternatives* (the word as typed, its stem, its singular, the glossary's main spellings of it),
 * each searched on its own; `rankPages` then merges the answers.
 */

/** One way to find a concept: words that must all match, and how much a hit counts. */
export interface Alternative {
  readonly words: readonly string[];
  readonly weight: number;
  /** Several words that must also stand next to each other (`bind mount`, `도커 허브`). */
  readonly phrase: boolean;
}

/** One thing the student asked for: a word or a glossary phrase (`도커 허브`). */
export interface Concept {
  /** The query words it came from, as typed (NFC). */
  readonly text: string;
  readonly alternatives: readonly Alternative[];
  /** The glossary term the words spell, if any. */
  readonly term?: GlossaryTerm;
}

export interface QueryPlan {
  readonly concepts: readonly Concept[];
  /** Set for a query in double quotes: searched as Pagefind's exact phrase, unchanged. */
  readonly exactPhrase?: string;
}

/** How much a hit counts by the kind of alternative: the student's own word counts most. */
export const ALTERNATIVE_WEIGHTS = {
  typed: 1,
  stem: 1,
  singular: 1,
  glossary: 0.6,
  /** What a student's everyday word means in the course's words (synonyms.json). */
  synonym: 0.6,
  /** `pod-template-hash` also as `pod template hash` (Pagefind indexes the parts of joined words). */
  parts: 0.6,
} as const;

/**
 * Question words and fillers that say nothing about the topic. They are searched only when the
 * query has nothing else (a query is never emptied). Single Hangul syllables (`수`, `것`, `왜`)
 * count as fillers unless the glossary knows them.
 */
const FILLERS = new Set([
  "어떻게",
  "어떤",
  "어떨",
  "어떨때",
  "무엇",
  "무엇인가요",
  "뭔가요",
  "뭔가",
  "뭐",
  "뭔지",
  "뭘",
  "왜",
  "언제",
  "어디",
  "어디서",
  "누가",
  "있나요",
  "없나요",
  "되나요",
  "하나요",
  "인가요",
  "건가요",
  "건지",
  "거죠",
  "같은",
  "대한",
  "대해",
  "대해서",
  "관련",
  "혹시",
  "정말",
  "그럼",
  "그러면",
  "그리고",
  "또는",
  "및",
  "등",
  "좀",
  "이런",
  "그런",
  "저런",
  "있는",
  "없는",
  "있다",
  "없다",
  "해야",
  "하는",
  "되는",
  "what",
  "how",
  "why",
  "when",
  "is",
  "are",
  "the",
  "a",
  "an",
  "of",
  "to",
  "in",
  "on",
  "for",
  "and",
  "or",
  "do",
  "does",
  "can",
]);

const MAX_PHRASE_WORDS = 3;

/**
 * The plan of a query, remembered per query text (a plan is read-only data): the search page plans
 * a query to fetch its vocabulary chunks early, then again to run it, and as-you-type repeats it.
 */
export const planQuery: (query: string) => QueryPlan = memoizeByString(planQueryOnce, 500);

function planQueryOnce(query: string): QueryPlan {
  const text = nfc(query).trim();
  const quoted = /^"(.+)"$/s.exec(text);
  if (quoted) return { concepts: [], exactPhrase: text };
  // A Hangul word written without spaces (`도커이미지삭제`) is searched as its glossary parts; the
  // whole word stays an alternative of the first part, for pages that write it the same way.
  const words: string[] = [];
  const wholeWordAt = new Map<number, string>();
  for (const word of splitWords(text)) {
    const parts = termSpelledBy([word]) ? undefined : splitCompound(word);
    if (parts) wholeWordAt.set(words.length, word);
    words.push(...(parts ?? [word]));
  }
  const concepts: Concept[] = [];
  for (let i = 0; i < words.length;) {
    const phrase = longestGlossaryPhrase(words, i);
    const length = phrase?.length ?? longestSynonymPhrase(words, i);
    concepts.push(conceptOf(words.slice(i, i + length), phrase?.term, wholeWordAt.get(i)));
    i += length;
  }
  const meaningful = concepts.filter((c) => !isFiller(c));
  return { concepts: dedupeConcepts(meaningful.length > 0 ? meaningful : concepts) };
}

/** The length of the longest run of words from `start` the synonym table knows (1 when none is longer). */
function longestSynonymPhrase(words: readonly string[], start: number): number {
  for (let length = Math.min(MAX_PHRASE_WORDS, words.length - start); length >= 2; length--) {
    if (synonymsOf(words.slice(start, start + length)).length > 0) return length;
  }
  return 1;
}

/** The longest run of words from `start` that spells a glossary term (up to three words). */
function longestGlossaryPhrase(words: readonly string[], start: number) {
  for (let length = Math.min(MAX_PHRASE_WORDS, words.length - start); length >= 1; length--) {
    const term = termSpelledBy(words.slice(start, start + length));
    if (term) return { term, length };
  }
  return undefined;
}

function conceptOf(typedWords: readonly string[], term: GlossaryTerm | undefined, wholeWord?: string): Concept {
  const alternatives: Alternative[] = [];
  const add = (words: readonly string[], weight: number, phrase = words.length > 1) => {
    const clean = words.map((w) => w.toLowerCase()).filter(Boolean);
    if (clean.length > 0) alternatives.push({ words: clean, weight, phrase: phrase && clean.length > 1 });
  };
  const last = typedWords.at(-1)!;
  const head = typedWords.slice(0, -1);
  add(typedWords, ALTERNATIVE_WEIGHTS.typed);
  if (wholeWord) add([wholeWord], ALTERNATIVE_WEIGHTS.typed);
  add([...head, stemKorean(last)], ALTERNATIVE_WEIGHTS.stem);
  add([...head, standardSpelling(stemKorean(last))], ALTERNATIVE_WEIGHTS.stem);
  add([...head, singular(last)], ALTERNATIVE_WEIGHTS.singular);
  if (term) for (const variant of mainSpellings(term)) add(variantSearchWords(variant), ALTERNATIVE_WEIGHTS.glossary);
  for (const meaning of synonymsOf(typedWords)) {
    add(variantSearchWords(meaning), ALTERNATIVE_WEIGHTS.synonym, false);
    const meant = termSpelledBy(splitWords(meaning));
    if (meant) for (const variant of mainSpellings(meant)) add(variantSearchWords(variant), ALTERNATIVE_WEIGHTS.synonym);
  }
  if (typedWords.length === 1) {
    const parts = joinedParts(last);
    if (parts.length > 0) add(parts, ALTERNATIVE_WEIGHTS.parts, false);
  }
  return { text: typedWords.join(" "), alternatives: dedupeAlternatives(alternatives), term };
}

/**
 * The spellings of a term the query searches besides the student's own: its first English and
 * first Korean variant (the glossary lists the usual spelling first). Every page already carries
 * all spellings of the terms it mentions in its keywords, so the typed word finds those pages
 * whichever spelling they use; the main spellings add the stronger hits in the page text and its
 * question. Searching every variant found the same pages and cost index downloads: on a large
 * site each distinct word may need its own index chunk.
 */
function mainSpellings(term: GlossaryTerm): string[] {
  const english = term.variants.find((v) => !/\p{Script=Hangul}/u.test(v));
  const korean = term.variants.find((v) => /\p{Script=Hangul}/u.test(v));
  return [english, korean].filter((v): v is string => v !== undefined);
}

/** Same words twice: keep the higher weight. */
function dedupeAlternatives(alternatives: readonly Alternative[]): Alternative[] {
  const byKey = new Map<string, Alternative>();
  for (const alternative of alternatives) {
    const key = alternative.words.join(" ");
    const seen = byKey.get(key);
    if (!seen || seen.weight < alternative.weight) byKey.set(key, alternative);
  }
  return [...byKey.values()];
}

/** `파드 Pod` asks for one thing twice: keep the first. */
function dedupeConcepts(concepts: readonly Concept[]): Concept[] {
  const seen = new Set<string>();
  return concepts.filter((c) => {
    const key = c.term ? `term:${c.term.id}` : `word:${glossaryKey(c.alternatives[0]?.words.join(" ") ?? c.text)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function isFiller(concept: Concept): boolean {
  if (concept.term) return false;
  const word = concept.text.toLowerCase();
  if (FILLERS.has(word) || FILLERS.has(stemKorean(word))) return true;
  if (isOnlyParticleOrEnding(word)) return true;
  return [...word].length === 1 && isHangulSyllable(word);
}
