/**
 * Copying text and announcing it, shared by the code-block copy buttons and the copy-link buttons.
 * Without the Clipboard API (a site on plain http is not a secure context) the text is copied
 * through a selected, hidden textarea and `document.execCommand("copy")`.
 */

/** Copies `text`; resolves to false when no way of copying worked. Focus stays where it was. */
export async function copyText(text: string): Promise<boolean> {
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
  area.readOnly = true;
  area.tabIndex = -1;
  area.setAttribute("aria-hidden", "true");
  const focused = document.activeElement as HTMLElement | null;
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
    focused?.focus();
  }
}

/**
 * The page's one polite live region for copy results. Created before the first message (call it when
 * a button appears) so screen readers already track it; inside <main>, as all content is in a landmark.
 */
export function copyStatusRegion(): HTMLElement {
  let region = document.querySelector<HTMLElement>("[data-copy-status]");
  if (!region) {
    region = document.createElement("div");
    region.className = "visually-hidden";
    region.setAttribute("role", "status");
    region.setAttribute("data-copy-status", "");
    (document.querySelector("main") ?? document.body).append(region);
  }
  return region;
}

export function announceCopy(message: string) {
  const region = copyStatusRegion();
  // Emptied first and set a tick later, so the same message twice in a row is announced twice.
  region.textContent = "";
  setTimeout(() => (region.textContent = message), 50);
}
