import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { close, createIndex } from "pagefind";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { startStaticServer, type StaticServer } from "../../src/preview/static-server";
import { useChromium } from "../helpers/browser";
import { realTranscriptPage, renderCodeBlocks } from "../helpers/transcripts";

const siteUrl = inject("siteUrl");
const browser = useChromium();
let page: Page;

beforeAll(async () => {
  page = await browser.newPage();
});

/** Pagefind's own results for a query on the site at `base`: page URLs, best first, with scores. */
async function pagefindResults(base: string, query: string): Promise<{ url: string; score: number }[]> {
  await page.goto(base);
  // Passed as source text: Vitest would rewrite a dynamic import() inside a function.
  return page.evaluate(`(async () => {
    const pagefind = await import(${JSON.stringify(`${base}pagefind/pagefind.js`)});
    await pagefind.options({ baseUrl: ${JSON.stringify(new URL(base).pathname)} });
    const search = await pagefind.search(${JSON.stringify(query)});
    return Promise.all(search.results.map(async (r) => ({ url: (await r.data()).url, score: r.score })));
  })()`);
}

test("an error message printed in a transcript finds its question on the real site", async () => {
  const urls = (await pagefindResults(siteUrl, "must force")).map((r) => r.url);
  expect(urls).toContain(`/${realTranscriptPage("docker-rmi")}`);
});

test("transcript prompts are not indexed", async () => {
  expect(await pagefindResults(siteUrl, "controlplane")).toEqual([]);
});

/**
 * Two pages with the same words: one says them in prose, the other prints them as the output of a
 * transcript rendered by the site's plugin. Pagefind must find both and rank the prose first.
 */
describe("transcript output in the search index", () => {
  let dir: string;
  let server: StaticServer;
  const errorLine = "Error response from daemon: conflict: unable to remove repository reference";
  const page = (body: string) =>
    `<!doctype html><html lang="ko"><head><title>질문</title></head><body><main data-pagefind-body><h1>질문</h1>${body}</main></body></html>`;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "transcript-weight-"));
    const transcript = await renderCodeBlocks(`\`\`\`bash\n$ docker rmi nginx\n${errorLine}\n\`\`\`\n`);
    const { index, errors } = await createIndex({});
    if (!index) throw new Error(errors.join("; "));
    await index.addHTMLFile({ url: "/prose/", content: page(`<p>docker rmi nginx</p><p>${errorLine}</p>`) });
    await index.addHTMLFile({ url: "/transcript/", content: page(transcript) });
    await index.writeFiles({ outputPath: path.join(dir, "pagefind") });
    await close();
    writeFileSync(path.join(dir, "index.html"), page(""));
    server = await startStaticServer({ dir });
  });
  afterAll(async () => {
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test("words of transcript output are found, and rank below the same words in prose", async () => {
    for (const query of ["conflict", "daemon repository"]) {
      const results = await pagefindResults(server.url, query);
      expect(
        results.map((r) => r.url),
        query,
      ).toEqual(["/prose/", "/transcript/"]);
      expect(results[1]!.score, query).toBeLessThan(results[0]!.score / 2);
    }
  });

  test("commands weigh like prose", async () => {
    const results = await pagefindResults(server.url, "rmi");
    expect(results.map((r) => r.url).sort()).toEqual(["/prose/", "/transcript/"]);
    expect(results[1]!.score).toBeGreaterThan(results[0]!.score * 0.9);
  });
});
