import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { allowedEdits, correctRareMatch, isNeverCorrected, jamoDistance, jamoOf, MATCHES_LITTLE } from "../src/search/corrections";
import { standardSpelling } from "../src/search/hangul";
import { stemKorean } from "../src/search/korean-endings";
import { planQuery } from "../src/search/query-plan";
import { chunkKeyOf, Vocabulary, VOCABULARY_MANIFEST, type VocabularyManifest } from "../src/search/vocabulary";
import { DEV_QUERIES, HARD_QUERIES, OWN_HARD_QUERIES, OWN_QUERIES, readQuerySet } from "./lib/search-queries";

/**
 * Where the "matches very little" correction (`correctRareMatch`, issue 12) would fire, on a built
 * site's vocabulary (`dist/search-vocab/`, or the folder given): the figures behind its thresholds
 * in docs/search.md. It prints
 *
 * - the confused-vowel typos (ㅐ/ㅔ, ㅒ/ㅖ, ㅗ/ㅓ) of every Hangul word on 3+ pages: how many match
 *   nothing, are other words, match very little, and which of those the rule corrects;
 * - every prefix of a vocabulary word the rule would correct (a student may be typing that word:
 *   each one is a risk), and how many a rule allowing any edit within the typo distance would;
 * - the words of the four query sets that are a prefix but not a word, and what the rule does.
 *
 * `npx tsx bench/search-typos.ts [site folder]` (after `npm run build`). It prints figures; it is not a test.
 */

const { positionals } = parseArgs({ allowPositionals: true });
const site = path.resolve(positionals[0] ?? "dist");
const manifest = JSON.parse(readFileSync(path.join(site, VOCABULARY_MANIFEST), "utf8")) as VocabularyManifest;
const vocabulary = new Vocabulary(async (file) => JSON.parse(readFileSync(path.join(site, file), "utf8")));
await vocabulary.load(Object.keys(manifest.chunks));
const words = Object.keys(manifest.chunks).flatMap((key) => [...vocabulary.wordsOf(key)]);

const isKnown = (word: string) => {
  const stem = stemKorean(word.toLowerCase());
  return [word, stem, standardSpelling(stem)].some((w) => vocabulary.frequency(w) > 0);
};
/** Pages the words starting with `word` are on (at most: a page may hold several). */
const prefixPages = (word: string) =>
  [...vocabulary.wordsOf(chunkKeyOf(word))].filter(([w]) => w.startsWith(word)).reduce((sum, [, df]) => sum + df, 0);

/** The same rule with any edit within the typo distance, instead of one confused vowel. */
function anyEditRule(word: string): string | undefined {
  if (isNeverCorrected(word) || isKnown(word) || !vocabulary.knowsPrefix(word)) return undefined;
  const pages = prefixPages(word);
  if (pages < 1 || pages > MATCHES_LITTLE.maxPages) return undefined;
  let best: [string, number] | undefined;
  for (const [candidate, df] of vocabulary.wordsOf(chunkKeyOf(word))) {
    if (candidate.startsWith(word) || isNeverCorrected(candidate) || (best && df <= best[1])) continue;
    if (jamoDistance(jamoOf(word), jamoOf(candidate), allowedEdits(word)) !== Infinity) best = [candidate, df];
  }
  return best && best[1] >= MATCHES_LITTLE.minPages && best[1] >= MATCHES_LITTLE.ratio * pages ? best[0] : undefined;
}

// 1. Confused-vowel typos of the Hangul words on 3+ pages (vowel index in a syllable: ㅐ1 ㅔ5, ㅒ3 ㅖ7, ㅓ4 ㅗ8).
const SWAP: Record<number, number> = { 1: 5, 5: 1, 3: 7, 7: 3, 4: 8, 8: 4 };
const typos = { all: 0, nothing: 0, otherWord: 0, little: 0, corrected: [] as string[], left: [] as string[] };
for (const [word, df] of words) {
  if (df < 3 || !/^[\uac00-\ud7a3]{2,}$/.test(word)) continue;
  const chars = [...word];
  chars.forEach((char, i) => {
    const code = char.charCodeAt(0) - 0xac00;
    const vowel = Math.floor((code % 588) / 28);
    if (SWAP[vowel] === undefined) return;
    const typo = [...chars.slice(0, i), String.fromCharCode(0xac00 + code + (SWAP[vowel] - vowel) * 28), ...chars.slice(i + 1)].join("");
    typos.all++;
    if (isKnown(typo)) typos.otherWord++;
    else if (!vocabulary.knowsPrefix(typo)) typos.nothing++;
    else {
      typos.little++;
      const correction = correctRareMatch(typo, vocabulary);
      (correction?.to === word ? typos.corrected : typos.left).push(`${typo} (${word}, ${df} pages)`);
    }
  });
}
console.log(`vocabulary of ${site}: ${words.length} words, ${manifest.pages} pages`);
console.log(
  `confused-vowel typos of Hangul words on 3+ pages: ${typos.all}; match nothing ${typos.nothing}, are other words ${typos.otherWord}, match very little ${typos.little}`,
);
console.log(`  corrected by the rule: ${typos.corrected.join(", ") || "none"}; left: ${typos.left.join(", ") || "none"}`);

// 2. Prefixes of vocabulary words (a student typing that word): each correction is a risk.
const prefixes = new Set<string>();
for (const [word] of words) for (let n = 2; n < [...word].length; n++) prefixes.add([...word].slice(0, n).join(""));
const fired = [...prefixes].flatMap((p) => {
  const to = correctRareMatch(p, vocabulary)?.to;
  return to ? [`${p} → ${to}`] : [];
});
const firedAnyEdit = [...prefixes].flatMap((p) => {
  const to = anyEditRule(p);
  return to ? [`${p} → ${to}`] : [];
});
console.log(`prefixes of vocabulary words (${prefixes.size}) the rule corrects: ${fired.length} (${fired.join(", ")})`);
console.log(`  with any edit within the typo distance instead: ${firedAnyEdit.length} (e.g. ${firedAnyEdit.slice(0, 8).join(", ")})`);

// 3. The query sets' words that are a prefix but not a word.
for (const file of [DEV_QUERIES, OWN_QUERIES, HARD_QUERIES, OWN_HARD_QUERIES]) {
  const rows: string[] = [];
  for (const { q } of readQuerySet(file)) {
    for (const concept of planQuery(q).concepts) {
      const word = concept.text;
      if (word.includes(" ") || isNeverCorrected(word) || isKnown(word) || !vocabulary.knowsPrefix(word)) continue;
      rows.push(`${word} (${prefixPages(word)} pages) → ${correctRareMatch(word, vocabulary)?.to ?? "as typed"}`);
    }
  }
  console.log(`${path.basename(file)}: words that are a prefix, not a word: ${rows.join(", ") || "none"}`);
}
