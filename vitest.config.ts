import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";
import BuildAwareSequencer from "./tests/sequencer";

/**
 * Projects are chosen by folder, so a new test file lands in one by where it is written:
 *
 * - `unit` — `tests/<stage>/`: no build, no browser.
 * - `site` — `tests/e2e/built/`: read the real build (one shared build of content/), no browser.
 * - `e2e` — every other file under `tests/e2e/`: Chromium against the same shared build, and the
 *   fixture sites (bad notes, 8 sessions, updates, broken content) each built once in its own file.
 * - `site-base` — the base-path-sensitive tests again, against the build for `BASE_PATH=/mspt3/`.
 *
 * `npm test` runs `unit` + `site` (the everyday loop); `npm run test:all` runs every project.
 */
/**
 * The built-site files share one module cache per worker (`isolate: false`): each file imported
 * playwright-core, parse5 and the helpers afresh, ~1.7 s of import per file, over some fifty file runs.
 * It is safe here because no helper keeps per-file or per-project state at its top level (the one
 * thing kept is the worker's Chromium, tests/helpers/browser.ts, which keeps no file's contexts): the site
 * under test is read with `inject` inside functions called by each file, hooks are registered by the
 * file's own calls (`useChromium()`, `useFixtureSite()`), nothing stubs globals or `process.env`, and
 * the setup file (`wait-for-build.ts`) runs again before every file. The unit project stays isolated:
 * some unit tests rely on fresh module state.
 */
const builtSite = {
  globalSetup: ["tests/e2e/global-setup.ts"],
  setupFiles: ["tests/e2e/wait-for-build.ts"],
  isolate: false,
  // After the unit tests, which run while the shared builds do (see tests/e2e/shared-build.ts).
  sequence: { groupOrder: 1 },
  testTimeout: 60_000,
  hookTimeout: 180_000,
};

export default defineConfig({
  test: {
    // Vitest's default leaves a core free (availableParallelism - 1): on these two-core machines that
    // is one worker, and every file — a fixture build, a Chromium session — ran in turn.
    maxWorkers: Math.max(2, availableParallelism()),
    sequence: { sequencer: BuildAwareSequencer },
    projects: [
      {
        test: {
          name: "unit",
          include: ["tests/**/*.test.ts"],
          exclude: ["tests/e2e/**"],
          // Some unit tests run a command (`npm run check`, an import killed mid-swap); with lint and
          // types beside Vitest (tools/test-all.sh) on two cores they need more than Vitest's 5 s.
          testTimeout: 20_000,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: { name: "site", include: ["tests/e2e/built/**/*.test.ts"], ...builtSite },
      },
      {
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          // base-path.test.ts is only meaningful for a subfolder build: it runs in site-base.
          exclude: ["tests/e2e/built/**", "tests/e2e/**/base-path.test.ts"],
          ...builtSite,
        },
      },
      {
        // The browser suite again (search, offline, links, CSP, updates) against the same site built
        // with BASE_PATH=/mspt3/ and served under /mspt3/, as on GitHub Pages; plus the absolute URLs
        // of that build (base-path).
        test: {
          name: "site-base",
          include: ["tests/e2e/**/{search,offline,links,csp,update,base-path}*.test.ts"],
          globalSetup: ["tests/e2e/global-setup-base.ts"],
          setupFiles: ["tests/e2e/wait-for-build.ts"],
          isolate: false,
          sequence: { groupOrder: 1 },
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
