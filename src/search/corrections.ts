import { convertHangulToQwerty, convertQwertyToHangul, disassemble } from "es-hangul";
import { isHangulSyllable, standardSpelling } from "./hangul";
import { stemKorean } from "./korean-endings";
import { memoizeByString } from "./memoize";
import { chunkKeyOf, type Vocabulary } from "./vocabulary";
import { nfc } from "./words";

/**
 * Corrections for a query word that matches nothing in the index, against the site's own
 * vocabulary (`vocabulary.ts`). Tried in this order, the first that finds a word wins:
 *
 * 1. **keyboard layout** — a Latin word typed with the IME off that converts through the
 *    2-beolsik layout to a known Hangul word (`fhfqor` → 롤백), or Hangul typed with the IME on
 *    that converts back to a known Latin word (`애찯ㄱ` → docker);
 * 2. **jamo prefix** — a syllable still being composed: the word's jamo start a known word
 *    (`쿠버네팃` → 쿠버네티스, `디플로이먼ㅌ` → 디플로이먼트); the most frequent completion;
 * 3. **jamo edit distance** — at most 1 for short words, 2 for long ones, counted on jamo so a
 *    wrong vowel costs one edit, not a whole syllable; vowels students confuse (ㅐ/ㅔ, ㅒ/ㅖ,
 *    ㅗ/ㅓ) cost half; the first sound must match (it picks the chunk, and is rarely the typo);
 * 4. **segmentation** — Hangul (or Latin) typed without spaces, split into known words
 *    (`이미지덮어쓰기` → 이미지 덮어쓰기).
 *
 * Never corrected: numbers, words of one letter or syllable, and any word the vocabulary
 * knows (a correct rare word, `kubectl`) — the caller only asks about words that found nothing.
 * A word that matches *very little* (a prefix of words on one page) is corrected only for a
 * confused vowel that makes it a frequent word (`correctRareMatch`).
 * es-hangul (Toss, MIT) does the jamo, 초성 and keyboard mechanics.
 */

export type CorrectionKind = "keyboard" | "prefix" | "typo" | "split";

export interface Correction {
  /** The word as typed. */
  readonly from: string;
  /** What to search instead (words separated by a space for a split). */
  readonly to: string;
  readonly kind: CorrectionKind;
}

/** Cost of replacing one jamo by another: half for the vowel pairs students mix up. */
const CHEAP_PAIRS = new Set(["ㅐㅔ", "ㅔㅐ", "ㅒㅖ", "ㅖㅒ", "ㅗㅓ", "ㅓㅗ"]);
const substitutionCost = (a: string, b: string) => (a === b ? 0 : CHEAP_PAIRS.has(a + b) ? 0.5 : 1);

/** Jamo of a word (Latin letters stay letters): `롤백` → `ㄹㅗㄹㅂㅐㄱ`. */
export const jamoOf = memoizeByString((word: string) => [...disassemble(nfc(word).toLowerCase())]);

/**
 * Weighted optimal-string-alignment distance between two jamo sequences (insert, delete,
 * substitute, swap two neighbours), or `Infinity` once it must exceed `max`.
 */
export function jamoDistance(a: readonly string[], b: readonly string[], max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return Infinity;
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      let cost = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + substitutionCost(a[i - 1]!, b[j - 1]!));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) cost = Math.min(cost, rows[i - 2]![j - 2]! + 1);
      row.push(cost);
      best = Math.min(best, cost);
    }
    if (best > max) return Infinity;
    rows.push(row);
  }
  const distance = rows[a.length]![b.length]!;
  return distance <= max ? distance : Infinity;
}

/** How many edits a word may be away: 1 for short words, 2 for long ones (4+ syllables, 6+ letters). */
export function allowedEdits(word: string): number {
  const hangul = /\p{Script=Hangul}/u.test(word);
  const length = [...word].length;
  return hangul ? (length >= 4 ? 2 : 1) : length >= 6 ? 2 : 1;
}

/** Words never corrected: numbers and versions, one letter or syllable, anything with a digit or joiner. */
export function isNeverCorrected(word: string): boolean {
  if ([...word].length < 2) return true;
  if (/\p{N}/u.test(word)) return true;
  return /[/:.\-_=+@#$%&]/.test(word);
}

/** The chunk keys `correctWord` may read for a word: load them first (`Vocabulary.load`). */
export function chunksFor(word: string): string[] {
  const keys = new Set<string>();
  const add = (w: string) => {
    const key = chunkKeyOf(w);
    if (key) keys.add(key);
  };
  add(word);
  if (/^[a-z]+$/i.test(word)) add(convertQwertyToHangul(word));
  if (/\p{Script=Hangul}/u.test(word)) add(convertHangulToQwerty(word));
  // Segmentation may start a part at any character.
  for (const char of word) add(char);
  return [...keys];
}

/** A correction for one word that found nothing, or undefined to leave it as typed. */
export function correctWord(typed: string, vocabulary: Vocabulary): Correction | undefined {
  const word = nfc(typed).trim();
  if (isNeverCorrected(word) || isKnown(word, vocabulary)) return undefined;
  const keyboard = keyboardConversion(word, vocabulary);
  if (keyboard) return { from: word, to: keyboard, kind: "keyboard" };
  const forms = [...new Set([word, stemKorean(word), standardSpelling(stemKorean(word))])].filter((f) => [...f].length >= 2);
  for (const form of forms) {
    const completion = jamoCompletion(form, vocabulary);
    if (completion) return { from: word, to: completion, kind: "prefix" };
  }
  for (const form of forms) {
    const near = nearestWord(form, vocabulary);
    if (near) return { from: word, to: near, kind: "typo" };
  }
  const parts = segment(word, vocabulary);
  if (parts) return { from: word, to: parts.join(" "), kind: "split" };
  return undefined;
}

/**
 * When a word that matches something is still corrected: its prefix match finds at most
 * `maxPages` pages, and one confused vowel (ㅐ/ㅔ, ㅒ/ㅖ, ㅗ/ㅓ; half an edit) away is a word on
 * `minPages` pages or more, and `ratio` times as many. Chosen from this site's vocabulary (issue 12,
 * docs/search.md): of the 186 confused-vowel typos of the Hangul words on 3+ pages, 178 match
 * nothing (corrected already), 7 are other real words (left alone: they are known) and 1 matches one
 * page — `구저` (the notes' own `구져여서`) for 구조. Any edit within the typo distance fired on 115
 * prefixes of rare words a student may be typing (`creati` of creationTimestamp → create, `알고` of
 * 알고리즘 → 않고); the confused vowel alone fires on none but `구저` (`bench/search-typos.ts`).
 */
export const MATCHES_LITTLE = { maxPages: 1, minPages: 3, ratio: 3, maxEdit: 0.5 } as const;

/**
 * A correction for a word that matches very little: the vocabulary has no word that is it (or its
 * stem or standard spelling), only longer words it starts, on `MATCHES_LITTLE.maxPages` pages at
 * most, and a confused vowel turns it into a far more frequent word (`구저` → 구조). A word the
 * vocabulary holds is never touched, so a query of vocabulary words runs exactly as before.
 */
export function correctRareMatch(typed: string, vocabulary: Vocabulary): Correction | undefined {
  const word = nfc(typed).trim();
  if (isNeverCorrected(word) || !/\p{Script=Hangul}/u.test(word) || isKnown(word, vocabulary)) return undefined;
  const lower = word.toLowerCase();
  const stem = stemKorean(lower);
  const forms = [...new Set([lower, stem, standardSpelling(stem)])].filter((f) => [...f].length >= 2);
  const words = vocabulary.wordsOf(chunkKeyOf(lower));
  const completes = (candidate: string) => forms.some((f) => candidate.startsWith(f));
  let pages = 0;
  for (const [candidate, df] of words) if (completes(candidate)) pages += df;
  if (pages < 1 || pages > MATCHES_LITTLE.maxPages) return undefined;
  let best: [string, number] | undefined;
  for (const form of forms) {
    const jamo = jamoOf(form);
    for (const [candidate, df] of words) {
      if (completes(candidate) || isNeverCorrected(candidate) || (best && df <= best[1])) continue;
      if (jamoDistance(jamo, jamoOf(candidate), MATCHES_LITTLE.maxEdit) !== Infinity) best = [candidate, df];
    }
  }
  if (!best || best[1] < MATCHES_LITTLE.minPages || best[1] < MATCHES_LITTLE.ratio * pages) return undefined;
  return { from: word, to: best[0], kind: "typo" };
}

/** The vocabulary holds the word exactly, or its stem or standard spelling. */
function isKnown(word: string, vocabulary: Vocabulary): boolean {
  const stem = stemKorean(word.toLowerCase());
  return [word, stem, standardSpelling(stem)].some((w) => vocabulary.frequency(w) > 0);
}

/** A known word the typed keys spell in the other layout (stems count: `볼륨을` typed as `qhffbadmf`). */
function keyboardConversion(word: string, vocabulary: Vocabulary): string | undefined {
  if (/^[a-z]+$/i.test(word)) {
    const hangul = convertQwertyToHangul(word);
    if (![...hangul].every(isHangulSyllable)) return undefined; // stray jamo: not a Korean word
    return isKnown(hangul, vocabulary) || jamoCompletion(hangul, vocabulary) ? hangul : undefined;
  }
  if (/^[\p{Script=Hangul}]+$/u.test(word)) {
    const latin = convertHangulToQwerty(word).toLowerCase();
    if (/^[a-z]{2,}$/.test(latin) && vocabulary.frequency(latin) > 0) return latin;
  }
  return undefined;
}

/** The most frequent known word whose jamo start with the word's jamo (a syllable being composed). */
function jamoCompletion(word: string, vocabulary: Vocabulary): string | undefined {
  if (!/\p{Script=Hangul}/u.test(word)) return undefined;
  const jamo = jamoOf(word).join("");
  let best: [string, number] | undefined;
  for (const [candidate, df] of vocabulary.wordsOf(chunkKeyOf(word))) {
    if (candidate.length <= word.length - 1 || !jamoOf(candidate).join("").startsWith(jamo)) continue;
    if (!best || df > best[1] || (df === best[1] && candidate.length < best[0].length)) best = [candidate, df];
  }
  return best?.[0];
}

/** The closest known word within the allowed edits; ties go to the more frequent word. */
function nearestWord(word: string, vocabulary: Vocabulary): string | undefined {
  const jamo = jamoOf(word);
  const max = allowedEdits(word);
  let best: { word: string; distance: number; df: number } | undefined;
  for (const [candidate, df] of vocabulary.wordsOf(chunkKeyOf(word))) {
    if (isNeverCorrected(candidate) || [...candidate].length < 2) continue;
    const distance = jamoDistance(jamo, jamoOf(candidate), best ? Math.min(max, best.distance) : max);
    if (distance === Infinity) continue;
    if (!best || distance < best.distance || (distance === best.distance && df > best.df)) best = { word: candidate, distance, df };
  }
  return best?.word;
}

/**
 * Splits a word typed without spaces into known words of two characters or more, fewest parts
 * first; the last part may carry a particle or ending, or start a longer word. Undefined unless it
 * splits in two or more.
 */
function segment(word: string, vocabulary: Vocabulary): string[] | undefined {
  const text = word.toLowerCase();
  const chars = [...text];
  if (chars.length < 4 || !/^(?:\p{Script=Hangul}+|[a-z]+)$/u.test(text)) return undefined;
  const best: (string[] | undefined)[] = [[]];
  for (let end = 2; end <= chars.length; end++) {
    for (let start = 0; start <= end - 2; start++) {
      const before = best[start];
      if (!before) continue;
      const piece = chars.slice(start, end).join("");
      // The last part may carry a particle, or be the start of a word (Pagefind matches it as a prefix).
      const known =
        vocabulary.frequency(piece) > 0 || (end === chars.length && (isKnown(piece, vocabulary) || vocabulary.knowsPrefix(piece)));
      if (known && (!best[end] || best[end]!.length > before.length + 1)) best[end] = [...before, piece];
    }
  }
  const parts = best[chars.length];
  return parts && parts.length >= 2 ? parts : undefined;
}
