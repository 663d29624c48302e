/**
 * Gives Pagefind's result fragments shorter names, after Pagefind has written them (and after
 * `pagefind-chunks.ts` has recut the word index).
 *
 * Why: Pagefind's metadata (`pagefind.*.pf_meta`), which every first query downloads, lists every
 * page's fragment name: `ko_` + 7 hex digits of a content hash. Random characters don't compress, so at
 * 10,000 questions those names were ~46 KB of the metadata's 57 KB, and the one query that missed the
 * first query's 200 KB budget (issue 12) missed it by 8 KB. Each bit of name costs ~1.2 KB there.
 * Here a name is the shortest prefix, at least `MIN_NAME_LENGTH` characters, of Pagefind's own hash
 * of the fragment written in base 32 (`0-9a-v`: lower case only, safe on any file system and in any
 * URL) that no other fragment of this build shares; fragments that share a prefix are all lengthened
 * until they differ (identical fragments share one name, as in Pagefind). The `ko_` goes: it tells
 * languages apart in a multilingual index, and this site has one language (checked).
 *
 * Pagefind's hash (`full_hash` in its source: the SHA-1 of the fragment's JSON, each byte written in
 * hex without its leading zero) is used rather than a fresh one so that the new names sort exactly as
 * Pagefind's did: the query layer breaks ties between equal scores by page id (rank-pages.ts), so the
 * renaming changes nothing a search shows, not even the order of ties. Each of Pagefind's names must
 * be a prefix of that hash, which the rewrite checks: a Pagefind that hashes otherwise fails the build.
 *
 * Fragments are cached by name (docs/deploying.md recommends a day for them, a year for the other
 * hashed files), so a changed fragment must never keep a name a browser may hold. Five characters are 25 bits:
 * - an edit keeps its page's name with a chance of about 1 in 2^25 (33.5 million) — the new hash
 *   would have to start with the old name;
 * - the larger risk is a new or edited fragment taking a name that an earlier build gave to *other*
 *   content, no longer in the site, that some browser still holds in its HTTP cache: about 1 in 3,400
 *   per edit if 10,000 retired names were still cached somewhere (Pagefind's own 28 bits: 1 in
 *   27,000). Such a browser would show that old fragment's title and excerpt for one result until
 *   its cache expires (a day with the recommended header). Where it matters most it cannot happen: the
 *   service worker checks every file it stores or serves from its cache against the build's SHA-256
 *   (its core packs carry every fragment), so only a browser without a controlling service worker
 *   could meet it. Accepted for 6.7 KB of every first query at 10,000 questions; a deployment that edits
 *   thousands of pages often can raise `MIN_NAME_LENGTH` (each character: ×32 safer, ~6–7 KB at 10,000).
 *
 * Pagefind finds a fragment only through the metadata (`fragment/<name>.pf_fragment`); the word index
 * and the filter chunks refer to pages by their position in that list, which does not change. A result's
 * `id` is the name, so everything keyed by it (the query layer's memo) sees one id per fragment as before.
 * The rewrite checks the metadata's shape and that every named fragment is there, and fails the build
 * naming the file if a Pagefind upgrade changes them.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, renameSync } from "node:fs";
import path from "node:path";
import { openPagefindMeta, readPagefindBody } from "./pagefind-files";

/** Shortest name: 5 base-32 characters, 25 bits (see the header for the risk this leaves). */
export const MIN_NAME_LENGTH = 5;
const ALPHABET = "0123456789abcdefghijklmnopqrstuv";

/** Bytes in base 32, most significant bits first (RFC 4648's base32hex, lower case, no padding). */
export function base32(digest: Uint8Array): string {
  let out = "";
  let bits = 0;
  let value = 0;
  for (const byte of digest) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

/**
 * For each full hash, its name: the shortest prefix of at least `minLength` characters that no other
 * distinct hash starts with. Equal hashes get the same name.
 */
export function uniquePrefixes(fullHashes: readonly string[], minLength = MIN_NAME_LENGTH): string[] {
  const distinct = [...new Set(fullHashes)].sort();
  const nameOf = new Map<string, string>();
  distinct.forEach((hash, i) => {
    // In sorted order the longest prefix a hash shares with any other is with a neighbour.
    const shared = Math.max(commonPrefix(hash, distinct[i - 1]), commonPrefix(hash, distinct[i + 1]));
    const length = Math.max(minLength, shared + 1);
    if (length > hash.length) throw new Error(`two different fragments have the same hash ${hash}`);
    nameOf.set(hash, hash.slice(0, length));
  });
  return fullHashes.map((h) => nameOf.get(h)!);
}

/** Pagefind's `full_hash` of a fragment's JSON: SHA-1, each byte in hex without its leading zero. */
export function pagefindHash(json: Uint8Array): string {
  return [...createHash("sha1").update(json).digest()].map((byte) => byte.toString(16)).join("");
}

/**
 * Pagefind's hash as base-32 text that sorts as the hex text does (Pagefind's hashes vary in length:
 * padded with zeros at the end to 40 hex digits, 160 bits, 32 characters).
 */
export function sortableBase32(hex: string): string {
  const padded = hex.padEnd(40, "0");
  return base32(Uint8Array.from({ length: 20 }, (_, i) => parseInt(padded.slice(2 * i, 2 * i + 2), 16)));
}

function commonPrefix(a: string, b: string | undefined): number {
  if (b === undefined) return 0;
  let n = 0;
  while (n < a.length && a[n] === b[n]) n++;
  return n;
}

export interface FragmentNamesReport {
  fragments: number;
  /** Fragments whose name needed more than `MIN_NAME_LENGTH` characters. */
  lengthened: number;
  metaBytes: { before: number; after: number };
}

/**
 * Renames `pagefindDir/fragment/*.pf_fragment` and rewrites the metadata's page list to match.
 * Throws naming the file when Pagefind's output is not the shape this was written for.
 */
export function shortenFragmentNames(pagefindDir: string, minLength = MIN_NAME_LENGTH): FragmentNamesReport {
  const opened = openPagefindMeta(pagefindDir);
  const { language, file: metaFile, meta } = opened;
  if (
    !Array.isArray(meta) ||
    !Array.isArray(meta[1]) ||
    !meta[1].every((p) => Array.isArray(p) && typeof p[0] === "string" && typeof p[1] === "number")
  )
    throw new Error(`${metaFile}: Pagefind's metadata has changed shape (expected its pages as [fragment name, word count, …])`);
  const pages = meta[1] as [string, number, ...unknown[]][];

  const fragmentDir = path.join(pagefindDir, "fragment");
  const fileOf = (name: string) => path.join(fragmentDir, `${name}.pf_fragment`);
  const oldNames = [...new Set(pages.map((p) => p[0]))];
  const onDisk = readdirSync(fragmentDir);
  if (onDisk.length !== oldNames.length)
    throw new Error(`${fragmentDir}: ${onDisk.length} files, but ${metaFile} names ${oldNames.length} fragments`);
  const fullHashes = oldNames.map((name) => {
    if (!existsSync(fileOf(name))) throw new Error(`${fileOf(name)}: missing, though ${metaFile} names it`);
    const hash = pagefindHash(readPagefindBody(fileOf(name)));
    if (name !== `${language}_${hash.slice(0, name.length - language.length - 1)}`)
      throw new Error(`${fileOf(name)}: its name is not Pagefind's hash of its content (${hash}); Pagefind's format has changed`);
    return sortableBase32(hash);
  });
  const newNames = uniquePrefixes(fullHashes, minLength);
  const renamed = new Map(oldNames.map((name, i) => [name, newNames[i]!]));

  // Two steps, so that no new name can overwrite an old file not yet moved.
  oldNames.forEach((name, i) => renameSync(fileOf(name), fileOf(`${name}.moving-${i}`)));
  oldNames.forEach((name, i) => renameSync(fileOf(`${name}.moving-${i}`), fileOf(newNames[i]!)));
  for (const page of pages) page[0] = renamed.get(page[0])!;

  const metaBytesAfter = opened.replace(meta);
  const left = readdirSync(fragmentDir).length;
  if (left !== new Set(newNames).size) throw new Error(`${fragmentDir}: ${left} files after renaming ${oldNames.length} fragments`);
  return {
    fragments: oldNames.length,
    lengthened: newNames.filter((n) => n.length > minLength).length,
    metaBytes: { before: opened.fileBytes, after: metaBytesAfter },
  };
}
