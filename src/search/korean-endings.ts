import { memoizeByString } from "./memoize";
import { FINAL, finalOf, isHangulSyllable, withoutFinal } from "./hangul";

/**
 * Strips Korean particles (조사) and common verb endings from a word, so `컨테이너가` and
 * `컨테이너를` both become `컨테이너` and `삭제되면` becomes `삭제`. The same function runs on
 * query words and on page text (the per-page keywords), so both sides meet on one stem.
 *
 * The rules only ever cut syllables off the end, so a stem is a prefix of the word it came from:
 * with Pagefind's prefix matching, a stem cut one syllable too short still finds the word.
 * A cut that would leave fewer than two syllables is refused (`추가`, `하나`, `정의` stay whole).
 */

/** Which syllable a particle may follow: 이/을/은 follow a final consonant, 가/를/는 a vowel. */
type After = "any" | "consonant" | "vowel" | "vowel-or-rieul";

const PARTICLES: ReadonlyArray<readonly [string, After]> = [
  // Case and topic markers.
  ["이", "consonant"],
  ["가", "vowel"],
  ["을", "consonant"],
  ["를", "vowel"],
  ["은", "consonant"],
  ["는", "vowel"],
  ["과", "consonant"],
  ["와", "vowel"],
  ["으로", "consonant"],
  ["로", "vowel-or-rieul"],
  ["의", "any"],
  ["도", "any"],
  ["만", "any"],
  ["에", "any"],
  ["에서", "any"],
  ["에게", "any"],
  ["한테", "any"],
  ["께", "any"],
  ["께서", "any"],
  // Delimiters and comparisons.
  ["까지", "any"],
  ["부터", "any"],
  ["마다", "any"],
  ["처럼", "any"],
  ["보다", "any"],
  ["하고", "any"],
  ["밖에", "any"],
  ["대신", "any"],
  ["조차", "any"],
  ["뿐", "any"],
  ["끼리", "any"],
  ["같이", "any"],
  ["이나", "consonant"],
  ["나", "vowel"],
  ["이랑", "consonant"],
  ["랑", "vowel"],
  ["이든", "consonant"],
  ["든", "vowel"],
  ["이라도", "consonant"],
  ["라도", "vowel"],
  ["이라고", "consonant"],
  ["라고", "vowel"],
  ["이라는", "consonant"],
  ["라는", "vowel"],
  ["이란", "consonant"],
  ["란", "vowel"],
  ["이며", "consonant"],
  ["며", "vowel"],
  ["으로서", "consonant"],
  ["로서", "vowel-or-rieul"],
  ["으로써", "consonant"],
  ["로써", "vowel-or-rieul"],
  // Plural and "at the time of" (`삭제시`, `push시에`).
  ["들", "any"],
  ["시", "any"],
];

/** 하다/되다/이다 and friends: a stem, one of these syllables, then a tail from ENDING_TAILS. */
const VERB_SYLLABLES = [
  "하",
  "되",
  "해",
  "돼",
  "했",
  "됐",
  "한",
  "된",
  "할",
  "될",
  "함",
  "됨",
  "합",
  "됩",
  "하여",
  "되어",
  "시키",
  "시켜",
  "시킨",
  "시킬",
  "인",
  "일",
  "입",
];
/** A copula syllable with nothing after it (`도메인`, `스타일`) is more often part of a noun. */
const NEEDS_TAIL = new Set(["인", "일", "입"]);

/** The copula 이 itself (`하나이니까`, `데이터이고`) only with these tails: `이어`, `이다` end nouns too. */
const COPULA_TAILS = ["니까", "라서", "어서", "고", "죠", "에요", "면", "지만", "라고", "라는", "며", "었", "었나요", "었는데", "지요"];

/** What may follow a verb stem or a 하/되 syllable: `면` in 삭제하면, `나요` in 되나요 … */
const ENDING_TAILS = [
  "",
  "면",
  "면은",
  "나요",
  "나",
  "냐",
  "는",
  "는데",
  "는데요",
  "는지",
  "는지요",
  "던",
  "던데",
  "고",
  "서",
  "여",
  "여서",
  "도",
  "야",
  "야지",
  "요",
  "지",
  "지만",
  "지요",
  "기",
  "기도",
  "기는",
  "기가",
  "기를",
  "게",
  "게는",
  "죠",
  "니다",
  "니까",
  "습니다",
  "다",
  "다고",
  "다는",
  "다면",
  "려면",
  "려고",
  "려",
  "어",
  "어서",
  "어야",
  "어도",
  "어요",
  "었",
  "었나요",
  "었는데",
  "었다",
  "었습니다",
  "었어요",
  "세요",
  "시나요",
  "셨나요",
  "가요",
  "까요",
  "는가요",
  "는건가요",
  "는건지",
  "는거죠",
  "는게",
  "는걸",
  "도록",
  "네요",
  "군요",
  "든지",
  "때",
  "데",
];

/** Endings of other verbs, cut after a stem of two syllables or more (`지우면`, `사라지나요`). */
const VERB_ENDINGS = [
  "면",
  "으면",
  "나요",
  "냐",
  "는지",
  "는데",
  "는데요",
  "려면",
  "으려면",
  "려고",
  "어야",
  "아야",
  "어서",
  "아서",
  "어도",
  "아도",
  "어요",
  "아요",
  "지만",
  "지요",
  "습니다",
  "죠",
  "을까요",
  "니까",
  "으니까",
  "도록",
  "네요",
  "는",
  "던",
  "다",
  "든지",
  "는가요",
  "는건가요",
  "는건지",
  "는거죠",
];

/** Tails that merge a consonant into the syllable before them: 지웁니다, 지울까요, 지운다. */
const MERGED_TAILS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ["니다", [FINAL.bieup]],
  ["까요", [FINAL.rieul]],
  ["가요", [FINAL.nieun]],
  ["다", [FINAL.nieun]],
  ["데", [FINAL.nieun]],
  ["지", [FINAL.nieun, FINAL.rieul]],
  ["때", [FINAL.rieul]],
];

const MIN_STEM_SYLLABLES = 2;

const byLengthDesc = <T extends readonly [string, ...unknown[]] | string>(items: readonly T[]) =>
  [...items].sort((a, b) => (typeof b === "string" ? b : b[0]).length - (typeof a === "string" ? a : a[0]).length);

const SORTED_PARTICLES = byLengthDesc(PARTICLES);
const SORTED_VERB_ENDINGS = byLengthDesc(VERB_ENDINGS);

function fitsAfter(previous: string | undefined, after: After): boolean {
  const final = finalOf(previous);
  if (final === undefined) return false;
  switch (after) {
    case "any":
      return true;
    case "consonant":
      return final !== FINAL.none;
    case "vowel":
      return final === FINAL.none;
    case "vowel-or-rieul":
      return final === FINAL.none || final === FINAL.rieul;
  }
}

const longEnough = (stem: string) => stem.length >= MIN_STEM_SYLLABLES && [...stem].every(isHangulSyllable);

/**
 * Strips particles only (`컨테이너들에서는` → `컨테이너`): the noun a student meant. The longest
 * particle that fits decides; if cutting it would leave too short a stem the word stays as it is
 * (`것으로` does not become `것으`).
 */
export function stripParticles(word: string): string {
  let current = word;
  for (let round = 0; round < 4; round++) {
    const rule = SORTED_PARTICLES.find(
      ([suffix, after]) => current.endsWith(suffix) && current.length > suffix.length && fitsAfter(current.at(-suffix.length - 1), after),
    );
    if (!rule || !longEnough(current.slice(0, -rule[0].length))) break;
    current = current.slice(0, -rule[0].length);
  }
  return current;
}

/** Cuts a 하다/되다/이다 form (`삭제되면`, `설정했나요`, `관계인가요`) down to its noun. */
function stripVerbSyllable(word: string): string | undefined {
  // The longest stem wins: the verb syllable nearest the end.
  for (let at = word.length - 1; at >= MIN_STEM_SYLLABLES; at--) {
    const stem = word.slice(0, at);
    if (!longEnough(stem)) continue;
    const rest = word.slice(at);
    if (rest.startsWith("이") && COPULA_TAILS.includes(rest.slice(1))) return stem;
    for (const syllable of VERB_SYLLABLES) {
      if (!rest.startsWith(syllable)) continue;
      const tail = rest.slice(syllable.length);
      if (tail === "" && NEEDS_TAIL.has(syllable)) continue;
      if (ENDING_TAILS.includes(tail)) return stem;
    }
  }
  return undefined;
}

/**
 * Cuts the ending of any other verb (`지우면` → `지우`, `지웁니다` → `지우`). The longest
 * ending decides; a tail that merged its consonant into the stem counts half a syllable more, so
 * `지웁니다` loses `ㅂ니다` rather than `다`. When the longest ending would leave too short a
 * stem the word stays whole (`맞습니다` is not `맞스`).
 */
function stripVerbEnding(word: string): string | undefined {
  let best: { stem: string; length: number } | undefined;
  const consider = (stem: string, length: number) => {
    if (!best || length > best.length) best = { stem, length };
  };
  for (const ending of SORTED_VERB_ENDINGS) {
    if (word.endsWith(ending)) consider(word.slice(0, -ending.length), ending.length);
  }
  for (const [tail, finals] of MERGED_TAILS) {
    const merged = word.at(-tail.length - 1);
    if (!word.endsWith(tail) || !merged || !finals.includes(finalOf(merged) ?? "-")) continue;
    consider(word.slice(0, -tail.length - 1) + withoutFinal(merged), tail.length + 0.5);
  }
  return best && longEnough(best.stem) ? best.stem : undefined;
}

/**
 * The stem of a Hangul word: particles first, then a verb ending, then particles again
 * (`사용하는` → `사용`, `독립적으로` → `독립적`). Non-Hangul words come back unchanged.
 */
export const stemKorean = memoizeByString((word: string): string => {
  if (![...word].every(isHangulSyllable)) return word;
  const noun = stripParticles(word);
  const verb = stripVerbSyllable(noun) ?? stripVerbSyllable(word) ?? stripVerbEnding(noun);
  return verb ? stripParticles(verb) : noun;
});

const PARTICLE_SET = new Set(PARTICLES.map(([p]) => p));
const COPULA_ENDING = /^(?:이|인|입|일)(?:가요|까요|니다|지|데|에요|죠|다|니까)$/;

/**
 * True when a Hangul run is nothing but particles or an ending (`을` in `ReplicaSet을`, `시에` in
 * `push시에`, `하면`, `인가요`): the run adds nothing to search for.
 */
export function isOnlyParticleOrEnding(run: string): boolean {
  if (run === "") return true;
  if (run === "하나") return false; // "one", not 하 + 나
  if (ENDING_TAILS.includes(run) || COPULA_ENDING.test(run)) return true;
  if (VERB_SYLLABLES.some((v) => run.startsWith(v) && ENDING_TAILS.includes(run.slice(v.length)))) return true;
  for (let cut = Math.min(3, run.length); cut >= 1; cut--) {
    if (PARTICLE_SET.has(run.slice(0, cut)) && isOnlyParticleOrEnding(run.slice(cut))) return true;
  }
  return false;
}
