import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { PagefindApi } from "../../src/search/pagefind-types";

let shimmed = false;

/**
 * Node's fetch cannot read `file:` URLs, which is where `pagefind.js` loads its index from when
 * imported from disk; this answers those from the file system and leaves every other URL alone.
 */
function shimFileFetch() {
  if (shimmed) return;
  shimmed = true;
  const networkFetch = globalThis.fetch;
  globalThis.fetch = async (input: string | URL | Request, init?: RequestInit) => {
    const href = input instanceof Request ? input.url : String(input);
    if (!href.startsWith("file:")) return networkFetch(input, init);
    const file = fileURLToPath(href.replace(/\?.*$/, ""));
    try {
      return new Response(await readFile(file));
    } catch {
      return new Response("not found", { status: 404 });
    }
  };
}

/**
 * The real `pagefind.js` of a built site, running in Node on its real index: the search tests
 * and the benchmark's quick mode use it. Each call imports a fresh module instance.
 */
export async function loadPagefindFromDist(siteDir: string, options: Record<string, unknown> = {}): Promise<PagefindApi> {
  shimFileFetch();
  const moduleUrl = pathToFileURL(path.resolve(siteDir, "pagefind/pagefind.js"));
  moduleUrl.search = `instance=${Math.random().toString(36).slice(2)}`;
  const pagefind = (await import(moduleUrl.href)) as PagefindApi;
  await pagefind.options({ baseUrl: "/", ...options });
  await pagefind.init();
  return pagefind;
}
