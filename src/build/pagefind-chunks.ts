/**
 * Cuts Pagefind's word index into smaller chunks, along word families, after Pagefind has written it.
 *
 * Why: a search downloads the one index chunk that holds each of its words. Pagefind cuts its index
 * every 20,000 word positions (a constant in Pagefind 1.6, no option), so at 2,000 questions each
 * chunk is ~12 KB gzip and a corrected query whose words and glossary spellings fall in four chunks
 * fetched 47 KB of index before its first results; on this site the whole index is one 38 KB chunk,
 * fetched by every first query. Smaller chunks cost a few more bytes of Pagefind's metadata (one entry
 * each) and save most of that.
 *
 * Results: Pagefind finds a query word's pages among the words of the chunks loaded — every word the
 * query word starts (prefix match) or, when none, the longest word it starts with. Pagefind's own cut
 * falls anywhere, also inside a word family (`container` | `containers`), so at scale a word can miss
 * some of its forms; ours only cuts between words whose first character differs (for Hangul, which
 * Pagefind stores decomposed, the first vowel: `라…` | `레…`), so every query word of two or more
 * characters finds all its forms in the one chunk it loads. On this site's index (one Pagefind chunk)
 * every query answers exactly as before (`tests/e2e/built/search-index-chunks.test.ts` compares all
 * four query sets). Only when a family alone outgrows the chunk size many times over (the `c…` words
 * at 10,000 questions) is it cut one character deeper, each deeper level needing a chunk twice as big;
 * the words such a cut separates from their longer forms (`c`, `co`) are copied into the next chunk,
 * so that the longest-prefix fallback still finds them.
 *
 * Pagefind's files are gzipped CBOR (`pagefind_dcd` + data); the word index is `[[word, …], …]` with
 * each word `[text, …]` sorted by text, and the metadata lists each chunk as `[from, to, hash]`. The
 * rewrite checks that shape (and that it re-encodes Pagefind's metadata byte for byte) and fails the
 * build with the file's name if a Pagefind upgrade changes it. `cbor2` does the CBOR.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { encode } from "cbor2";
import { openPagefindMeta, packPagefindFile, readPagefindFile, shortHash } from "./pagefind-files";

/** Raw CBOR bytes per chunk before a cut is considered (about 3–4 KB once gzipped). */
export const CHUNK_TARGET_BYTES = 8000;

/** A word of Pagefind's index: its text first, then its pages (kept as Pagefind wrote them). */
export type IndexWord = [string, ...unknown[]];

/** Characters the two words share at their start, in code points. */
function sharedPrefix(a: string, b: string): string[] {
  const x = [...a];
  const y = [...b];
  let n = 0;
  while (n < x.length && n < y.length && x[n] === y[n]) n++;
  return x.slice(0, n);
}

/** A lone Hangul initial consonant (Pagefind stores Hangul decomposed): no query word is one. */
const isLeadJamo = (char: string | undefined) => char !== undefined && /^[\u1100-\u1112]$/u.test(char);

/**
 * How deep a cut between two neighbouring words reaches into word families: 0 when no query word
 * of two or more characters (one Hangul syllable) can start both, else the length of the shared
 * start that such a word would be cut from.
 */
export function cutDepth(before: string, after: string): number {
  const shared = sharedPrefix(before, after);
  if (shared.length === 1 && isLeadJamo(shared[0])) return 0;
  return shared.length;
}

export interface PlannedChunk {
  /** The chunk's own words (they decide its range in the metadata). */
  words: IndexWord[];
  /** Words of the previous chunk copied in front: prefixes of this chunk's first words (see header). */
  carried: IndexWord[];
}

/**
 * Splits the sorted words into chunks of about `targetBytes` (`sizeOf` each word): a chunk ends at
 * the first cut of depth 0 once it holds `targetBytes`, of depth d once it holds `targetBytes × 2^d`.
 */
export function planChunks(words: readonly IndexWord[], targetBytes: number, sizeOf: (w: IndexWord) => number): PlannedChunk[] {
  const chunks: PlannedChunk[] = [];
  let current: PlannedChunk = { words: [], carried: [] };
  let bytes = 0;
  for (const word of words) {
    const last = current.words.at(-1);
    if (last) {
      const depth = cutDepth(last[0], word[0]);
      if (bytes >= targetBytes * 2 ** depth) {
        chunks.push(current);
        const shared = sharedPrefix(last[0], word[0]).join("");
        // Words the cut separates from their longer forms: the longest-prefix fallback needs them.
        const carried = depth > 0 ? current.words.filter((w) => shared.startsWith(w[0])) : [];
        current = { words: [], carried };
        bytes = carried.reduce((sum, w) => sum + sizeOf(w), 0);
      }
    }
    current.words.push(word);
    bytes += sizeOf(word);
  }
  if (current.words.length > 0) chunks.push(current);
  return chunks;
}

/**
 * Each chunk's `[from, to]` in Pagefind's metadata, as Pagefind writes them: a neighbour's bounds
 * are shortened to one character past what the two share.
 */
export function chunkRanges(chunks: readonly PlannedChunk[]): [string, string][] {
  const ranges = chunks.map((c): [string, string] => [c.words[0]![0], c.words.at(-1)![0]]);
  for (let i = 0; i + 1 < ranges.length; i++) {
    const shared = sharedPrefix(ranges[i]![1], ranges[i + 1]![0]).length;
    ranges[i]![1] = [...ranges[i]![1]].slice(0, shared + 1).join("");
    ranges[i + 1]![0] = [...ranges[i + 1]![0]].slice(0, shared + 1).join("");
  }
  return ranges;
}

export interface RechunkReport {
  before: { chunks: number; bytes: number };
  after: { chunks: number; bytes: number; largest: number };
  metaBytes: { before: number; after: number };
}

/**
 * Rewrites `pagefindDir`'s word index in chunks of about `targetBytes` (raw CBOR) and its metadata
 * to match (new file names: they are cached as immutable). Throws naming the file when Pagefind's
 * format is not the one this was written for.
 */
export function rechunkPagefindIndex(pagefindDir: string, targetBytes = CHUNK_TARGET_BYTES): RechunkReport {
  const opened = openPagefindMeta(pagefindDir);
  const { language, file: metaFile, meta } = opened;
  if (
    !Array.isArray(meta) ||
    !Array.isArray(meta[2]) ||
    !meta[2].every((c) => Array.isArray(c) && c.length === 3 && c.every((s) => typeof s === "string"))
  )
    throw new Error(`${metaFile}: Pagefind's metadata has changed shape (expected its index chunks as [from, to, hash])`);
  if (!Buffer.from(encode(meta)).equals(opened.cbor))
    throw new Error(`${metaFile}: Pagefind's metadata does not re-encode byte for byte; its format has changed`);

  const words: IndexWord[] = [];
  let bytesBefore = 0;
  const oldFiles: string[] = [];
  for (const [, , hash] of meta[2] as [string, string, string][]) {
    const file = path.join(pagefindDir, "index", `${hash}.pf_index`);
    bytesBefore += readFileSync(file).length;
    const chunk = readPagefindFile(file);
    if (
      !Array.isArray(chunk) ||
      chunk.length !== 1 ||
      !Array.isArray(chunk[0]) ||
      !chunk[0].every((w) => Array.isArray(w) && typeof w[0] === "string")
    )
      throw new Error(`${file}: Pagefind's index chunk has changed shape (expected [[word, …], …])`);
    words.push(...(chunk[0] as IndexWord[]));
    oldFiles.push(file);
  }
  for (let i = 1; i < words.length; i++)
    if (Buffer.compare(Buffer.from(words[i - 1]![0]), Buffer.from(words[i]![0])) >= 0)
      throw new Error(`${pagefindDir}/index: Pagefind's words are not in sorted order at “${words[i]![0]}”`);

  const chunks = planChunks(words, targetBytes, (w) => encode(w).length);
  const ranges = chunkRanges(chunks);
  for (const file of oldFiles) rmSync(file);
  const sizes: number[] = [];
  const metaChunks = chunks.map((chunk, i) => {
    const body = packPagefindFile([[...chunk.carried, ...chunk.words]]);
    const hash = `${language}_${shortHash(body, 7)}`;
    writeFileSync(path.join(pagefindDir, "index", `${hash}.pf_index`), body);
    sizes.push(body.length);
    return [ranges[i]![0], ranges[i]![1], hash];
  });
  meta[2] = metaChunks;
  const metaBytesAfter = opened.replace(meta);
  // Nothing of the old index may stay behind (the offline copy lists what is in the folder).
  const left = readdirSync(path.join(pagefindDir, "index")).length;
  const written = new Set(metaChunks.map((c) => c[2])).size;
  if (left !== written) throw new Error(`${pagefindDir}/index: ${left} files after writing ${written} chunks`);
  return {
    before: { chunks: oldFiles.length, bytes: bytesBefore },
    after: { chunks: chunks.length, bytes: sizes.reduce((a, b) => a + b, 0), largest: Math.max(...sizes) },
    metaBytes: { before: opened.fileBytes, after: metaBytesAfter },
  };
}
