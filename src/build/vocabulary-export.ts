import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { GLOSSARY } from "../search/glossary";
import { SYNONYMS } from "../search/synonyms";
import { stemKorean } from "../search/korean-endings";
import { chunkFileName, chunkKeyOf, VOCABULARY_DIR, VOCABULARY_MANIFEST, type VocabularyManifest } from "../search/vocabulary";
import { nfc, splitWords } from "../search/words";
import { readPagefindBody } from "./pagefind-files";

/**
 * Writes the search vocabulary (`src/search/vocabulary.ts`) after Pagefind has indexed the site.
 * It reads what Pagefind indexed from Pagefind's own result fragments (one per page: its text,
 * question and meta fields — keywords, aliases, transcript words), so the vocabulary is every
 * word the index holds, with the number of pages each is on; the glossary's and the synonym
 * table's spellings are added at frequency 1 when no page has them, so corrections can reach
 * them too. Chunked by first sound so a correction downloads a few KB, whatever the site's size.
 */

/** Words longer than this are transcript noise (hashes, base64), never a student's typo. */
const MAX_WORD_LENGTH = 32;

interface Fragment {
  content?: string;
  meta?: Record<string, string>;
}

/** The words Pagefind indexes in a text: lower case, split on spaces, punctuation trimmed, plus our own word split. */
export function indexedWords(text: string): Set<string> {
  const words = new Set<string>();
  const add = (w: string) => {
    const word = nfc(w)
      .toLowerCase()
      .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
    if (word && [...word].length <= MAX_WORD_LENGTH && chunkKeyOf(word)) words.add(word);
  };
  for (const token of text.split(/\s+/)) add(token);
  for (const word of splitWords(text)) {
    add(word);
    if (/\p{Script=Hangul}/u.test(word)) add(stemKorean(word));
  }
  return words;
}

/** Reads Pagefind's fragments: JSON behind the data files' signature. */
function readFragments(siteDir: string): Fragment[] {
  const dir = path.join(siteDir, "pagefind", "fragment");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".pf_fragment"))
    .map((f) => JSON.parse(readPagefindBody(path.join(dir, f)).toString("utf8")) as Fragment);
}

export interface VocabularyStats {
  words: number;
  chunks: number;
  bytes: number;
  largestChunk: number;
}

export function writeVocabulary(siteDir: string): VocabularyStats {
  const frequency = new Map<string, number>();
  const fragments = readFragments(siteDir);
  for (const fragment of fragments) {
    const text = [fragment.content ?? "", ...Object.values(fragment.meta ?? {})].join(" ");
    for (const word of indexedWords(text)) frequency.set(word, (frequency.get(word) ?? 0) + 1);
  }
  const spellings = [...GLOSSARY.flatMap((t) => t.variants), ...SYNONYMS.flatMap((s) => [...s.phrases, ...s.means])];
  for (const spelling of spellings) for (const word of indexedWords(spelling)) if (!frequency.has(word)) frequency.set(word, 1);

  const byKey = new Map<string, [string, number][]>();
  for (const [word, df] of [...frequency].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const key = chunkKeyOf(word)!;
    if (!byKey.has(key)) byKey.set(key, []);
    byKey.get(key)!.push([word, df]);
  }
  const outDir = path.join(siteDir, VOCABULARY_DIR);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const chunks: Record<string, string> = {};
  let bytes = 0;
  let largestChunk = 0;
  for (const [key, words] of byKey) {
    const json = JSON.stringify(words);
    const file = chunkFileName(key, createHash("sha256").update(json).digest("hex").slice(0, 10));
    writeFileSync(path.join(outDir, file), json);
    chunks[key] = file;
    bytes += json.length;
    largestChunk = Math.max(largestChunk, Buffer.byteLength(json));
  }
  const manifest: VocabularyManifest = { pages: fragments.length, chunks };
  writeFileSync(path.join(siteDir, VOCABULARY_MANIFEST), JSON.stringify(manifest));
  return { words: frequency.size, chunks: byKey.size, bytes, largestChunk };
}
