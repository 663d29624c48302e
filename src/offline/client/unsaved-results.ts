import { ask } from "./service-worker-client";

export const UNSAVED_TEXT = "저장되지 않은 답변 — 온라인에서 열거나 전체 저장";

/**
 * Offline, a search result whose page this browser hasn't stored says so, before the reader
 * follows it into an error: offline search covers every answer (titles and excerpts come with the
 * search data a first visit stores), but only saved or visited pages open. Watches the page for
 * result links (`a[data-search-result]`, written by the search page) rather than being called by
 * it, so search stays free of offline code; asks the controlling worker which are stored.
 */
export function markUnsavedResults(base: string): void {
  const controller = navigator.serviceWorker.controller;
  if (!controller) return;
  const check = async () => {
    if (navigator.onLine) return;
    const links = [...document.querySelectorAll<HTMLAnchorElement>("a[data-search-result]:not([data-offline-checked])")];
    if (links.length === 0) return;
    for (const link of links) link.setAttribute("data-offline-checked", "");
    const below = (link: HTMLAnchorElement) => new URL(link.href).pathname.slice(base.length);
    const reply = await ask(controller, { type: "saved-urls", urls: links.map(below) });
    if (reply.type !== "saved-urls") return;
    const saved = new Set(reply.saved);
    for (const link of links) {
      if (saved.has(below(link))) continue;
      const note = document.createElement("span");
      note.className = "result-unsaved";
      note.setAttribute("data-offline-unsaved", "");
      note.textContent = UNSAVED_TEXT;
      link.append(note);
    }
  };
  new MutationObserver(() => void check()).observe(document.body, { childList: true, subtree: true });
  window.addEventListener("offline", () => void check());
  void check();
}
