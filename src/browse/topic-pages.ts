/**
 * A topic's questions split over pages by id number: page 1 lists d1–d200, page 2 d201–d400, and so
 * on. Ranges are fixed, so a page never reshuffles as sessions are added, every page stays the same
 * size however many sessions a course runs, and `/<topic>/#d523` can be sent to the page holding
 * d523 by arithmetic alone (src/client/topic-anchor.ts), with no list of ids to download.
 */
export const TOPIC_PAGE_SIZE = 200;

/** The page (1-based) that lists question number `n` of a topic. */
export const topicPageOf = (n: number) => Math.max(1, Math.ceil(n / TOPIC_PAGE_SIZE));

/**
 * The items of each page, in the order given (notes order); page i is at index i - 1. Every page up
 * to the last is there, even one whose range has no question left, so page numbers never shift.
 */
export function splitTopicPages<T>(items: readonly T[], numberOf: (item: T) => number): T[][] {
  const pages: T[][] = [[]];
  for (const item of items) {
    const page = topicPageOf(numberOf(item));
    while (pages.length < page) pages.push([]);
    pages[page - 1]!.push(item);
  }
  return pages;
}
