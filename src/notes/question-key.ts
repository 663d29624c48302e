import { inlineMarkdownToText } from "../markdown/inline-markdown";

/**
 * What makes two questions "the same question": the text a reader sees, with case, spacing and
 * punctuation ignored. Korean spacing varies between sessions (`되나요?` / `되나요 ?`) and a command
 * may or may not be in backticks; none of that makes it a different question.
 */
export function sameQuestionKey(question: string): string {
  return inlineMarkdownToText(question)
    .normalize("NFC")
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, "");
}
