import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll } from "vitest";
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

/**
 * Pages of one site in one browser context share a renderer process, as on Android's Chrome. A new
 * tab on a site whose renderer is alive (see `useSharedContext`) then skips starting a process and
 * warming it up: a search page opened that way costs about 1 s of Chromium CPU instead of 2 (medians
 * of eight, measured on this machine). Pages in different contexts never share a process.
 */
const PROCESS_PER_SITE = "--process-per-site";

/** Debian's Chromium whose new pages and contexts get `serviceWorkers` unless a call sets it. */
export async function launchTestChromium({ args = [], serviceWorkers = "block" }: TestChromiumOptions = {}): Promise<Browser> {
  const browser = await launchChromium([PROCESS_PER_SITE, ...args]);
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

/**
 * One browser context for all the tests of a file, each test opening fresh pages in it
 * (`newPage()`): a new context per test costs a renderer process started and warmed up every time.
 * What a test leaves is removed after it: its pages are closed, and the site's storage
 * (localStorage, IndexedDB, Cache Storage, service workers), cookies, permissions and the HTTP cache
 * are cleared, so the next test starts as in a new context. A tab kept open on the site's robots.txt
 * keeps the renderer process alive between tests. Files that need context options (a colour scheme,
 * permissions, service workers) make their own contexts.
 */
export function useSharedContext(browser: Browser, siteUrl: string): { newPage(): Promise<Page> } {
  let context: BrowserContext | undefined;
  let keeper: Page | undefined;
  beforeAll(async () => {
    context = await browser.newContext();
    keeper = await context.newPage();
    await keeper.goto(new URL("robots.txt", siteUrl).href);
  });
  afterEach(async () => {
    if (!context || !keeper) return;
    for (const page of context.pages()) if (page !== keeper) await page.close();
    const cdp = await context.newCDPSession(keeper);
    await cdp.send("Network.clearBrowserCache");
    await cdp.send("Storage.clearDataForOrigin", { origin: new URL(siteUrl).origin, storageTypes: "all" });
    await cdp.detach();
    await context.clearCookies();
    await context.clearPermissions();
  });
  afterAll(async () => context?.close());
  return {
    newPage() {
      if (!context) throw new Error("the shared context is not open yet: open pages inside a test or a hook");
      return context.newPage();
    },
  };
}
