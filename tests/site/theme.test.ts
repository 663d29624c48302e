import { readFileSync } from "node:fs";
import { expect, test } from "vitest";

const css = readFileSync("src/site/styles/global.css", "utf8");
const declarations = (block: string) =>
  block
    .split(";")
    .map((d) => d.trim())
    .filter(Boolean);

test("the dark palette is the same for the system setting and for the reader's choice", () => {
  const system = /@media \(prefers-color-scheme: dark\) \{\s*:root:not\(\[data-theme="light"\]\) \{([^}]*)\}/.exec(css)?.[1];
  const chosen = /\n:root\[data-theme="dark"\] \{([^}]*--bg:[^}]*)\}/.exec(css)?.[1];
  expect(system).toBeDefined();
  expect(chosen).toBeDefined();
  expect(declarations(chosen!)).toEqual(declarations(system!));
  expect(declarations(system!).length).toBeGreaterThan(5);
});

test("the pre-paint theme script reads the key the theme toggle writes", () => {
  const key = /THEME_STORAGE_KEY = "([^"]+)"/.exec(readFileSync("src/client/theme-toggle.ts", "utf8"))?.[1];
  expect(key).toBeDefined();
  expect(readFileSync("public/theme-init.js", "utf8")).toContain(`localStorage.getItem("${key}")`);
});
