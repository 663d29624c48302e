import { getTopic, isTopicId, type TopicId } from "../core/topics";
import type { FoundPage } from "../search/run-search";
import type { ResultView } from "./search-results";
import { renderCorrection } from "./search-correction";

/** The query layer and result views, loaded on the first search (see search-engine.ts). */
let engine: Promise<typeof import("./search-engine")> | undefined;
const loadEngine = () => (engine ??= import("./search-engine"));

/** Runs `callback` once the browser has painted the page (a frame, then a task). */
const afterFirstPaint = (callback: () => void) => requestAnimationFrame(() => setTimeout(callback, 0));

/** Results shown at first and per "more" click: each costs one small fragment download. */
const PAGE_SIZE = 10;
/** Pause after the last keystroke before searching: long enough to skip most intermediate words. */
const TYPING_PAUSE_MS = 150;

/**
 * The search page: results as you type (debounced; never mid-IME-composition), a topic filter,
 * query and topic in the URL (`?q=…&topic=docker`) so a search can be shared, `?q=` run on load.
 * Results are links in rank order carrying `data-search-result`; an element carrying
 * `data-search-empty` says when nothing matched. Arrow keys move between the box and the results.
 */
class SearchPage extends HTMLElement {
  private input!: HTMLInputElement;
  private status!: HTMLElement;
  private list!: HTMLOListElement;
  private correction!: HTMLElement;
  /** Search exactly what was typed, no corrections (`?typed=1`, the correction line's link). */
  private asTyped = false;
  private more!: HTMLButtonElement;
  private runId = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The current search's ranked pages; the list shows the first `shown`. */
  private found: readonly FoundPage[] = [];
  private shown = 0;

  connectedCallback() {
    const form = this.querySelector("form");
    const input = this.querySelector<HTMLInputElement>("input[name=q]");
    const status = this.querySelector<HTMLElement>("[data-search-status]");
    const list = this.querySelector<HTMLOListElement>("[data-search-results]");
    const correction = this.querySelector<HTMLElement>("[data-search-correction]");
    if (!form || !input || !status || !list || !correction) return;
    this.correction = correction;
    correction.addEventListener("click", (event) => {
      if (!(event.target as Element).closest("[data-search-as-typed]")) return;
      event.preventDefault();
      this.asTyped = true;
      this.searchNow();
      this.input.focus();
    });
    this.input = input;
    this.status = status;
    this.list = list;
    this.more = document.createElement("button");
    this.more.type = "button";
    this.more.className = "search-more";
    this.more.hidden = true;
    this.more.addEventListener("click", () => void this.showMore());
    list.after(this.more);

    const params = new URL(location.href).searchParams;
    input.value = params.get("q") ?? "";
    this.asTyped = params.get("typed") === "1";
    this.setTopic(params.get("topic") ?? "");

    form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.searchNow();
    });
    input.addEventListener("input", (event) => {
      this.asTyped = false; // a new query may be corrected again
      if (!(event as InputEvent).isComposing) this.searchSoon();
    });
    input.addEventListener("compositionend", () => this.searchSoon());
    input.addEventListener("keydown", (event) => {
      if (event.isComposing || event.key !== "ArrowDown") return;
      const first = this.resultLinks()[0];
      if (first) {
        event.preventDefault();
        first.focus();
      }
    });
    list.addEventListener("keydown", (event) => this.moveThroughResults(event));
    this.querySelector("[data-search-topics]")?.addEventListener("change", () => this.searchNow());

    // A shared link (`?q=`): search once the page has painted, so the page shows at once.
    if (input.value.trim()) afterFirstPaint(() => this.searchNow());
  }

  private topic(): TopicId | undefined {
    const value = this.querySelector<HTMLInputElement>("[data-search-topics] input:checked")?.value ?? "";
    return isTopicId(value) ? value : undefined;
  }

  private setTopic(value: string) {
    const radio = this.querySelector<HTMLInputElement>(`[data-search-topics] input[value="${isTopicId(value) ? value : ""}"]`);
    if (radio) radio.checked = true;
  }

  private searchSoon() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.searchNow(), TYPING_PAUSE_MS);
  }

  private searchNow() {
    clearTimeout(this.timer);
    const query = this.input.value;
    const topic = this.topic();
    const url = new URL(location.href);
    if (query.trim()) url.searchParams.set("q", query.trim());
    else url.searchParams.delete("q");
    if (topic) url.searchParams.set("topic", topic);
    else url.searchParams.delete("topic");
    if (this.asTyped) url.searchParams.set("typed", "1");
    else url.searchParams.delete("typed");
    // The address bar is updated while Pagefind's worker searches, when the page has nothing else
    // to do: done before the search started, `history.replaceState` took a median 5.6 ms of the
    // 47 ms from typing pause to results (issue 12). `run` makes sure it is done by the time the
    // results are shown.
    let replaced = false;
    const replaceUrl = () => {
      if (!replaced) history.replaceState(null, "", url);
      replaced = true;
    };
    void this.run(query, topic, url, replaceUrl);
  }

  private async run(query: string, topic: TopicId | undefined, url: URL, replaceUrl: () => void) {
    const runId = ++this.runId;
    if (!query.trim()) {
      replaceUrl();
      renderCorrection(this.correction, "", undefined, "");
      this.show(query, [], []);
      return;
    }
    this.status.textContent = "검색 중…";
    try {
      const { searchSite, loadResultViews } = await loadEngine();
      const outcome = await searchSite(query, {
        topic: topic ? getTopic(topic).label : undefined,
        asTyped: this.asTyped,
        whileSearching: () => runId === this.runId && replaceUrl(),
      });
      const views = await loadResultViews(outcome.pages, PAGE_SIZE);
      if (runId !== this.runId) return; // a newer search has started
      replaceUrl();
      const typedUrl = new URL(url);
      typedUrl.searchParams.set("q", query.trim());
      typedUrl.searchParams.set("typed", "1");
      renderCorrection(this.correction, query.trim(), outcome.corrections.length > 0 ? outcome.searched.trim() : undefined, typedUrl.href);
      this.show(query, outcome.pages, views.map(renderResult(await loadEngine())));
    } catch (error) {
      if (runId !== this.runId) return;
      replaceUrl();
      this.status.textContent = "검색을 불러오지 못했습니다. 잠시 후 다시 시도해 주세요.";
      console.error(error);
    }
  }

  private show(query: string, found: readonly FoundPage[], items: readonly HTMLLIElement[]) {
    this.found = found;
    this.shown = items.length;
    this.querySelector("[data-search-empty]")?.remove();
    this.list.replaceChildren(...items);
    // Which query the list shows (tests and the benchmark wait for it).
    this.list.setAttribute("data-search-query", query);
    this.status.textContent = found.length > 0 ? `검색 결과 ${found.length}개` : "";
    this.updateMore();
    if (items.length === 0 && query.trim()) this.more.after(emptyMessage(query, this.topic()));
    // The offline script waits for this before it registers the service worker.
    document.dispatchEvent(new CustomEvent("search-results-shown"));
  }

  private async showMore() {
    const runId = this.runId;
    const parts = await loadEngine();
    const views = await parts.loadResultViews(this.found.slice(this.shown), PAGE_SIZE);
    if (runId !== this.runId) return;
    const items = views.map(renderResult(parts));
    this.list.append(...items);
    this.shown += views.length;
    this.updateMore();
    items[0]?.querySelector("a")?.focus();
  }

  private updateMore() {
    const left = this.found.length - this.shown;
    this.more.hidden = left <= 0;
    this.more.textContent = `결과 더 보기 (${left}개 더)`;
  }

  private resultLinks(): HTMLAnchorElement[] {
    return [...this.list.querySelectorAll<HTMLAnchorElement>("a[data-search-result]")];
  }

  /** ↑/↓ move between results (↑ on the first returns to the box), Home/End jump, Esc returns. */
  private moveThroughResults(event: KeyboardEvent) {
    const links = this.resultLinks();
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (at < 0) return;
    const target =
      event.key === "ArrowDown"
        ? links[Math.min(at + 1, links.length - 1)]
        : event.key === "ArrowUp"
          ? at === 0
            ? this.input
            : links[at - 1]
          : event.key === "Home"
            ? links[0]
            : event.key === "End"
              ? links.at(-1)
              : event.key === "Escape"
                ? this.input
                : undefined;
    if (!target) return;
    event.preventDefault();
    target.focus();
  }
}

const renderResult =
  ({ appendExcerpt, span }: Pick<typeof import("./search-engine"), "appendExcerpt" | "span">) =>
  (view: ResultView): HTMLLIElement => {
    const item = document.createElement("li");
    const link = document.createElement("a");
    link.href = view.url;
    link.setAttribute("data-search-result", "");
    const excerpt = span("result-excerpt", "");
    appendExcerpt(excerpt, view.excerpt);
    link.append(span("result-topic", view.topic), span("result-title", view.question), excerpt);
    item.append(link);
    return item;
  };

function emptyMessage(query: string, topic: TopicId | undefined): HTMLElement {
  const empty = document.createElement("p");
  empty.className = "search-empty";
  empty.setAttribute("data-search-empty", "");
  const where = topic ? `${getTopic(topic).label} 주제에서 ` : "";
  empty.textContent = `${where}“${query.trim()}”에 대한 검색 결과가 없습니다. 다른 낱말이나 영어 용어로 검색해 보세요.`;
  return empty;
}

customElements.define("search-page", SearchPage);
