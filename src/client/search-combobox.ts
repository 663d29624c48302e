import { searchPath, withBase } from "../core/site-paths";
import { searchSite } from "./pagefind-client";
import { appendExcerpt, loadResultViews, span } from "./search-results";
import { choseongSuggestions, isChoseongQuery } from "../search/choseong";

const MAX_SUGGESTIONS = 6;
const TYPING_PAUSE_MS = 150;

interface Option {
  readonly element: HTMLLIElement;
  readonly url: string;
}

/**
 * Turns a search box into a combobox (WAI-ARIA "list autocomplete", no automatic selection): the
 * best matching questions appear under the box as you type; ↑/↓ move through them, Enter opens
 * the one chosen or, with none chosen, submits the form to the search page; Esc closes the list,
 * a second Esc empties the box. Nothing happens mid-IME-composition (Korean input): the box's
 * text is never touched, and a search starts when a syllable is committed.
 */
export function enhanceSearchBox(form: HTMLFormElement, input: HTMLInputElement): void {
  if (form.hasAttribute("data-enhanced")) return;
  form.setAttribute("data-enhanced", "");
  const listId = `${input.id}-suggestions`;
  const list = document.createElement("ul");
  list.id = listId;
  list.className = "search-suggestions";
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", "검색 결과 미리보기");
  list.hidden = true;
  const status = document.createElement("p");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  form.classList.add("has-suggestions");
  form.append(list, status);
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", listId);

  let options: Option[] = [];
  let active = -1;
  let runId = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const setOpen = (open: boolean) => {
    list.hidden = !open || options.length === 0;
    input.setAttribute("aria-expanded", String(!list.hidden));
    if (list.hidden) setActive(-1);
  };
  const setActive = (index: number) => {
    options[active]?.element.setAttribute("aria-selected", "false");
    active = index;
    const option = options[active];
    if (option) {
      option.element.setAttribute("aria-selected", "true");
      input.setAttribute("aria-activedescendant", option.element.id);
      option.element.scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  };

  const search = async () => {
    const query = input.value.trim();
    const id = ++runId;
    if (!query) {
      options = [];
      list.replaceChildren();
      setOpen(false);
      status.textContent = "";
      return;
    }
    if (isChoseongQuery(query)) {
      // Only consonants (`ㄹㅂ`): suggest glossary terms by their initials; nothing to search yet.
      const found = choseongSuggestions(query, MAX_SUGGESTIONS);
      options = found.map(({ term, spelling }, i) => {
        const element = document.createElement("li");
        element.id = `${listId}-${i}`;
        element.setAttribute("role", "option");
        element.setAttribute("aria-selected", "false");
        element.setAttribute("data-choseong-suggestion", "");
        const label = term.label === spelling ? spelling : `${spelling} (${term.label})`;
        element.append(span("result-title", label), span("result-excerpt", `‘${spelling}’ 검색`));
        return { element, url: withBase(import.meta.env.BASE_URL, searchPath(spelling)) };
      });
      active = -1;
      list.replaceChildren(...options.map((o) => o.element));
      setOpen(document.activeElement === input);
      status.textContent =
        found.length > 0 ? `초성이 맞는 용어 ${found.length}개. 위아래 화살표로 고르세요.` : "초성이 맞는 용어가 없습니다.";
      return;
    }
    try {
      const outcome = await searchSite(query);
      const views = await loadResultViews(outcome.pages, MAX_SUGGESTIONS, 14);
      if (id !== runId) return;
      options = views.map((view, i) => {
        const element = document.createElement("li");
        element.id = `${listId}-${i}`;
        element.setAttribute("role", "option");
        element.setAttribute("aria-selected", "false");
        const excerpt = span("result-excerpt", "");
        appendExcerpt(excerpt, view.excerpt);
        element.append(span("result-topic", view.topic), span("result-title", view.question), excerpt);
        return { element, url: view.url };
      });
      const all = document.createElement("li");
      all.id = `${listId}-all`;
      all.className = "search-suggestions-all";
      all.setAttribute("role", "option");
      all.setAttribute("aria-selected", "false");
      all.textContent =
        views.length > 0
          ? `“${query}” 검색 결과 모두 보기 (${outcome.pages.length}개)`
          : `“${query}”에 대한 결과가 없습니다 — 검색 페이지에서 보기`;
      options.push({ element: all, url: withBase(import.meta.env.BASE_URL, searchPath(query)) });
      active = -1;
      list.replaceChildren(...options.map((o) => o.element));
      setOpen(document.activeElement === input);
      status.textContent =
        views.length > 0 ? `질문 ${outcome.pages.length}개를 찾았습니다. 위아래 화살표로 고르세요.` : "찾은 질문이 없습니다.";
    } catch (error) {
      if (id === runId) status.textContent = "검색을 불러오지 못했습니다.";
      console.error(error);
    }
  };
  const searchSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void search(), TYPING_PAUSE_MS);
  };

  input.addEventListener("input", (event) => {
    if (!(event as InputEvent).isComposing) searchSoon();
  });
  input.addEventListener("compositionend", searchSoon);
  input.addEventListener("focus", () => setOpen(options.length > 0 && input.value.trim() !== ""));
  input.addEventListener("keydown", (event) => {
    if (event.isComposing || event.keyCode === 229) return; // the IME owns this key
    const count = options.length;
    switch (event.key) {
      case "ArrowDown":
      case "ArrowUp": {
        if (count === 0) return;
        event.preventDefault();
        if (list.hidden) setOpen(true);
        const step = event.key === "ArrowDown" ? 1 : -1;
        setActive(active < 0 ? (step > 0 ? 0 : count - 1) : (active + step + count) % count);
        return;
      }
      case "Enter": {
        const option = list.hidden ? undefined : options[active];
        if (!option) return; // the form submits to the search page
        event.preventDefault();
        location.assign(option.url);
        return;
      }
      case "Escape":
        if (!list.hidden) setOpen(false);
        else if (input.value) input.value = "";
        else return;
        event.preventDefault();
        return;
    }
  });
  // Keep focus in the box when an option is pressed, then open it.
  list.addEventListener("pointerdown", (event) => event.preventDefault());
  list.addEventListener("click", (event) => {
    const element = (event.target as Element).closest("[role=option]");
    const option = options.find((o) => o.element === element);
    if (option) location.assign(option.url);
  });
  form.addEventListener("focusout", (event) => {
    if (!form.contains(event.relatedTarget as Node | null)) setOpen(false);
  });

  // Typed before this module arrived: search now.
  if (input.value !== input.defaultValue && input.value.trim()) searchSoon();
}
