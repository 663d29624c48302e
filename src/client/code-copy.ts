/**
 * `<code-block>` (written around every code block at build time): adds the block's copy button.
 * A transcript's `<pre data-copy>` holds its commands (prompts and output left out); any other block
 * copies its code as written (see ./clipboard for how, and the live region that announces it).
 */
import { announceCopy, copyStatusRegion, copyText } from "./clipboard";

const COPIED = "복사됨";
const FAILED = "복사하지 못했습니다";
const LABEL_RESET_MS = 2000;

class CodeBlock extends HTMLElement {
  connectedCallback() {
    const pre = this.querySelector("pre");
    if (!pre || this.querySelector(".copy-button")) return;
    const label = pre.dataset.copy === undefined ? "복사" : "명령어 복사";
    const button = document.createElement("button");
    button.type = "button";
    button.className = "copy-button";
    button.textContent = label;
    copyStatusRegion();
    let reset: ReturnType<typeof setTimeout> | undefined;
    button.addEventListener("click", async () => {
      const text = pre.dataset.copy ?? (pre.querySelector("code") ?? pre).textContent ?? "";
      const copied = await copyText(text);
      const message = copied ? COPIED : FAILED;
      button.textContent = message;
      announceCopy(message);
      clearTimeout(reset);
      reset = setTimeout(() => (button.textContent = label), LABEL_RESET_MS);
    });
    this.append(button);
  }
}

if (!customElements.get("code-block")) customElements.define("code-block", CodeBlock);
