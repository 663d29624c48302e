import { splitCompound, termSpelledBy, variantSearchWords } from "./glossary-lookup";
import { standardSpelling } from "./hangul";
import { stemKorean } from "./korean-endings";
import { joinedParts, singular, splitWords } from "./words";

/**
 * The search keywords of one question page, stored in a `data-pagefind-meta` field (Pagefind
 * searches meta fields and never shows them in excerpts). Pagefind splits Korean on whitespace
 * only and scores a prefix hit (`컨테이너` in `컨테이너가`) far below an exact one, so the page
 * carries the stems of its words (the same stemmer as the query side), the Latin and Hangul
 * halves of mixed words (`레이어(R/O` → `레이어`, `ro`), the parts of joined words, and every
 * glossary spelling of the terms it mentions (a page saying `Pod` is found by `파드`).
 *
 * Transcripts (fenced code) are left out: they stay searchable through the page body, at the
 * low weight their output gets there, and must not outrank prose through keywords.
 */
export function pageKeywords(question: string, answerMarkdown: string): string[] {
  const words = splitWords(`${question}\n${proseOf(answerMarkdown)}`);
  const keywords = new Set<string>();
  const add = (word: string) => {
    const clean = word.toLowerCase().replace(/[/:.\-_=+@#$%&]+/g, "");
    if (clean) keywords.add(clean);
  };
  const compoundParts: string[] = [];
  for (const word of words) {
    if (/\p{Script=Hangul}/u.test(word)) {
      add(stemKorean(word));
      add(standardSpelling(stemKorean(word)));
      // `서비스포트` is also found by `포트`: its glossary parts are keywords too (and below, their spellings).
      for (const part of splitCompound(word) ?? []) compoundParts.push(part);
    } else {
      add(word);
      add(singular(word));
      for (const part of joinedParts(word)) add(part);
    }
  }
  for (const part of compoundParts) {
    add(stemKorean(part));
    const term = termSpelledBy([part]);
    if (term) for (const variant of term.variants) for (const w of variantSearchWords(variant)) add(w);
  }
  // Glossary terms, also when spelled over two or three words (`bind mount`, `도커 허브`).
  for (let i = 0; i < words.length; i++) {
    for (let length = 1; length <= 3 && i + length <= words.length; length++) {
      const term = termSpelledBy(words.slice(i, i + length));
      if (term) for (const variant of term.variants) for (const w of variantSearchWords(variant)) add(w);
    }
  }
  return [...keywords];
}

/** The answer as prose: no fenced blocks, link targets or image paths, inline code kept as text. */
export function proseOf(markdown: string): string {
  return markdown
    .replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1[^\S\n]*$/gm, " ")
    .replace(/<!--[\s\S]*?-->/g, " ")
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, " ")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/https?:\/\/\S+/g, " ")
    .replace(/`+/g, " ");
}

/**
 * Words of the page's transcripts (fenced blocks) that Pagefind cannot reach by prefix: it indexes
 * `22870/docker-proxy` and `pod-template-hash=7d985f5478` as single words starting with their
 * first part, so a search for `docker-proxy` or `pod-template-hash` misses them. The pieces between
 * `/ = : , @` are stored (joined within: `dockerproxy`) in their own meta field, which the ranking
 * weighs below prose.
 */
export function transcriptKeywords(answerMarkdown: string): string[] {
  const keywords = new Set<string>();
  for (const block of answerMarkdown.matchAll(/^(`{3,}|~{3,})[^\n]*\n([\s\S]*?)^\1[^\S\n]*$/gm)) {
    for (const token of (block[2] ?? "").split(/[\s()[\]{}<>"'`,;|]+/)) {
      const pieces = token.split(/[/=:@]+/).filter(Boolean);
      if (pieces.length < 2 && !/\w[-._]\w/.test(token)) continue;
      for (const piece of pieces) {
        const clean = piece.toLowerCase().replace(/[-._+#$%&]+/g, "");
        if (clean.length >= 3 && /\p{L}/u.test(clean)) keywords.add(clean);
      }
    }
  }
  return [...keywords];
}

/** The `data-pagefind-meta` value for the answer element: its transcripts' joined words. */
export function transcriptKeywordsMeta(answerMarkdown: string): string | undefined {
  const keywords = transcriptKeywords(answerMarkdown);
  return keywords.length > 0 ? `transcript:${keywords.join(" ")}` : undefined;
}

/** The `data-pagefind-meta` attribute value: Pagefind reads `name:value`, so no commas inside. */
/**
 * The `keywords` meta field of a question page. An entry's `aliases` (the words students use for
 * it) are keywords like its own words: stemmed, split, and expanded to every glossary spelling.
 */
export function pageKeywordsMeta(question: string, answerMarkdown: string, aliases: readonly string[] = []): string {
  return `keywords:${pageKeywords([question, ...aliases].join("\n"), answerMarkdown).join(" ")}`;
}
