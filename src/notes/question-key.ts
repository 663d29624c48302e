import { inlineMarkdownToText } from "../markdown/inline-markdown";

const NEEDS_MARKDOWN = /\]\(|\]\[|\]:|<|&/;

/**
 * What makes two questions "the same question": the text a reader sees, with case, spacing and
 * punctuation ignored. Korean spacing varies between sessions (`되나요?` / `되나요 ?`) and a command
 * may or may not be in backticks; none of that makes it a different question.
 */
export function sameQuestionKey(question: string): string {
  // The key drops punctuation and symbols, so Markdown's own marks (`*`, `` ` ``, `~`, `\`) go
  // either way; only a link's target, an autolink, raw HTML or an entity leave letters behind. Only
  // such a question needs the Markdown pipeline (which costs far more than this, once per question).
  const visible = NEEDS_MARKDOWN.test(question) ? inlineMarkdownToText(question) : question;
  return visible
    .normalize("NFC")
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, "");
}
