import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchChromium } from "../../tools/chromium";

/**
 * The set-up every browser test file shares, written once: launch Debian's Chromium before the
 * file's tests and close it after. Returns the browser as a stand-in that forwards to the real one
 * once launched, so a file writes `const browser = useChromium();` at the top and uses `browser`
 * in its own hooks and tests (hooks run in the order they are registered: this one first).
 */
export function useChromium(extraArgs: readonly string[] = []): Browser {
  let launched: Browser | undefined;
  beforeAll(async () => {
    launched = await launchChromium(extraArgs);
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
