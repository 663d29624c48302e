import synonymData from "./synonyms.json" with { type: "json" };
import { keysOf } from "./glossary-lookup";
import { memoizeByString } from "./memoize";

/**
 * The synonym table (`synonyms.json`): the everyday words students use for the course's terms
 * (`날아가다` → 삭제, `되돌리다` → 롤백). The query layer searches a matched phrase also as
 * what it means; keys are made like glossary keys, so particles, endings and spaces do not count.
 */
export interface Synonym {
  /** What students type (dictionary form for verbs). */
  readonly phrases: readonly string[];
  /** The course's words for it, each searched as an alternative. */
  readonly means: readonly string[];
}

export const SYNONYMS: readonly Synonym[] = synonymData.synonyms;

/** Built on first use (see glossary-lookup.ts on why nothing heavy runs when the module loads). */
let meansByKey: Map<string, Set<string>> | undefined;
function MEANS_BY_KEY(): Map<string, Set<string>> {
  if (meansByKey) return meansByKey;
  meansByKey = new Map();
  for (const synonym of SYNONYMS) {
    for (const phrase of synonym.phrases) {
      for (const key of keysOf(phrase)) {
        if (!meansByKey.has(key)) meansByKey.set(key, new Set());
        for (const mean of synonym.means) meansByKey.get(key)!.add(mean);
      }
    }
  }
  return meansByKey;
}

/** What one or more consecutive query words mean in the course's words (empty when the table has none). */
export function synonymsOf(words: readonly string[]): readonly string[] {
  return meansOfText(words.join(" "));
}

const meansOfText = memoizeByString((text: string): string[] => {
  const found = new Set<string>();
  for (const key of keysOf(text)) for (const mean of MEANS_BY_KEY().get(key) ?? []) found.add(mean);
  return [...found];
});
