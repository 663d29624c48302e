/**
 * Small facts about Hangul syllables that ending rules need. A precomposed syllable (가–힣) is
 * 0xAC00 + (initial × 21 + medial) × 28 + final; final 0 means the syllable ends in a vowel.
 */
const FIRST = 0xac00;
const LAST = 0xd7a3;

/** Final consonant (받침) indexes used by the rules. */
export const FINAL = { none: 0, nieun: 4, rieul: 8, mieum: 16, bieup: 17, ssangsiot: 20 } as const;

export function isHangulSyllable(char: string | undefined): boolean {
  if (!char) return false;
  const code = char.charCodeAt(0);
  return code >= FIRST && code <= LAST;
}

/** The final consonant index of a syllable (0 for none); -1 for anything that is not a syllable. */
export function finalOf(char: string | undefined): number {
  if (!isHangulSyllable(char)) return -1;
  return (char!.charCodeAt(0) - FIRST) % 28;
}

/** The syllable without its final consonant: `했` → `해`, `할` → `하`. */
export function withoutFinal(char: string): string {
  const final = finalOf(char);
  if (final <= 0) return char;
  return String.fromCharCode(char.charCodeAt(0) - final);
}

/** Hangul syllables, compatibility jamo and Hangul jamo (what an IME leaves mid-composition). */
export const HANGUL_CHAR = /[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]/;
export const isHangulWord = (word: string) => word.length > 0 && [...word].every((c) => HANGUL_CHAR.test(c));

/** Medial vowel indexes that sound the same as a plain vowel after ㅈ, ㅉ, ㅊ (져 = 저, 쥴 = 줄). */
const PALATAL_INITIALS = new Set([12, 13, 14]);
const PLAIN_VOWEL: Record<number, number> = { 2: 0, 3: 1, 6: 4, 7: 5, 12: 8, 17: 13 };

/**
 * The standard spelling of loanword syllables that students (and the notes) often write with a
 * y-vowel after ㅈ/ㅊ: `버젼` → `버전`, `스케쥴링` → `스케줄링`, `쵸` → `초`. Both sound the same,
 * so the misspelling is common; search compares both sides in this form.
 */
export function standardSpelling(word: string): string {
  let out = "";
  for (const char of word) {
    if (!isHangulSyllable(char)) {
      out += char;
      continue;
    }
    const offset = char.charCodeAt(0) - FIRST;
    const initial = Math.floor(offset / 588);
    const medial = Math.floor((offset % 588) / 28);
    const plain = PLAIN_VOWEL[medial];
    out += PALATAL_INITIALS.has(initial) && plain !== undefined ? String.fromCharCode(char.charCodeAt(0) + (plain - medial) * 28) : char;
  }
  return out;
}
