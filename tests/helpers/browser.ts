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

/**
 * Chromium for the tests of a file: the browser as a stand-in that forwards to the real one once
 * launched, so a file writes `const browser = useChromium();` at the top and uses `browser` in its
 * own hooks and tests (hooks run in the order they are registered: this one first). The file's
 * pages and contexts get `serviceWorkers` unless a call sets it, and are closed after its tests.
 *
 * The Chromium process itself is kept for the worker's life, one per set of flags, and shared by the
 * files the worker runs: the built-site projects run without isolation (vitest.config.ts), so their
 * files share this module. A launch costs about 0.35 s of CPU, some forty times a run. Files share
 * no state through it: each has its own contexts (pages opened with `newPage` have one each), and
 * contexts share no storage, cache or renderer process. In an isolated project each file has its
 * own module and so its own Chromium.
 */
export function useChromium({ args = [], serviceWorkers = "block" }: TestChromiumOptions = {}): Browser {
  let browser: Browser | undefined;
  const contexts = new Set<BrowserContext>();
  const track = (context: BrowserContext) => (contexts.add(context), context);
  beforeAll(async () => {
    browser = await workerChromium(args);
  });
  afterAll(async () => {
    await Promise.all([...contexts].map((context) => context.close()));
    contexts.clear();
  });
  const withDefault = <T extends object>(options?: T) => ({ serviceWorkers, ...options });
  return new Proxy({} as Browser, {
    get(_, key) {
      if (!browser) throw new Error("Chromium is not launched yet: use the browser inside a test or a hook");
      const real = browser;
      if (key === "newPage")
        return async (options?: Parameters<Browser["newPage"]>[0]) => {
          const page = await real.newPage(withDefault(options));
          track(page.context());
          return page;
        };
      if (key === "newContext")
        return async (options?: Parameters<Browser["newContext"]>[0]) => track(await real.newContext(withDefault(options)));
      if (key === "close") throw new Error("useChromium's browser is shared by the worker's files: close the contexts you opened");
      const value: unknown = Reflect.get(real, key);
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(real) : value;
    },
  });
}

/** The worker's Chromium for these flags, launched on first use (see `useChromium`). */
const workerBrowsers = new Map<string, Promise<Browser>>();

function workerChromium(args: readonly string[]): Promise<Browser> {
  const key = JSON.stringify(args);
  let browser = workerBrowsers.get(key);
  if (!browser) {
    browser = launchChromium([PROCESS_PER_SITE, ...args]);
    workerBrowsers.set(key, browser);
    // A browser that crashed or failed to start is launched afresh for the next file.
    browser.then(
      (b) => b.on("disconnected", () => workerBrowsers.delete(key)),
      () => workerBrowsers.delete(key),
    );
  }
  return browser;
}

/**
 * One browser context for all the tests of a file, each test opening fresh pages in it
 * (`newPage()`): a new context per test costs a renderer process started and warmed up every time.
 * What a test leaves is removed after it: its pages are closed, and the site's storage
 * (localStorage, IndexedDB, Cache Storage, service workers), cookies, permissions and the HTTP cache
 * are cleared, so the next test starts as in a new context. A tab kept open on the site
 * (`keepRendererAlive`) keeps the renderer process alive between tests. Files that need context options (a colour scheme,
 * permissions, service workers) make their own contexts.
 */
export function useSharedContext(browser: Browser, siteUrl: string): { newPage(): Promise<Page> } {
  let context: BrowserContext | undefined;
  let keeper: Page | undefined;
  beforeAll(async () => {
    context = await browser.newContext();
    keeper = await keepRendererAlive(context, siteUrl);
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

/**
 * Opens a tab on the site's robots.txt and leaves it open: with `--process-per-site`, the pages
 * the context opens and closes on that site then share its renderer process instead of starting one
 * each. Returns the tab, which the tests leave alone.
 */
export async function keepRendererAlive(context: BrowserContext, siteUrl: string): Promise<Page> {
  const tab = await context.newPage();
  await tab.goto(new URL("robots.txt", siteUrl).href);
  return tab;
}
