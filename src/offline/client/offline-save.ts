import { formatBytes, percentDone } from "../format-bytes";
import type { OfflineStatus, SaveFailure, SaveProgress } from "../messages";
import { ask, serviceWorkersSupported, whenControlled, workerForThisPage } from "./service-worker-client";

const FAILURES: Record<SaveFailure, string> = {
  network: "내려받지 못했습니다. 인터넷 연결을 확인한 뒤 다시 시도하세요.",
  changed: "그사이 새 버전이 배포되었습니다. 페이지를 새로고침한 뒤 다시 저장하세요.",
  storage: "브라우저의 저장 공간이 부족해 저장하지 못했습니다.",
};

/**
 * "오프라인으로 저장": opening it shows what the whole site weighs (as downloaded: its packs, gzip)
 * and how much of it this browser already holds; "내려받기" then downloads the missing packs
 * (through the service worker, into this version's cache) with a progress bar, and asks the browser
 * to keep the copy (persistent storage). Later deploys then keep the copy whole, downloading only
 * the packs that changed.
 */
class OfflineSave extends HTMLElement {
  private toggle!: HTMLButtonElement;
  private panel!: HTMLElement;
  private summary!: HTMLElement;
  private start!: HTMLButtonElement;
  private progress!: HTMLProgressElement;
  private status!: HTMLElement;

  connectedCallback() {
    // Stays hidden without service workers (and in `astro dev`, which has no sw.js).
    if (!import.meta.env.PROD || !serviceWorkersSupported()) return;
    const q = <T extends HTMLElement>(selector: string) => this.querySelector<T>(selector)!;
    this.toggle = q("[data-offline-toggle]");
    this.panel = q("[data-offline-panel]");
    this.summary = q("[data-offline-summary]");
    this.start = q("[data-offline-start]");
    this.progress = q("[data-offline-progress]");
    this.status = q("[data-offline-status]");
    this.toggle.addEventListener("click", () => void this.setOpen(this.panel.hidden));
    this.start.addEventListener("click", () => void this.save());
    this.hidden = false;
  }

  private async setOpen(open: boolean) {
    this.panel.hidden = !open;
    this.toggle.setAttribute("aria-expanded", String(open));
    if (open) await this.showSize();
  }

  /** Step one: the size, before anything is downloaded. */
  private async showSize() {
    this.start.disabled = true;
    this.summary.textContent = "저장할 크기를 확인하는 중…";
    const worker = await workerForThisPage();
    const reply = worker && (await ask(worker, { type: "status" }));
    if (reply?.type !== "status") {
      // No worker: registration failed (or no support), or its install failed and it was dropped.
      this.summary.textContent = "오프라인 저장을 준비하지 못했습니다. 인터넷 연결을 확인하고 페이지를 새로고침한 뒤 다시 시도하세요.";
      return;
    }
    const status: OfflineStatus = reply;
    const missing = status.missingBytes;
    this.summary.textContent =
      `사이트 전체(질문 등 페이지 ${status.pageCount}개와 검색 색인, 파일 ${status.totalFiles}개)는 ${formatBytes(status.totalBytes)}입니다. ` +
      (missing === 0
        ? "이 브라우저에 모두 저장되어 있어 인터넷 없이도 모든 질문과 검색을 쓸 수 있습니다."
        : `저장하면 인터넷이 끊겨도 모든 질문을 열고 검색할 수 있습니다. 지금 저장된 것: ${formatBytes(status.totalBytes - missing)}. ` +
          `검색은 이미 오프라인에서 되고, 페이지는 ${status.pageCount}개 중 ${status.savedPages}개가 저장되어 있습니다.`);
    this.start.textContent = missing === 0 ? "다시 확인하기" : `내려받기 (${formatBytes(missing)})`;
    this.start.disabled = false;
  }

  /** Step two: download with progress, then say what the reader now has. */
  private async save() {
    const worker = await workerForThisPage();
    if (!worker) return;
    this.start.disabled = true;
    this.progress.hidden = false;
    this.progress.value = 0;
    this.status.textContent = "내려받는 중…";
    // Asked from the click, as browsers want: keep this copy even when disk space runs low. Not
    // awaited here: Firefox asks the reader, and the download needn't wait for the answer.
    const persisting = navigator.storage?.persist?.().catch(() => false) ?? Promise.resolve(false);
    let announced = -1;
    const onProgress = (p: SaveProgress) => {
      this.progress.max = p.totalBytes;
      this.progress.value = p.doneBytes;
      const percent = percentDone(p.doneBytes, p.totalBytes);
      // Screen readers hear every tenth, not every file.
      if (Math.floor(percent / 10) !== announced) {
        announced = Math.floor(percent / 10);
        this.status.textContent = `내려받는 중… ${formatBytes(p.doneBytes)} / ${formatBytes(p.totalBytes)} (${percent}%)`;
      }
    };
    const result = await ask(worker, { type: "save" }, onProgress);
    if (result.type === "saved") {
      await whenControlled();
      const persisted = await persisting;
      this.progress.value = this.progress.max;
      this.status.textContent =
        `저장 완료: 파일 ${result.totalFiles}개, ${formatBytes(result.totalBytes)}. 이제 인터넷 없이도 모든 질문과 검색을 쓸 수 있습니다. ` +
        (persisted
          ? "브라우저가 이 저장본을 지우지 않고 보관합니다."
          : "저장 공간이 모자라면 브라우저가 지울 수 있으니, 그때는 다시 저장하세요.");
      this.start.textContent = "다시 확인하기";
    } else if (result.type === "failed") {
      this.progress.hidden = true;
      this.status.textContent = FAILURES[result.reason];
      console.error("offline save failed:", result.detail);
    }
    this.start.disabled = false;
  }
}

customElements.define("offline-save", OfflineSave);
