import { findHighlightRanges, HIGHLIGHT_PARAM, highlightTermsFromUrl } from "../search/highlight";

/**
 * Marks the words a search matched on the answer page it opened (`?highlight=…`, NFC-normalised,
 * also Pagefind's own `pagefind-highlight` parameter), scrolls the first mark into view, and
 * takes the parameters out of the address bar: the link an instructor copies from there stays
 * the answer's own URL.
 */
function highlightPage() {
  const terms = highlightTermsFromUrl(location.search);
  const root = document.querySelector<HTMLElement>("[data-pagefind-body]");
  if (terms.length === 0 || !root) return;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.parentElement?.closest("script, style, mark, [data-pagefind-ignore]") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  const marks: HTMLElement[] = [];
  for (const node of nodes) {
    const text = node.data;
    const ranges = findHighlightRanges(text, terms);
    if (ranges.length === 0) continue;
    const parts: (string | HTMLElement)[] = [];
    let at = 0;
    for (const range of ranges) {
      if (range.start > at) parts.push(text.slice(at, range.start));
      const mark = document.createElement("mark");
      mark.className = "search-highlight";
      mark.textContent = text.slice(range.start, range.end);
      parts.push(mark);
      marks.push(mark);
      at = range.end;
    }
    if (at < text.length) parts.push(text.slice(at));
    node.replaceWith(...parts);
  }
  // The question is at the top already; bring the first mark in the answer into view.
  const first = marks.find((m) => !m.closest("h1"));
  if (first && first.getBoundingClientRect().top > window.innerHeight) first.scrollIntoView({ block: "center" });
}

function dropHighlightFromUrl() {
  const url = new URL(location.href);
  for (const name of [HIGHLIGHT_PARAM, "pagefind-highlight"]) url.searchParams.delete(name);
  if (url.href !== location.href) history.replaceState(history.state, "", url);
}

highlightPage();
dropHighlightFromUrl();
