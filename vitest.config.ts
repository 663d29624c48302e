import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["tests/**/*.test.ts"],
          exclude: ["tests/e2e/**"],
        },
      },
      {
        // Tests of the built site: the global setup builds it once (real `astro build` + Pagefind)
        // and serves it on 127.0.0.1; browser tests drive Debian's Chromium through Playwright.
        test: {
          name: "site",
          include: ["tests/e2e/**/*.test.ts"],
          // Only meaningful for a subfolder build: it runs in site-base.
          exclude: ["tests/e2e/base-path.test.ts"],
          globalSetup: ["tests/e2e/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One Chromium at a time: these machines have two cores.
          fileParallelism: false,
        },
      },
      {
        // The browser suite again (search, offline, links, CSP, updates) against the same site built
        // with BASE_PATH=/mspt3/ and served under /mspt3/, as on GitHub Pages; plus the absolute URLs
        // of that build (base-path).
        test: {
          name: "site-base",
          include: ["tests/e2e/{search,offline,links,csp,update,base-path}*.test.ts"],
          globalSetup: ["tests/e2e/global-setup-base.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
