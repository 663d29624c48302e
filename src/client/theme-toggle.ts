/**
 * The theme toggle: three radio buttons (자동 / 밝게 / 어둡게). A choice is saved in localStorage
 * and applied at once; public/theme-init.js applies it on the next page before first paint.
 * "자동" removes both, so the system setting rules again. Choices made in another tab follow.
 */
export const THEME_STORAGE_KEY = "course-qa:theme";
type ThemeChoice = "system" | "light" | "dark";

const isExplicit = (value: string | null): value is "light" | "dark" => value === "light" || value === "dark";

function savedChoice(): ThemeChoice {
  try {
    const saved = localStorage.getItem(THEME_STORAGE_KEY);
    return isExplicit(saved) ? saved : "system";
  } catch {
    return "system";
  }
}

function apply(choice: ThemeChoice) {
  if (choice === "system") document.documentElement.removeAttribute("data-theme");
  else document.documentElement.setAttribute("data-theme", choice);
}

function save(choice: ThemeChoice) {
  try {
    if (choice === "system") localStorage.removeItem(THEME_STORAGE_KEY);
    else localStorage.setItem(THEME_STORAGE_KEY, choice);
  } catch {
    /* Not saved (storage blocked): the choice still holds on this page. */
  }
}

class ThemeToggle extends HTMLElement {
  connectedCallback() {
    this.sync(savedChoice());
    this.hidden = false;
    this.addEventListener("change", (event) => {
      const input = event.target as HTMLInputElement;
      const choice = input.value as ThemeChoice;
      save(choice);
      apply(choice);
    });
    window.addEventListener("storage", (event) => {
      if (event.key !== THEME_STORAGE_KEY) return;
      const choice = isExplicit(event.newValue) ? event.newValue : "system";
      apply(choice);
      this.sync(choice);
    });
  }

  private sync(choice: ThemeChoice) {
    for (const input of this.querySelectorAll<HTMLInputElement>("input[type=radio]")) input.checked = input.value === choice;
  }
}

customElements.define("theme-toggle", ThemeToggle);
