/**
 * Reading and writing Pagefind's own files after it has run, for the two rewrites that follow it
 * (pagefind-chunks.ts recuts the word index, pagefind-fragment-names.ts shortens the fragment names).
 *
 * Pagefind's data files are gzipped CBOR behind the signature `pagefind_dcd`; `pagefind-entry.json`
 * names the metadata file (`pagefind.<hash>.pf_meta`) of each language. A rewrite of the metadata
 * gets a new name (files are cached by name) and the entry is pointed at it. This site indexes one
 * language, which is checked: a second one fails the build, naming the file. `cbor2` does the CBOR.
 */
import { createHash } from "node:crypto";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { decode, encode } from "cbor2";
import { PAGEFIND_SIGNATURE } from "../core/pagefind-signature";

const SIGNATURE = Buffer.from(PAGEFIND_SIGNATURE, "latin1");

/** A data file's body, ungzipped, with its signature checked and cut off. */
export function readPagefindBody(file: string): Buffer {
  const body = gunzipSync(readFileSync(file));
  if (!body.subarray(0, SIGNATURE.length).equals(SIGNATURE))
    throw new Error(`${file}: not a Pagefind data file (no ${PAGEFIND_SIGNATURE} signature)`);
  return body.subarray(SIGNATURE.length);
}

export const readPagefindFile = (file: string): unknown => decode(readPagefindBody(file));

export const packPagefindFile = (data: unknown) => gzipSync(Buffer.concat([SIGNATURE, encode(data)]), { level: 9 });

export const shortHash = (body: Uint8Array, length: number) => createHash("sha256").update(body).digest("hex").slice(0, length);

/** The one language's metadata, read; `replace` writes a new metadata under a new name. */
export interface PagefindMeta {
  /** Pagefind's language key (`ko`): it prefixes Pagefind's file names. */
  readonly language: string;
  readonly file: string;
  /** The decoded metadata, to be checked by the caller for the parts it rewrites. */
  readonly meta: unknown;
  /** Its CBOR, as Pagefind wrote it (ungzipped, no signature). */
  readonly cbor: Buffer;
  /** Size of the file as Pagefind wrote it (gzipped). */
  readonly fileBytes: number;
  /** Writes `meta` as the metadata, removes the old file, points the entry at it; returns its size. */
  replace(meta: unknown): number;
}

export function openPagefindMeta(pagefindDir: string): PagefindMeta {
  const entryFile = path.join(pagefindDir, "pagefind-entry.json");
  const entry = JSON.parse(readFileSync(entryFile, "utf8")) as { languages: Record<string, { hash: string }> };
  const languages = Object.entries(entry.languages);
  if (languages.length !== 1) throw new Error(`${entryFile}: expected one language, found ${languages.length}`);
  const [language, languageEntry] = languages[0]!;
  const file = path.join(pagefindDir, `pagefind.${languageEntry.hash}.pf_meta`);
  const cbor = readPagefindBody(file);
  return {
    language,
    file,
    meta: decode(cbor),
    cbor,
    fileBytes: readFileSync(file).length,
    replace(meta) {
      const packed = packPagefindFile(meta);
      const hash = `${language}_${shortHash(packed, 10)}`;
      rmSync(file);
      writeFileSync(path.join(pagefindDir, `pagefind.${hash}.pf_meta`), packed);
      languageEntry.hash = hash;
      writeFileSync(entryFile, JSON.stringify(entry));
      return packed.length;
    },
  };
}
