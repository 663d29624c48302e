import { readFile } from "node:fs/promises";
import path from "node:path";
import { Vocabulary } from "../../src/search/vocabulary";

/** The built site's search vocabulary, read from disk the way the browser fetches it. */
export function loadVocabularyFromDist(siteDir: string): Vocabulary {
  return new Vocabulary(async (file) => JSON.parse(await readFile(path.join(siteDir, file), "utf8")));
}
