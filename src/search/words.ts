import { HANGUL_CHAR } from "./hangul";
import { memoizeByString } from "./memoize";
import { isOnlyParticleOrEnding } from "./korean-endings";

/**
 * Splitting text into search words the way students type and the notes are written:
 * `ReplicaSet을` → `ReplicaSet` (the particle goes), `R/W레이어` → `R/W`, `레이어`,
 * `생성/수정/삭제되는` → three words, `name:tag`, `pod-template-hash` and `values.yaml` stay whole.
 */

/** Characters that never belong to a word: brackets, quotes, sentence punctuation. */
const SEPARATORS = /[\s()[\]{}<>"'`‘’“”«»,;!?…·•|*~^\\]+/u;
/** Joiners kept inside a Latin or number run (`R/W`, `name:tag`, `1.0.0`, `--namespace`). */
const JOINERS = /[/:.\-_=+@#$%&]/;

const isHangul = (c: string) => HANGUL_CHAR.test(c);

/** NFC, so `컨테이너` typed on macOS (decomposed) equals the page text. */
export const nfc = (text: string) => text.normalize("NFC");

/**
 * Splits one whitespace-free token at script boundaries. Joiners between two Hangul syllables
 * separate words (`생성/수정`); a Hangul run that is only a particle or an ending is dropped, and
 * digits stay with the Hangul that follows them (`24시간`, `6개`) unless that is only a particle
 * (`8080으로` → `8080`).
 */
export const splitScripts = memoizeByString((token: string): string[] => {
  const chars = [...token];
  const runs: string[] = [];
  let current = "";
  const flush = () => {
    if (current) runs.push(current);
    current = "";
  };
  for (const [i, c] of chars.entries()) {
    const before = chars[i - 1];
    const after = chars[i + 1];
    if (JOINERS.test(c)) {
      // Between Latin letters or digits a joiner stays (`R/W`); next to Hangul or at an edge it separates.
      if (before && after && !isHangul(before) && !isHangul(after) && !JOINERS.test(before)) current += c;
      else flush();
      continue;
    }
    const digitsSoFar = /^\p{N}+$/u.test(current);
    if (before && current && isHangul(c) !== isHangul(before) && !JOINERS.test(before) && !(isHangul(c) && digitsSoFar)) flush();
    current += c;
  }
  flush();
  return runs.flatMap((run, i) => {
    // `8080으로`: the number keeps its own word, the particle goes.
    const numberThenHangul = /^(\p{N}+)(\p{Script=Hangul}+)$/u.exec(run);
    if (numberThenHangul && isOnlyParticleOrEnding(numberThenHangul[2]!)) return [numberThenHangul[1]!];
    // A particle or ending run after another run (`ReplicaSet을`, `push시에`) carries no meaning.
    if (i > 0 && /^\p{Script=Hangul}+$/u.test(run) && isOnlyParticleOrEnding(run)) return [];
    return [run];
  });
});

/**
 * The words of a text: NFC, split on whitespace, then on punctuation and at script boundaries.
 * A particle glued to a word by punctuation (`layer)들과`, `(R/W layer)가`) is dropped like one
 * glued directly.
 */
export function splitWords(text: string): string[] {
  return nfc(text)
    .split(/\s+/)
    .flatMap((token) =>
      token
        .split(SEPARATORS)
        .flatMap((piece, i) => (i > 0 && /^\p{Script=Hangul}+$/u.test(piece) && isOnlyParticleOrEnding(piece) ? [] : splitScripts(piece))),
    )
    .filter((w) => /[\p{L}\p{N}]/u.test(w));
}

/**
 * English singular by the plain rules (`labels` → `label`, `classes` → `class`); never below three
 * letters and never for `-ss`, `-us`, `-is` words (`ingress`, `status`, `analysis`).
 */
export function singular(word: string): string {
  if (!/^[a-z][a-z0-9]*$/i.test(word) || word.length <= 3) return word;
  if (/(?:sses|xes|ches|shes|zes)$/i.test(word)) return word.slice(0, -2);
  if (/[^su]s$/i.test(word) && !/is$/i.test(word)) return word.slice(0, -1);
  return word;
}

/** The Latin parts of a joined word (`pod-template-hash` → pod, template, hash), two letters or more. */
export function joinedParts(word: string): string[] {
  if (!JOINERS.test(word)) return [];
  const parts = word.split(/[/:.\-_=+@#$%&]+/).filter((p) => p.length >= 2);
  return parts.length >= 2 ? parts : [];
}
