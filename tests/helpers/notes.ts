import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * The real notes file. It lives in `../shared/notes/`; a clone elsewhere (CI, `git clone . /tmp/x`)
 * has no `../shared`, so the repo carries a byte-identical copy under tests/fixtures/notes/ and
 * `notes-copy.test.ts` fails the moment the two differ.
 */
export const SHARED_NOTES = path.resolve("../shared/notes/msp-t3-23-5.md");
export const VENDORED_NOTES = path.resolve("tests/fixtures/notes/msp-t3-23-5.md");
export const REAL_NOTES = existsSync(SHARED_NOTES) ? SHARED_NOTES : VENDORED_NOTES;
export const readRealNotes = () => readFileSync(REAL_NOTES, "utf8");

/** 1-based line number of the first line that starts with `prefix` in the real notes. */
export function lineOf(prefix: string): number {
  const index = readRealNotes()
    .split("\n")
    .findIndex((l) => l.startsWith(prefix));
  if (index < 0) throw new Error(`no line starts with ${prefix}`);
  return index + 1;
}
