import { disassemble, getChoseong } from "es-hangul";
import { GLOSSARY, type GlossaryTerm } from "./glossary";
import { nfc } from "./words";

/**
 * 초성 (initial-consonant) suggestions: a student who types only consonants (`ㄹㅂ`, `ㄷㅋ`) is
 * shown the glossary terms whose Korean spelling starts with those initials (롤백, 라벨 / 도커).
 * Suggestions only: 초성 never reach full-text ranking (too many words share them).
 * es-hangul gives each spelling's 초성 and splits a double consonant an IME may leave (`ㄼ`).
 */

export interface ChoseongSuggestion {
  readonly term: GlossaryTerm;
  /** The Korean spelling whose initials matched, to search for. */
  readonly spelling: string;
}

/** A query of two or more Hangul consonants and nothing else (spaces allowed). */
export function isChoseongQuery(query: string): boolean {
  const compact = nfc(query).replace(/\s+/g, "");
  return /^[\u3131-\u314e]+$/.test(compact) && [...disassemble(compact)].length >= 2;
}

const INDEX = GLOSSARY.flatMap((term) =>
  term.variants
    .filter((v) => /^[\p{Script=Hangul}\s]+$/u.test(v))
    .map((spelling) => ({ term, spelling, initials: getChoseong(spelling.replace(/\s+/g, "")) })),
);

/** Glossary terms whose Korean spelling's initials start with the query's, exact matches first. */
export function choseongSuggestions(query: string, limit = 6): ChoseongSuggestion[] {
  if (!isChoseongQuery(query)) return [];
  const initials = disassemble(nfc(query).replace(/\s+/g, ""));
  const matches = INDEX.filter((e) => e.initials.startsWith(initials)).sort(
    (a, b) => Number(b.initials === initials) - Number(a.initials === initials) || a.initials.length - b.initials.length,
  );
  const seen = new Set<string>();
  const out: ChoseongSuggestion[] = [];
  for (const { term, spelling } of matches) {
    if (seen.has(term.id)) continue;
    seen.add(term.id);
    out.push({ term, spelling });
    if (out.length >= limit) break;
  }
  return out;
}
