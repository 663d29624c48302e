import { combineCharacter, disassembleCompleteCharacter } from "es-hangul";

/**
 * Small facts about Hangul syllables that ending rules and corrections need. The jamo mechanics
 * (a syllable's initial, medial and final; putting one together again) come from `es-hangul`
 * (Toss, MIT, about 3 KB gzip of what we use), which replaced the hand-written arithmetic here;
 * what stays is the course's own rules built on it.
 */

/** Final consonants (받침) the rules ask about; `""` means the syllable ends in a vowel. */
export const FINAL = { none: "", nieun: "ㄴ", rieul: "ㄹ", mieum: "ㅁ", bieup: "ㅂ", ssangsiot: "ㅆ" } as const;

const FIRST = 0xac00;
const LAST = 0xd7a3;

export function isHangulSyllable(char: string | undefined): boolean {
  if (!char) return false;
  const code = char.charCodeAt(0);
  return code >= FIRST && code <= LAST;
}

/** The final consonant of a syllable (`""` for none); undefined for anything that is not a syllable. */
export function finalOf(char: string | undefined): string | undefined {
  if (!char || !isHangulSyllable(char)) return undefined;
  return disassembleCompleteCharacter(char)?.jongseong;
}

/** The syllable without its final consonant: `했` → `해`, `할` → `하`. */
export function withoutFinal(char: string): string {
  const parts = isHangulSyllable(char) ? disassembleCompleteCharacter(char) : undefined;
  if (!parts || !parts.jongseong) return char;
  return combineCharacter(parts.choseong, parts.jungseong);
}

/** Hangul syllables, compatibility jamo and Hangul jamo (what an IME leaves mid-composition). */
export const HANGUL_CHAR = /[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]/;
export const isHangulWord = (word: string) => word.length > 0 && [...word].every((c) => HANGUL_CHAR.test(c));

/** After these initials a y-vowel sounds like the plain one (져 = 저, 쥴 = 줄). */
const PALATAL_INITIALS = new Set(["ㅈ", "ㅉ", "ㅊ"]);
const PLAIN_VOWEL: Record<string, string> = { ㅑ: "ㅏ", ㅒ: "ㅐ", ㅕ: "ㅓ", ㅖ: "ㅔ", ㅛ: "ㅗ", ㅠ: "ㅜ" };

/**
 * The standard spelling of loanword syllables that students (and the notes) often write with a
 * y-vowel after ㅈ/ㅊ: `버젼` → `버전`, `스케쥴링` → `스케줄링`, `쵸` → `초`. Both sound the same,
 * so the misspelling is common; search compares both sides in this form.
 */
export function standardSpelling(word: string): string {
  let out = "";
  for (const char of word) {
    const parts = isHangulSyllable(char) ? disassembleCompleteCharacter(char) : undefined;
    const plain = parts && PALATAL_INITIALS.has(parts.choseong) ? PLAIN_VOWEL[parts.jungseong] : undefined;
    out += parts && plain ? combineCharacter(parts.choseong, plain, parts.jongseong) : char;
  }
  return out;
}
