/**
 * The only search code on every page, kept tiny: `/` and Ctrl/⌘-K focus the search box, the
 * box's suggestions load when it is first focused, and the answer-page highlighter loads only
 * when the URL carries words to highlight. Pagefind itself loads on the first search.
 */
const SEARCH_INPUT = "search-page input[name=q], form[role=search] input[name=q]";

function isEditable(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

document.addEventListener("keydown", (event) => {
  if (event.defaultPrevented || event.isComposing || event.altKey) return;
  const commandK = event.key.toLowerCase() === "k" && (event.ctrlKey || event.metaKey) && !event.shiftKey;
  const slash = event.key === "/" && !event.ctrlKey && !event.metaKey && !isEditable(event.target);
  if (!commandK && !slash) return;
  const input = document.querySelector<HTMLInputElement>(SEARCH_INPUT);
  if (!input) return;
  event.preventDefault();
  input.focus();
  input.select();
});

for (const form of document.querySelectorAll<HTMLFormElement>("form[data-search-combobox]")) {
  const input = form.querySelector<HTMLInputElement>("input[name=q]");
  input?.addEventListener("focus", () => void import("./search-combobox").then((m) => m.enhanceSearchBox(form, input)), { once: true });
}

if (/[?&](?:pagefind-)?highlight=/.test(location.search)) void import("./answer-highlight");
