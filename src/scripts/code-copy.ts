/**
 * `<code-block>` (written around every code block at build time): adds the block's copy button.
 * A transcript's `<pre data-copy>` holds its commands (prompts and output left out); any other block
 * copies its code as written. Without the Clipboard API (a site served over plain http) the text is
 * copied through a selected, hidden textarea. The result is announced in a live region.
 */

const COPIED = "복사됨";
const FAILED = "복사하지 못했습니다";
const LABEL_RESET_MS = 2000;

let statusRegion: HTMLElement | undefined;

/** One polite live region per page, created before any message so screen readers track it. */
function liveRegion(): HTMLElement {
  if (!statusRegion) {
    statusRegion = document.createElement("div");
    statusRegion.setAttribute("role", "status");
    statusRegion.setAttribute("data-copy-status", "");
    statusRegion.className = "visually-hidden";
    (document.querySelector("main") ?? document.body).append(statusRegion);
  }
  return statusRegion;
}

function announce(message: string) {
  const region = liveRegion();
  // Emptied first, so that the same message twice in a row is announced twice.
  region.textContent = "";
  setTimeout(() => (region.textContent = message), 50);
}

async function copyText(text: string): Promise<boolean> {
  if (window.isSecureContext && navigator.clipboard?.writeText) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Permission refused: the textarea route below may still work.
    }
  }
  return copyThroughTextarea(text);
}

function copyThroughTextarea(text: string): boolean {
  const area = document.createElement("textarea");
  area.className = "copy-source";
  area.value = text;
  area.setAttribute("readonly", "");
  area.setAttribute("aria-hidden", "true");
  area.tabIndex = -1;
  document.body.append(area);
  area.select();
  area.setSelectionRange(0, text.length);
  try {
    // Deprecated, yet still the only way to copy where the Clipboard API is missing (plain http).
    return document.execCommand("copy");
  } catch {
    return false;
  } finally {
    area.remove();
  }
}

class CodeBlock extends HTMLElement {
  connectedCallback() {
    const pre = this.querySelector("pre");
    if (!pre || this.querySelector(".copy-button")) return;
    const label = pre.dataset.copy === undefined ? "복사" : "명령어 복사";
    const button = document.createElement("button");
    button.type = "button";
    button.className = "copy-button";
    button.textContent = label;
    liveRegion();
    let reset: ReturnType<typeof setTimeout> | undefined;
    button.addEventListener("click", async () => {
      const text = pre.dataset.copy ?? (pre.querySelector("code") ?? pre).textContent ?? "";
      const copied = await copyText(text);
      button.focus(); // the textarea route moved the focus away
      const message = copied ? COPIED : FAILED;
      button.textContent = message;
      announce(message);
      clearTimeout(reset);
      reset = setTimeout(() => (button.textContent = label), LABEL_RESET_MS);
    });
    this.append(button);
  }
}

if (!customElements.get("code-block")) customElements.define("code-block", CodeBlock);
