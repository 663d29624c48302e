import { GLOSSARY, type GlossaryTerm } from "./glossary";
import { standardSpelling } from "./hangul";
import { stemKorean, stripParticles } from "./korean-endings";
import { memoizeByString } from "./memoize";
import { nfc, singular, splitWords } from "./words";

/**
 * Finds glossary terms by any spelling, the way students type them: case, spaces and joiners
 * do not count (`load balancer`, `LoadBalancer` and `Load-Balancer` are one key), particles and
 * endings neither (`레플리카셋을`, `지우면` for a `지우다` variant), nor an English plural.
 */

/** The comparison key of a spelling: NFC, standard spelling, lower case, no spaces or joiners. */
export function glossaryKey(text: string): string {
  return standardSpelling(nfc(text))
    .toLowerCase()
    .replace(/[\s/:.\-_=+]+/g, "");
}

/** Every key a spelling may be typed as: as written, its stem and its singular. */
export function keysOf(text: string): string[] {
  const words = splitWords(text);
  const last = words.at(-1) ?? "";
  const head = words.slice(0, -1).join("");
  const forms = [last, stripParticles(last), stemKorean(last), singular(last)];
  return [...new Set(forms.map((form) => glossaryKey(head + form)))].filter(Boolean);
}

/**
 * Every key of every glossary spelling. Built on first use, not when the module loads, and
 * `prepareGlossaryIndex` can build it a few terms at a time between tasks: stemming ~700
 * spellings took one 550 ms task on Lighthouse's mobile CPU, blocking the search page (TBT).
 */
const TERM_BY_KEY = new Map<string, GlossaryTerm>();
let termsIndexed = 0;

function indexTerms(count = Infinity): void {
  for (; termsIndexed < GLOSSARY.length && count > 0; termsIndexed++, count--) {
    const term = GLOSSARY[termsIndexed]!;
    for (const variant of term.variants) {
      for (const key of keysOf(variant)) if (!TERM_BY_KEY.has(key)) TERM_BY_KEY.set(key, term);
    }
  }
}

/** Builds the glossary index in slices, awaiting `pause` between them (the browser yields to input). */
export async function prepareGlossaryIndex(pause: () => Promise<void>, slice = 15): Promise<void> {
  while (termsIndexed < GLOSSARY.length) {
    indexTerms(slice);
    await pause();
  }
}

const termByKey = (): ReadonlyMap<string, GlossaryTerm> => {
  indexTerms();
  return TERM_BY_KEY;
};

/** The term one or more consecutive words spell (`도커 허브에` → registry), if any. */
export function termSpelledBy(words: readonly string[]): GlossaryTerm | undefined {
  return termSpelledByText(words.join(" "));
}

const termSpelledByText = memoizeByString((text: string): GlossaryTerm | undefined => {
  for (const key of keysOf(text)) {
    const term = termByKey().get(key);
    if (term) return term;
  }
  return undefined;
});

/**
 * The search words of a variant: each word stemmed like a query word, so `지우다` is searched
 * as `지우` (which finds 지우면, 지웁니다) and `Pods` as `pods`.
 */
export function variantSearchWords(variant: string): string[] {
  return splitWords(variant).map((w) => stemKorean(w).toLowerCase());
}

/** Hangul glossary spellings without spaces (`도커`, `이미지`, `스토리지클래스`), for splitting compounds. */
let hangulKeys: { keys: ReadonlySet<string>; longest: number } | undefined;
const HANGUL_KEYS = () => {
  hangulKeys ??= (() => {
    const keys = new Set([...termByKey().keys()].filter((key) => /^\p{Script=Hangul}+$/u.test(key) && key.length >= 2));
    return { keys, longest: Math.max(0, ...[...keys].map((k) => k.length)) };
  })();
  return hangulKeys;
};

/**
 * Splits a Hangul word written without spaces into glossary terms: `도커이미지삭제` → `도커`,
 * `이미지`, `삭제`; `노드스토리지를` → `노드`, `스토리지`. The last part may carry a particle or an
 * ending. Undefined unless the whole word splits into at least two known terms.
 */
export const splitCompound = memoizeByString((word: string): string[] | undefined => {
  const text = standardSpelling(nfc(word));
  if (!/^\p{Script=Hangul}{4,}$/u.test(text)) return undefined;
  // parts[i]: a way to split text[0, i) into glossary terms, fewest parts first.
  const { keys: hangul, longest } = HANGUL_KEYS();
  const parts: (string[] | undefined)[] = [[]];
  for (let end = 1; end <= text.length; end++) {
    for (let start = Math.max(0, end - longest); start < end; start++) {
      const before = parts[start];
      const piece = text.slice(start, end);
      if (!before || !hangul.has(end === text.length ? stemKorean(piece) : piece)) continue;
      if (!parts[end] || parts[end]!.length > before.length + 1) parts[end] = [...before, piece];
    }
  }
  const split = parts[text.length];
  return split && split.length >= 2 ? split : undefined;
});
