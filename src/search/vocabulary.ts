import { disassemble, getChoseong } from "es-hangul";
import { standardSpelling } from "./hangul";
import { stemKorean } from "./korean-endings";
import { nfc } from "./words";

/**
 * The site's vocabulary as the query side sees it: every word Pagefind indexed (page text,
 * question, keywords, transcripts), every glossary and synonym spelling, every entry alias,
 * each with its document frequency (pages it is on). The build writes it in small chunks
 * (`src/build/vocabulary-export.ts`), one per first sound — a Hangul word's first initial
 * consonant (`롤백` → `ㄹ`), a Latin word's first letter, `0` for digits — so a correction
 * downloads only the one or two chunks the misspelt word can be in, never the whole list.
 *
 * Chunk files are `search-vocab/<key code point in hex>-<content hash>.json` holding
 * `[[word, documentFrequency], …]`; `search-vocab/manifest.json` maps keys to files.
 */

export const VOCABULARY_DIR = "search-vocab";
export const VOCABULARY_MANIFEST = `${VOCABULARY_DIR}/manifest.json`;

export interface VocabularyManifest {
  /** Pages the frequencies were counted over. */
  readonly pages: number;
  /** Chunk key → file name under `search-vocab/`. */
  readonly chunks: Readonly<Record<string, string>>;
}

export type VocabularyChunk = readonly (readonly [string, number])[];

/** The chunk a word belongs to: its first sound (see above). Undefined for words never corrected. */
export function chunkKeyOf(word: string): string | undefined {
  const first = [...nfc(word).toLowerCase()][0];
  if (!first) return undefined;
  if (/[a-z]/.test(first)) return first;
  if (/\p{N}/u.test(first)) return "0";
  if (/[\uac00-\ud7a3]/.test(first)) return getChoseong(first);
  if (/[\u3131-\u314e]/.test(first)) return first; // a lone consonant: the initial itself
  return undefined;
}

/** File name of a chunk: `ㄹ` → `3139-<hash>.json` (plain ASCII names survive every host). */
export function chunkFileName(key: string, hash: string): string {
  return `${key.codePointAt(0)!.toString(16)}-${hash}.json`;
}

/**
 * What corrections ask of the vocabulary. `load` fetches the chunks for a set of keys (the
 * browser with `fetch`, tests from disk); afterwards `wordsOf` answers synchronously.
 */
export class Vocabulary {
  private readonly loaded = new Map<string, ReadonlyMap<string, number>>();
  private readonly pending = new Map<string, Promise<void>>();
  private manifest: Promise<VocabularyManifest | undefined> | undefined;
  /** `knowsPrefix` answers for words whose chunk is loaded (a loaded chunk never changes). */
  private readonly known = new Map<string, boolean>();

  constructor(private readonly fetchJson: (file: string) => Promise<unknown>) {}

  /** A vocabulary of fixed words (unit tests, and the build's own checks). */
  static fromWords(words: Iterable<readonly [string, number]>): Vocabulary {
    const byKey = new Map<string, [string, number][]>();
    for (const [word, df] of words) {
      const key = chunkKeyOf(word);
      if (!key) continue;
      if (!byKey.has(key)) byKey.set(key, []);
      byKey.get(key)!.push([nfc(word).toLowerCase(), df]);
    }
    const chunks = Object.fromEntries([...byKey.keys()].map((k) => [k, k]));
    return new Vocabulary(async (file) =>
      file === VOCABULARY_MANIFEST ? { pages: 0, chunks } : byKey.get(file.slice(VOCABULARY_DIR.length + 1)),
    );
  }

  private loadManifest(): Promise<VocabularyManifest | undefined> {
    return (this.manifest ??= this.fetchJson(VOCABULARY_MANIFEST).then(
      (m) => m as VocabularyManifest,
      () => undefined,
    ));
  }

  /**
   * Pages in the index, as the build counted them (0 when the manifest is missing). The search
   * page takes word rarity's page count from here rather than from Pagefind's `filters()`, which
   * downloads the whole topic filter chunk (22 KB at 10,000 questions) before the first search.
   */
  async pageCount(): Promise<number> {
    return (await this.loadManifest())?.pages ?? 0;
  }

  async load(keys: Iterable<string>): Promise<void> {
    const manifest = await this.loadManifest();
    if (!manifest) return;
    await Promise.all(
      [...new Set(keys)]
        .filter((key) => !this.loaded.has(key))
        .map((key) => {
          // A chunk already on its way is awaited, not fetched twice (the search page starts
          // loading a query's chunks while Pagefind loads, then the query layer asks again).
          let pending = this.pending.get(key);
          if (!pending) {
            pending = (async () => {
              const file = manifest.chunks[key];
              let words: VocabularyChunk = [];
              if (file) {
                try {
                  words = ((await this.fetchJson(`${VOCABULARY_DIR}/${file}`)) as VocabularyChunk | undefined) ?? [];
                } catch {
                  words = []; // a missing chunk only means no correction from it
                }
              }
              this.loaded.set(key, new Map(words.map(([w, df]) => [w, df])));
              this.pending.delete(key);
            })();
            this.pending.set(key, pending);
          }
          return pending;
        }),
    );
  }

  /** Whether every chunk of `keys` is loaded already (`load` would fetch nothing). */
  hasLoaded(keys: Iterable<string>): boolean {
    for (const key of keys) if (!this.loaded.has(key)) return false;
    return true;
  }

  /** The loaded words of one chunk with their document frequencies (empty until loaded). */
  wordsOf(key: string | undefined): ReadonlyMap<string, number> {
    return (key && this.loaded.get(key)) || EMPTY;
  }

  /**
   * Whether Pagefind's prefix match finds the word: a loaded word starts with it, or with its
   * stem or standard spelling (the query layer searches those too).
   */
  knowsPrefix(word: string): boolean {
    const w = nfc(word).toLowerCase();
    const key = chunkKeyOf(w);
    if (!key || !this.loaded.has(key)) return this.findPrefix(w);
    let known = this.known.get(w);
    if (known === undefined) {
      if (this.known.size >= 5_000) this.known.clear();
      known = this.findPrefix(w);
      this.known.set(w, known);
    }
    return known;
  }

  private findPrefix(w: string): boolean {
    const stem = stemKorean(w);
    const forms = [...new Set([w, stem, standardSpelling(stem)])];
    const words = this.wordsOf(chunkKeyOf(w));
    if (forms.some((f) => words.has(f))) return true;
    for (const candidate of words.keys()) if (forms.some((f) => candidate.startsWith(f))) return true;
    // A stem whose ending merged into its last syllable in the text (`사라지` in `사라진`) is known too.
    if (stem !== w) {
      const stemJamo = disassemble(stem);
      for (const candidate of words.keys()) if (disassemble(candidate).startsWith(stemJamo)) return true;
    }
    return false;
  }

  /** Document frequency of a word, 0 when it is not in the (loaded) vocabulary. */
  frequency(word: string): number {
    const w = nfc(word).toLowerCase();
    return this.wordsOf(chunkKeyOf(w)).get(w) ?? 0;
  }
}

const EMPTY: ReadonlyMap<string, number> = new Map();
