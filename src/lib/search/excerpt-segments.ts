/** A run of excerpt text, marked when it matched the query. */
export interface ExcerptSegment {
  readonly text: string;
  readonly marked: boolean;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", apos: "'" };

/**
 * Splits a Pagefind excerpt into text and marked runs. Only Pagefind's own `<mark>` tags become
 * markup; everything else is decoded to text, so the caller can insert it with `textContent`
 * and page text can never inject HTML into the results list.
 */
export function excerptSegments(excerpt: string): ExcerptSegment[] {
  const segments: ExcerptSegment[] = [];
  let marked = false;
  for (const part of excerpt.split(/(<\/?mark>)/)) {
    if (part === "<mark>") marked = true;
    else if (part === "</mark>") marked = false;
    else if (part) segments.push({ text: decodeEntities(part), marked });
  }
  return segments;
}

function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39|apos);/g, (_, name: string) => ENTITIES[name] ?? _);
}
