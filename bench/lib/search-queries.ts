import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { TOPIC_IDS } from "../../src/core/topics";

/**
 * The search query sets: the dev queries (`../shared/search/dev-queries.json`, vendored
 * byte-identical under tests/fixtures/search/ for clones without `../shared`; a test fails when
 * the two differ) and this repo's own set (tests/fixtures/search/own-queries.json).
 */
export const SHARED_DEV_QUERIES = path.resolve("../shared/search/dev-queries.json");
export const VENDORED_DEV_QUERIES = path.resolve("tests/fixtures/search/dev-queries.json");
export const OWN_QUERIES = path.resolve("tests/fixtures/search/own-queries.json");
export const DEV_QUERIES = existsSync(SHARED_DEV_QUERIES) ? SHARED_DEV_QUERIES : VENDORED_DEV_QUERIES;
/** The forgiving kinds (typos, keyboard layout, composing, run-together, paraphrase, English, Hangul spelling). */
export const SHARED_HARD_QUERIES = path.resolve("../shared/search/dev-queries-hard.json");
export const VENDORED_HARD_QUERIES = path.resolve("tests/fixtures/search/dev-queries-hard.json");
export const HARD_QUERIES = existsSync(SHARED_HARD_QUERIES) ? SHARED_HARD_QUERIES : VENDORED_HARD_QUERIES;
/** This repo's own queries of the seven hard kinds, written without looking at the shared ones. */
export const OWN_HARD_QUERIES = path.resolve("tests/fixtures/search/own-queries-hard.json");

/** The notes file the query sets' line numbers refer to. */
const NOTES_FILE = "msp-t3-23-5.md";

export interface JudgedQuery {
  readonly q: string;
  /**
   * K Korean keywords, E English term, M mixed, S synonym/transliteration/spelling, C command, N natural;
   * hard sets: T typo, Q keyboard layout, J composing, X run together, P paraphrase, E English, H Hangul spelling.
   */
  readonly cat: string;
  /** Site paths of the relevant answer pages, e.g. `/docker/d5/`. */
  readonly relevant: readonly string[];
}

interface QueryFile {
  queries: { q: string; cat: string; relevant: number[] }[];
}

/**
 * Reads a query set and turns its notes lines into the site paths of the answer pages, through
 * the `source` and `line` every entry in `content/` records. A line no entry has is an error.
 */
export function readQuerySet(file: string, contentDir = "content"): JudgedQuery[] {
  const pathByLine = answerPathsByLine(contentDir);
  const data = JSON.parse(readFileSync(file, "utf8")) as QueryFile;
  return data.queries.map((query) => ({
    q: query.q,
    cat: query.cat,
    relevant: query.relevant.map((line) => {
      const page = pathByLine.get(line);
      if (!page) throw new Error(`${file}: query "${query.q}": no entry in ${contentDir}/ has ${NOTES_FILE} line ${line}`);
      return page;
    }),
  }));
}

function answerPathsByLine(contentDir: string): Map<number, string> {
  const paths = new Map<number, string>();
  for (const topic of TOPIC_IDS) {
    const dir = path.join(contentDir, topic);
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".md"))) {
      const text = readFileSync(path.join(dir, file), "utf8");
      const source = /^source: "?([^"\n]+)"?$/m.exec(text)?.[1];
      const line = Number(/^line: (\d+)$/m.exec(text)?.[1]);
      if (source === NOTES_FILE && line) paths.set(line, `/${topic}/${file.replace(/\.md$/, "")}/`);
    }
  }
  return paths;
}
