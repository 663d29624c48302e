// @ts-check
/**
 * ESLint for the whole tree (`npm run lint`, part of `npm run test:all`): JavaScript's and
 * typescript-eslint's recommended rules on .ts/.mjs, eslint-plugin-astro's on .astro files.
 * Formatting is Prettier's job (`npm run format:check`), so no stylistic rules here.
 */
import js from "@eslint/js";
import astro from "eslint-plugin-astro";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "dist-*/", "node_modules/", ".astro/", ".astro-typecheck/", "content/", "tests/fixtures/", "public/pagefind/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    // Node (commands, build, tests) and the browser (src/client, the service worker) both run this code.
    languageOptions: { globals: { ...globals.node, ...globals.browser, ...globals.serviceworker } },
    rules: {
      // `_` marks a parameter kept for its position.
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
    },
  },
);
