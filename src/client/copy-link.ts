/**
 * Copy-link buttons. A button carrying `data-copy-link="<absolute URL>"` copies that URL; lists
 * marked `data-copy-links` get one button per question (`<li id><a href>`), whose URL is the
 * question link resolved against the page's canonical URL — so the copied link names the site's
 * public origin (SITE_URL) even when the page was opened some other way.
 *
 * Copying works without the Clipboard API too (./clipboard); failing every way, a prompt shows the
 * URL to copy by hand. The result is announced for screen readers and shown on the button.
 */
import { announceCopy, copyStatusRegion, copyText } from "./clipboard";

const FEEDBACK_MS = 2000;

function canonicalBase(): string {
  return document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href ?? location.href;
}

const timers = new WeakMap<HTMLButtonElement, number>();

async function onCopy(button: HTMLButtonElement) {
  const href = button.dataset.copyLink;
  if (!href) return;
  const copied = await copyText(href);
  if (!copied) {
    window.prompt("링크를 복사하지 못했습니다. 아래 주소를 직접 복사하세요.", href);
    return;
  }
  announceCopy(`링크를 복사했습니다: ${href}`);
  button.textContent = "복사됨";
  button.classList.add("copied");
  window.clearTimeout(timers.get(button));
  timers.set(
    button,
    window.setTimeout(() => {
      button.textContent = "링크 복사";
      button.classList.remove("copied");
    }, FEEDBACK_MS),
  );
}

function addListButtons(list: HTMLElement, base: string) {
  for (const item of list.querySelectorAll<HTMLLIElement>(":scope > li[id]")) {
    const link = item.querySelector<HTMLAnchorElement>(":scope > a[href]");
    if (!link || item.querySelector("[data-copy-link]")) continue;
    link.id ||= `${item.id}-link`;
    const button = document.createElement("button");
    button.type = "button";
    button.className = "copy-link";
    button.textContent = "링크 복사";
    button.dataset.copyLink = new URL(link.getAttribute("href")!, base).href;
    button.setAttribute("aria-describedby", link.id);
    link.after(button);
  }
}

function init() {
  const base = canonicalBase();
  for (const list of document.querySelectorAll<HTMLElement>("[data-copy-links]")) addListButtons(list, base);
  const buttons = document.querySelectorAll<HTMLButtonElement>("button[data-copy-link]");
  if (buttons.length > 0) copyStatusRegion();
  for (const button of buttons) button.hidden = false;
  document.addEventListener("click", (event) => {
    const button = (event.target as Element | null)?.closest<HTMLButtonElement>("button[data-copy-link]");
    if (button) void onCopy(button);
  });
}

init();
