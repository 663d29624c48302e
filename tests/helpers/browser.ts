import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchChromium } from "../../tools/chromium";

/**
 * The set-up every browser test file shares, written once.
 *
 * Service workers are blocked unless a file asks for them. The site's offline script registers one on
 * every page, and in each new browser context (a test's fresh profile) it installs and precaches the
 * first-visit files: about 0.9 s of Chromium CPU per context, beside the page under test, measured on
 * the search page (3.0 → 2.1 s), over hundreds of contexts on two shared cores. Only the files that
 * test what the service worker does, or that the whole page runs clean with it (offline, updates,
 * CSP, links that moved, the installed app), pass `serviceWorkers: "allow"`; with it blocked, the site's pages behave
 * as in a browser without service workers, which the offline script already allows for.
 */
export interface TestChromiumOptions {
  /** Chromium flags added to tools/chromium.ts's (e.g. `--host-resolver-rules=…`). */
  readonly args?: readonly string[];
  /** Whether pages may register the site's service worker; "block" unless the file tests it. */
  readonly serviceWorkers?: "allow" | "block";
}

/** Debian's Chromium whose new pages and contexts get `serviceWorkers` unless a call sets it. */
export async function launchTestChromium({ args = [], serviceWorkers = "block" }: TestChromiumOptions = {}): Promise<Browser> {
  const browser = await launchChromium(args);
  const withDefault = <T extends object>(options?: T) => ({ serviceWorkers, ...options });
  return new Proxy(browser, {
    get(target, key) {
      if (key === "newPage") return (options?: Parameters<Browser["newPage"]>[0]) => target.newPage(withDefault(options));
      if (key === "newContext") return (options?: Parameters<Browser["newContext"]>[0]) => target.newContext(withDefault(options));
      const value: unknown = Reflect.get(target, key);
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/**
 * `launchTestChromium` before the file's tests, closed after. Returns the browser as a stand-in that
 * forwards to the real one once launched, so a file writes `const browser = useChromium();` at the
 * top and uses `browser` in its own hooks and tests (hooks run in the order they are registered: this
 * one first).
 */
export function useChromium(options: TestChromiumOptions = {}): Browser {
  let launched: Browser | undefined;
  beforeAll(async () => {
    launched = await launchTestChromium(options);
  });
  afterAll(async () => launched?.close());
  return new Proxy({} as Browser, {
    get(_, key) {
      if (!launched) throw new Error("Chromium is not launched yet: use the browser inside a test or a hook");
      const value: unknown = Reflect.get(launched, key);
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(launched) : value;
    },
  });
}
