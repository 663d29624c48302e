import { inlineMarkdownToText } from "../markdown/inline-markdown";

/**
 * The prose of an answer as plain text: what a reader sees without terminal transcripts and
 * images. Used for the meta description, the structured data and tag derivation; transcripts are
 * left out because their output (`Labels:`, `Namespace:` …) is not what the answer is about.
 */
export function answerProse(markdown: string): string {
  const lines: string[] = [];
  let fence: string | undefined;
  for (const raw of markdown.split(/\r?\n/)) {
    const fenceMatch = /^\s*(`{3,}|~{3,})/.exec(raw);
    if (fence) {
      if (fenceMatch && fenceMatch[1]![0] === fence[0] && fenceMatch[1]!.length >= fence.length && raw.trim() === fenceMatch[1])
        fence = undefined;
      continue;
    }
    if (fenceMatch) {
      fence = fenceMatch[1];
      continue;
    }
    const text = raw
      .replace(/<!--[\s\S]*?-->/g, "")
      .replace(/!\[[^\]]*\]\([^)]*\)/g, "") // images: the notes' screenshots are not shipped
      .replace(/^\s*(?:[-*+]|\d+[.)])\s+/, "") // list markers
      .replace(/^\s*#{1,6}\s+/, "") // heading markers
      .replace(/^\s*>\s?/, "") // quote markers
      .trim();
    if (text) lines.push(inlineMarkdownToText(text));
  }
  return lines.join("\n");
}

/**
 * At most `maxLength` characters of `text` on one line, cut at a space when one is near the end
 * (Korean words are space-separated), with `…` when something was cut.
 */
export function excerpt(text: string, maxLength: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const chars = [...flat];
  if (chars.length <= maxLength) return flat;
  const cut = chars.slice(0, maxLength - 1).join("");
  const space = cut.lastIndexOf(" ");
  const kept = space >= cut.length * 0.6 ? cut.slice(0, space) : cut;
  return `${kept.replace(/[\s,.;:·(\-–—]+$/u, "")}…`;
}
