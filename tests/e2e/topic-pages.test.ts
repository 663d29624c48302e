import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { runImport } from "../../cli/import";
import { startStaticServer, type StaticServer } from "../../src/preview/static-server";
import { makeSyntheticSessions } from "../../tools/generate-notes";
import { launchChromium } from "../../tools/chromium";
import { buildSite } from "../helpers/build-env";
import { readRealNotes } from "../helpers/notes";

/**
 * A course that has run for 8 sessions (400 questions: 216 of them Kubernetes) built for real:
 * a topic longer than one page is split by id range, and `#<id>` links still find their question.
 */
const work = mkdtempSync(path.join(tmpdir(), "topic-pages-"));
const dist = path.join(work, "dist");
const read = (file: string) => readFileSync(path.join(dist, file), "utf8");
const listedIds = (html: string) => [...html.matchAll(/<li id="([a-z]+\d+)">/g)].map((m) => m[1]!);
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  const files = makeSyntheticSessions(readRealNotes(), 8).map((notes) => {
    const file = path.join(work, "notes", notes.name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, notes.text);
    return file;
  });
  const output: string[] = [];
  expect(
    runImport([...files, "--content", path.join(work, "content")], { log: (l) => output.push(l), error: (l) => output.push(l) }),
    output.join("\n"),
  ).toBe(0);
  const build = buildSite({ CONTENT_DIR: path.join(work, "content"), OUT_DIR: dist, ASTRO_CACHE_DIR: path.join(work, "cache") });
  expect(build.status, `${build.stdout}\n${build.stderr}`).toBe(0);
  server = await startStaticServer({ dir: dist });
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

describe("a topic longer than one page", () => {
  test("is split by id range: page 1 lists k1–k200, page 2 the rest, in notes order", () => {
    const first = listedIds(read("kubernetes/index.html"));
    const second = listedIds(read("kubernetes/page/2/index.html"));
    expect(first).toHaveLength(200);
    expect(first.every((id) => Number(id.slice(1)) <= 200)).toBe(true);
    expect(second).toEqual(Array.from({ length: 16 }, (_, i) => `k${201 + i}`));
    expect(read("kubernetes/index.html")).toContain("질문 216개 (1/2쪽)");
  });

  test("links its pages to each other; a topic that fits one page has no page links", () => {
    expect(read("kubernetes/index.html")).toMatch(/<nav class="pagination" aria-label="쪽">[\s\S]*href="\/kubernetes\/page\/2\/"/);
    expect(read("kubernetes/page/2/index.html")).toContain('rel="prev" href="/kubernetes/"');
    expect(listedIds(read("docker/index.html"))).toHaveLength(168);
    expect(read("docker/index.html")).not.toContain('class="pagination"');
  });

  test("a question page's breadcrumb leads to the topic page that lists it", () => {
    expect(read("kubernetes/k210/index.html")).toMatch(/<a href="\/kubernetes\/page\/2\/">Kubernetes<\/a>/);
    expect(read("kubernetes/k3/index.html")).toMatch(/<a href="\/kubernetes\/">Kubernetes<\/a>/);
  });

  test("`/<topic>/#k210` opens the page that lists k210 and marks it", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}kubernetes/#k210`);
    await page.waitForURL(`${server.url}kubernetes/page/2/#k210`);
    await expect(page.locator("li:target").getAttribute("id")).resolves.toBe("k210");
    await page.close();
  });
});
