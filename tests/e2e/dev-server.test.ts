import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { stripVTControlCharacters } from "node:util";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { runNewEntry } from "../../cli/new-entry";
import { acquireBuildLock } from "../../tools/build-env";
import { useChromium } from "../helpers/browser";

/**
 * `npm run dev` has a working search: the dev server indexes the content folder on start (no build
 * needed) and again when an entry changes. Runs `astro dev` on a copy of the content, on a free port.
 */
const work = mkdtempSync(path.join(tmpdir(), "dev-server-"));
const content = path.join(work, "content");
let dev: ChildProcess;
let log = "";
let origin = "";
const browser = useChromium();
let page: Page;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

async function until<T>(what: string, get: () => Promise<T | undefined> | T | undefined, timeoutMs = 60_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await get();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; dev server said:\n${log}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The dev server's search index summary: how many pages it holds. */
async function indexedPages(): Promise<number | undefined> {
  const response = await fetch(`${origin}/pagefind/pagefind-entry.json`).catch(() => undefined);
  if (!response?.ok) return undefined;
  const entry = (await response.json()) as { languages: Record<string, { page_count: number }> };
  return Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
}

async function searchTitles(query: string): Promise<string[]> {
  await page.goto(`${origin}/search/?q=${encodeURIComponent(query)}`);
  await page.locator("[data-search-result], [data-search-empty]").first().waitFor({ timeout: 30_000 });
  return page.locator("[data-search-result] .result-title").allTextContents();
}

// The dev server syncs the content layer like a build (tools/build-env.ts): it holds the build lock.
let releaseLock: (() => void) | undefined;

beforeAll(async () => {
  releaseLock = await acquireBuildLock();
  cpSync("content", content, { recursive: true });
  const port = await freePort();
  dev = spawn("node_modules/.bin/astro", ["dev", "--host", "127.0.0.1", "--port", String(port)], {
    env: { ...process.env, CONTENT_DIR: content, ASTRO_CACHE_DIR: path.join(work, "cache"), ASTRO_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  // Colour codes come through when the caller forces colour (CI sets FORCE_COLOR); the log is read as text.
  const append = (chunk: Buffer) => (log += stripVTControlCharacters(chunk.toString()));
  dev.stdout?.on("data", append);
  dev.stderr?.on("data", append);
  origin = await until("the dev server's address", () => /Local\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(log)?.[1], 90_000);
  page = await browser.newPage();
}, 120_000);

afterAll(async () => {
  // The dev server and everything it started: its own process group.
  if (dev?.pid) process.kill(-dev.pid, "SIGTERM");
  releaseLock?.();
  rmSync(work, { recursive: true, force: true });
});

test("serves Pagefind's script and an index of every question, built on start from the content", async () => {
  const script = await until("pagefind.js", async () => {
    const response = await fetch(`${origin}/pagefind/pagefind.js`);
    return response.ok ? response : undefined;
  });
  expect(script.headers.get("content-type")).toContain("javascript");
  expect(await script.text()).toContain("pagefind");
  expect(await until("the index", indexedPages)).toBe(50);
  expect(log).toContain("search index for dev: 50 questions");
}, 90_000);

test("a query on the dev server's search page returns results", async () => {
  const titles = await searchTitles("docker rmi");
  expect(titles[0]).toBe("이미지로부터 컨테이너를 run하여 생성한 후, 그 이미지를 삭제(?)하면 run하던 컨테이너는 어떻게 되나요?");
}, 90_000);

test("a new entry is on the dev site and in its search within seconds, without a build", async () => {
  const question = "zebrafish 이미지는 어떻게 만드나요?";
  const quiet = { log: () => {}, error: () => {} };
  expect(runNewEntry(["--topic", "docker", "--question", question, "--content", content], quiet)).toBe(0);
  await until("the new entry in the index", async () => ((await indexedPages()) === 51 ? true : undefined), 30_000);
  expect(await searchTitles("zebrafish")).toEqual([question]);
  await page.locator("[data-search-result]").first().click();
  await page.waitForURL(/\/docker\/d22\/$/);
  await expect(page.locator("main h1").textContent()).resolves.toBe(question);
}, 90_000);
