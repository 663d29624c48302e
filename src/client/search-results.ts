import { buildExcerpt } from "../search/excerpt";
import type { ExcerptSegment } from "../search/excerpt";
import { withHighlight } from "../search/highlight";
import type { FoundPage } from "../search/run-search";

/** What a result shows: the question, its topic, an excerpt with matched words marked. */
export interface ResultView {
  /** The answer page, with the words to mark there as `highlight` parameters. */
  readonly url: string;
  readonly question: string;
  readonly topic: string;
  readonly excerpt: readonly ExcerptSegment[];
}

/** Loads the first `limit` pages' data (one small fragment each) and builds their views. */
export async function loadResultViews(pages: readonly FoundPage[], limit: number, excerptWords = 24): Promise<ResultView[]> {
  return Promise.all(
    pages.slice(0, limit).map(async (page) => {
      const data = await page.data();
      const question = data.meta.title ?? data.url;
      return {
        url: withHighlight(data.url, page.matchedWords),
        question,
        topic: data.filters.topic?.join(", ") ?? "",
        excerpt: buildExcerpt(data.content, page.words, { length: excerptWords, skipWords: question.split(/\s+/).length }),
      };
    }),
  );
}

/** Appends excerpt segments as text and `<mark>` elements (never as HTML). */
export function appendExcerpt(parent: HTMLElement, segments: readonly ExcerptSegment[]): void {
  for (const segment of segments) {
    if (segment.marked) {
      const mark = document.createElement("mark");
      mark.textContent = segment.text;
      parent.append(mark);
    } else {
      parent.append(segment.text);
    }
  }
}

export function span(className: string, text: string): HTMLSpanElement {
  const element = document.createElement("span");
  element.className = className;
  element.textContent = text;
  return element;
}
