import { gzipSync } from "node:zlib";
import type { Page, Response } from "playwright-core";
import { launchChromium } from "../../tools/chromium";
import { startStaticServer } from "../../src/preview/static-server";

export interface BrowserFigures {
  /** JavaScript a question page downloads before search is used, gzip-compressed as a host would send it. */
  readonly questionPageJsGzip: number;
  /** Bytes a first search downloads from Pagefind (runtime, WebAssembly, index chunks, fragments). */
  readonly firstSearchBytes: number;
  /** Everything the search page loads for a first query from an empty cache: page, CSS, scripts and Pagefind. */
  readonly firstSearchPageBytes: number;
  readonly medianResultsMs: number;
  readonly queries: number;
}

const QUERIES = ["컨테이너", "docker rmi", "ReplicaSet", "파드", "볼륨", "Ingress", "레이어", "helm", "포트", "스케줄링"];

/**
 * Serves a built site on 127.0.0.1 and measures it in Chromium. Text resources count at their gzip
 * size (what a static host sends); Pagefind's index chunks are gzip files already and count as they are.
 */
export async function measureBrowser(dist: string): Promise<BrowserFigures> {
  const server = await startStaticServer({ dir: dist });
  const browser = await launchChromium();
  try {
    const questionPage = await browser.newPage({ serviceWorkers: "block" });
    const js = await recordBytes(questionPage, (r) => r.request().resourceType() === "script");
    await questionPage.goto(`${server.url}docker/d5/`, { waitUntil: "networkidle" });
    const questionPageJsGzip = await js.total();
    await questionPage.close();

    // A context with service workers blocked: the background download of the offline copy is not the search's cost.
    const searchContext = await browser.newContext({ serviceWorkers: "block" });
    const searchPage = await searchContext.newPage();
    const searchBytes = await recordBytes(searchPage, (r) => new URL(r.url()).pathname.includes("/pagefind/"));
    const pageBytes = await recordBytes(searchPage, () => true);
    await searchPage.goto(`${server.url}search/?q=${encodeURIComponent("컨테이너")}`);
    await searchPage.locator("[data-search-result]").first().waitFor();
    await searchPage.waitForLoadState("networkidle");
    const firstSearchBytes = await searchBytes.total();
    const firstSearchPageBytes = await pageBytes.total();

    const times: number[] = [];
    for (const query of QUERIES) {
      const started = performance.now();
      await searchPage.goto(`${server.url}search/?q=${encodeURIComponent(query)}`);
      await searchPage.locator("[data-search-result], [data-search-empty]").first().waitFor();
      times.push(performance.now() - started);
    }
    await searchContext.close();
    times.sort((a, b) => a - b);
    return {
      questionPageJsGzip,
      firstSearchBytes,
      firstSearchPageBytes,
      medianResultsMs: times[Math.floor(times.length / 2)] ?? NaN,
      queries: times.length,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

async function recordBytes(page: Page, include: (response: Response) => boolean) {
  const pending: Promise<number>[] = [];
  page.on("response", (response) => {
    if (!include(response)) return;
    pending.push(
      response.body().then(
        (body) => (isPrecompressed(response.url()) ? body.length : gzipSync(body).length),
        () => 0,
      ),
    );
  });
  return { total: async () => (await Promise.all(pending)).reduce((a, b) => a + b, 0) };
}

/** Pagefind writes its index chunks gzip-compressed; compressing them again would misstate the transfer. */
function isPrecompressed(url: string): boolean {
  return /\.pf_(?:meta|index|fragment|filter)$/.test(new URL(url).pathname);
}
