import glossaryData from "./glossary.json" with { type: "json" };

/** One concept of the course with every way students and notes spell it. */
export interface GlossaryTerm {
  /** ASCII slug; the tag page is `/tags/<id>/`. Never changed once published. */
  readonly id: string;
  /** How the term is shown (tags, related questions). */
  readonly label: string;
  /** English terms, Korean transliterations, abbreviations and misspellings of the term. */
  readonly variants: readonly string[];
  /** False for spelling variants and words too general to tag a question with. */
  readonly tag: boolean;
}

export const GLOSSARY: readonly GlossaryTerm[] = glossaryData.terms.map((t) => ({ ...t, tag: t.tag ?? true }));

const isLatin = (s: string) => /^[\x20-\x7e]+$/.test(s);
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * A matcher per term. Latin variants match as whole words, case-insensitively (`pod` not in
 * `podman`'s middle, but `Pod를`, `Pod의` count — Hangul particles attach directly). Hangul variants
 * match anywhere, because Korean attaches particles and endings to the word.
 */
const MATCHERS = GLOSSARY.map((term) => {
  const latin = term.variants.filter(isLatin).map((v) => escapeRegExp(v));
  const hangul = term.variants.filter((v) => !isLatin(v)).map((v) => escapeRegExp(v));
  const parts = [
    ...(latin.length ? [`(?<![A-Za-z0-9])(?:${latin.join("|")})(?![A-Za-z0-9])`] : []),
    ...(hangul.length ? [`(?:${hangul.join("|")})`] : []),
  ];
  return { term, pattern: new RegExp(parts.join("|"), "i") };
});

/** The glossary terms a text mentions, in glossary order. */
export function termsMentionedIn(text: string): GlossaryTerm[] {
  return MATCHERS.filter(({ pattern }) => pattern.test(text)).map(({ term }) => term);
}
