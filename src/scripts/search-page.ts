import { excerptSegments } from "../lib/search/excerpt-segments";
import { loadPagefind, type PagefindResultData } from "./pagefind-client";

const MAX_RESULTS = 20;

/**
 * The search page: runs `?q=` on load and on submit, lists results in rank order as links carrying
 * `data-search-result`, and shows an element carrying `data-search-empty` when nothing matches.
 */
class SearchPage extends HTMLElement {
  connectedCallback() {
    const form = this.querySelector("form");
    const input = this.querySelector<HTMLInputElement>("input[name=q]");
    if (!form || !input) return;
    const query = new URL(location.href).searchParams.get("q") ?? "";
    input.value = query;
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const next = new URL(location.href);
      next.searchParams.set("q", input.value.trim());
      history.replaceState(null, "", next);
      void this.run(input.value);
    });
    if (query.trim()) void this.run(query);
  }

  private async run(query: string) {
    const status = this.querySelector<HTMLElement>("[data-search-status]");
    const list = this.querySelector<HTMLOListElement>("[data-search-results]");
    if (!status || !list) return;
    this.querySelector("[data-search-empty]")?.remove();
    list.replaceChildren();
    if (!query.trim()) {
      status.textContent = "";
      return;
    }
    status.textContent = "검색 중…";
    try {
      const pagefind = await loadPagefind();
      const search = await pagefind.search(query);
      const results = await Promise.all((search?.results ?? []).slice(0, MAX_RESULTS).map((r) => r.data()));
      list.replaceChildren(...results.map(renderResult));
      status.textContent = results.length > 0 ? `검색 결과 ${search?.results.length ?? 0}개` : "";
      if (results.length === 0) list.after(emptyMessage(query));
    } catch (error) {
      status.textContent = "검색을 불러오지 못했습니다. 잠시 후 다시 시도해 주세요.";
      console.error(error);
    }
  }
}

function renderResult(result: PagefindResultData): HTMLLIElement {
  const item = document.createElement("li");
  const link = document.createElement("a");
  link.href = result.url;
  link.setAttribute("data-search-result", "");
  const title = document.createElement("span");
  title.className = "result-title";
  title.textContent = result.meta.title ?? result.url;
  const topic = document.createElement("span");
  topic.className = "result-topic";
  topic.textContent = result.filters.topic?.join(", ") ?? "";
  const excerpt = document.createElement("span");
  excerpt.className = "result-excerpt";
  for (const segment of excerptSegments(result.excerpt)) {
    if (segment.marked) {
      const mark = document.createElement("mark");
      mark.textContent = segment.text;
      excerpt.append(mark);
    } else {
      excerpt.append(segment.text);
    }
  }
  link.append(topic, title, excerpt);
  item.append(link);
  return item;
}

function emptyMessage(query: string): HTMLElement {
  const empty = document.createElement("p");
  empty.className = "search-empty";
  empty.setAttribute("data-search-empty", "");
  empty.textContent = `“${query}”에 대한 검색 결과가 없습니다. 다른 낱말이나 영어 용어로 검색해 보세요.`;
  return empty;
}

customElements.define("search-page", SearchPage);
