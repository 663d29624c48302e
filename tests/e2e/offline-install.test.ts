import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect, test } from "vitest";
import { startStaticServer, type StaticServer } from "../../src/preview/static-server";
import { CHROMIUM_ARGS, chromiumPath } from "../../tools/chromium";
import { useChromium } from "../helpers/browser";
import { writeServiceWorker } from "../../src/offline/write-service-worker";
import type { PrecacheManifest } from "../../src/offline/precache-manifest";
import { textOf } from "../helpers/html";
import { waitForServiceWorkerControl } from "../helpers/service-worker";
import { siteUnderTest } from "../helpers/site-under-test";

/**
 * Installing the site, and when the whole site is saved without asking. The build under test has
 * 50 questions, well under the default OFFLINE_AUTO_MAX_MB, so it saves itself everywhere; these
 * tests run on a copy whose offline step was re-run as `OFFLINE_AUTO_MAX_MB=0` builds it (the real
 * build step, src/offline/write-service-worker.ts), standing for a site too large to save unasked.
 */
const site = siteUnderTest();
const base = site.location.base;
const work = mkdtempSync(path.join(tmpdir(), "offline-install-"));
const dir = path.join(work, "site");
let manifest: PrecacheManifest;
const browser = useChromium({ serviceWorkers: "allow" });
let server: StaticServer;
let context: BrowserContext | undefined;
const requests: string[] = [];

beforeAll(async () => {
  cpSync(site.dir, dir, { recursive: true });
  manifest = (await writeServiceWorker(dir, base, process.cwd(), { autoSaveMaxBytes: 0 })).manifest;
  server = await startStaticServer({ dir, base });
  server.server.on("request", (req) => requests.push(decodeURI(req.url ?? "")));
}, 120_000);
afterEach(async () => {
  await context?.close();
  context = undefined;
});
afterAll(async () => {
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

/**
 * A fresh profile. `installed`: pages see `(display-mode: standalone)` as in the installed app
 * (Chromium's DevTools protocol can't emulate display-mode, so `matchMedia` answers it here).
 * `saveData`: the browser's data-saver setting (`navigator.connection.saveData`).
 */
async function visit(options: { installed?: boolean; saveData?: boolean } = {}): Promise<Page> {
  context = await browser.newContext();
  if (options.saveData) {
    await context.addInitScript(() =>
      Object.defineProperty(Navigator.prototype, "connection", { configurable: true, get: () => ({ saveData: true }) }),
    );
  }
  if (options.installed) {
    await context.addInitScript(() => {
      const real = window.matchMedia.bind(window);
      window.matchMedia = (query: string) =>
        /display-mode:\s*standalone/.test(query) ? ({ ...real("all"), matches: true, media: query } as MediaQueryList) : real(query);
    });
  }
  const page = await context.newPage();
  requests.length = 0;
  await page.goto(server.url);
  expect(await page.evaluate(() => matchMedia("(display-mode: standalone)").matches)).toBe(options.installed === true);
  return page;
}

async function autoSaveOutcome(page: Page): Promise<string> {
  await page.waitForFunction(() => !["", "saving"].includes(document.documentElement.dataset.offlineAutoSave ?? ""), null, {
    timeout: 30_000,
  });
  return page.evaluate(() => document.documentElement.dataset.offlineAutoSave!);
}

const pagePackRequests = () => requests.filter((r) => /\/offline\/(pages|media)-/.test(r));

test("the web app manifest meets Chromium's install criteria, with start URL and scope under the base path", async () => {
  // A normal (persistent) profile: Chromium never installs from an incognito one, which every new context is.
  const profile = path.join(work, "profile");
  context = await chromium.launchPersistentContext(profile, { executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
  const page = await context.newPage();
  await page.goto(server.url);
  const cdp = await context.newCDPSession(page);
  const { url, errors, data } = (await cdp.send("Page.getAppManifest")) as { url: string; errors: unknown[]; data?: string };
  expect(url).toBe(`${server.url}manifest.webmanifest`);
  expect(errors).toEqual([]);
  const app = JSON.parse(data!) as {
    start_url: string;
    scope: string;
    name: string;
    lang: string;
    icons: { src: string; sizes: string }[];
  };
  expect(new URL(app.start_url, url).href).toBe(server.url);
  expect(new URL(app.scope, url).href).toBe(server.url);
  expect(app.lang).toBe("ko");
  expect(app.name).toMatch(/[가-힣]/);
  // Each icon exists and is the size the manifest says.
  for (const icon of app.icons) {
    const png = readFileSync(path.join(dir, new URL(icon.src, url).pathname.slice(base.length)));
    expect(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`).toBe(icon.sizes);
  }
  await waitForServiceWorkerControl(page);
  const { installabilityErrors } = (await cdp.send("Page.getInstallabilityErrors")) as { installabilityErrors: unknown[] };
  expect(installabilityErrors).toEqual([]);
});

test("above the threshold, a normal tab stores only the shell and offline search", async () => {
  const page = await visit();
  await waitForServiceWorkerControl(page);
  await expect(autoSaveOutcome(page)).resolves.toBe("too-large");
  expect(pagePackRequests()).toEqual([]);
});

test("the installed app saves everything by itself and then opens offline", async () => {
  const page = await visit({ installed: true });
  await waitForServiceWorkerControl(page);
  await expect(autoSaveOutcome(page)).resolves.toBe("saved");
  expect(pagePackRequests().sort()).toEqual(
    manifest.packs
      .filter((p) => !p.core)
      .map((p) => `${base}${p.url}`)
      .sort(),
  );
  await context!.setOffline(true);
  const app = await context!.newPage();
  await app.goto(server.url);
  await expect(app.locator("h1").count()).resolves.toBeGreaterThan(0);
  const unvisited = readdirSync(path.join(dir, "helm")).find((d) => /^h\d+$/.test(d))!;
  await app.goto(`${server.url}helm/${unvisited}/`);
  const html = readFileSync(path.join(dir, "helm", unvisited, "index.html"), "utf8");
  await expect(app.title()).resolves.toBe(textOf(html, "title"));
});

test("saveData stops the automatic save, even in the installed app", async () => {
  const page = await visit({ installed: true, saveData: true });
  await waitForServiceWorkerControl(page);
  await expect(autoSaveOutcome(page)).resolves.toBe("save-data");
  expect(pagePackRequests()).toEqual([]);
});
