import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { runImport } from "../../cli/import";
import { runCheck } from "../../cli/check";
import { runRemoveEntry } from "../../cli/remove-entry";
import { checkLinks } from "../../src/build/links/check-links";
import { listFiles } from "../../src/core/replace-folder";
import { PUBLISHED_URLS_FILE } from "../../src/entries/url-history";
import { readUrlHistory } from "../../src/entries/url-history-files";
import { startStaticServer, type StaticServer } from "../../src/preview/static-server";
import { useChromium } from "../helpers/browser";
import { buildSite } from "../../tools/build-env";
import { axeViolations } from "../helpers/axe";
import { REAL_NOTES } from "../helpers/notes";

/**
 * A link, once shared, never breaks and never changes meaning. The real notes are imported, with
 * the published-URL list the real builds keep in content/ (the importer writes the same entries
 * there, tests/import/import.test.ts; building them again here would only write that list again),
 * then an author deletes the highest Docker entry, moves a question to Kubernetes with a
 * `<!-- topic: -->` override, and imports a later session with new Docker questions; the site is
 * built and opened in Chromium. Last, a published URL whose entry vanished without a trace fails
 * the build, naming it.
 */
const work = mkdtempSync(path.join(tmpdir(), "link-history-"));
const content = path.join(work, "content");
const dist = path.join(work, "dist");
const notes = path.join(work, "notes", "msp-t3-23-5.md");
const LATER_SESSION = path.resolve("tests/fixtures/link-history/msp-t3-23-6.md");
const env = (dir: string, out: string) => ({ CONTENT_DIR: dir, OUT_DIR: out, ASTRO_CACHE_DIR: path.join(work, "cache") });
const read = (file: string) => readFileSync(path.join(dist, file), "utf8");
const quiet = () => {
  const lines: string[] = [];
  return { lines, out: { log: (l: string) => lines.push(l), error: (l: string) => lines.push(l) } };
};
const dockerNumbers = () =>
  readdirSync(path.join(content, "docker"))
    .map((f) => /^d(\d+)\.md$/.exec(f)?.[1])
    .filter(Boolean)
    .map(Number);

let highest: string;
let deletedQuestion: string;
let secondImport: string[];
let server: StaticServer;
const browser = useChromium({ serviceWorkers: "allow" });
const MOVED = "d5";

beforeAll(async () => {
  mkdirSync(path.dirname(notes), { recursive: true });
  cpSync(REAL_NOTES, notes);
  const first = quiet();
  expect(runImport([notes, "--content", content], first.out), first.lines.join("\n")).toBe(0);
  cpSync(path.resolve("content", PUBLISHED_URLS_FILE), path.join(content, PUBLISHED_URLS_FILE));
  const { live, published } = readUrlHistory(content);
  expect(published).toEqual(expect.arrayContaining(["", ...live.map(({ topic, id }) => `${topic}/${id}/`)]));

  // The author deletes the highest Docker entry (a duplicate) …
  highest = `d${Math.max(...dockerNumbers())}`;
  deletedQuestion = /^question: "(.*)"$/m.exec(readFileSync(path.join(content, `docker/${highest}.md`), "utf8"))![1]!;
  rmSync(path.join(content, `docker/${highest}.md`));
  // … moves one question to Kubernetes with an override on its line in the notes …
  const line = Number(/^line: (\d+)$/m.exec(readFileSync(path.join(content, `docker/${MOVED}.md`), "utf8"))![1]);
  const lines = readFileSync(notes, "utf8").split("\n");
  lines[line - 1] = `${lines[line - 1]} <!-- topic: kubernetes -->`;
  writeFileSync(notes, lines.join("\n"));
  // … and imports the notes again with a later session.
  const second = quiet();
  expect(runImport([notes, LATER_SESSION, "--content", content], second.out), second.lines.join("\n")).toBe(0);
  secondImport = second.lines;
  // A duplicate removed with its replacement named.
  const removal = quiet();
  expect(runRemoveEntry(["d3", "--replaced-by", "d1", "--content", content], removal.out), removal.lines.join("\n")).toBe(0);

  const rebuilt = buildSite(env(content, dist));
  expect(rebuilt.status, `${rebuilt.stdout}\n${rebuilt.stderr}`).toBe(0);
  server = await startStaticServer({ dir: dist });
}, 600_000);

afterAll(async () => {
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

describe("deleting the highest id, then importing new questions", () => {
  test("no new question reuses the deleted id, and the deleted question is not imported again", () => {
    const n = Number(highest.slice(1));
    expect(existsSync(path.join(content, `docker/${highest}.md`))).toBe(false);
    expect(dockerNumbers().filter((x) => x > n)).toEqual([n + 1, n + 2]);
    expect(readFileSync(path.join(content, `docker/d${n + 1}.md`), "utf8")).toContain("멀티 스테이지 빌드");
    expect(secondImport.join("\n")).toContain(`x removed          docker/${highest}.md`);
    const ledger = readFileSync(path.join(content, "ids.json"), "utf8");
    expect(ledger).toContain(`{"id":"${highest}","topic":"docker","question":${JSON.stringify(deletedQuestion)}`);
  });

  test("npm run check passes", () => {
    const { lines, out } = quiet();
    expect(runCheck(["--content", content], out), lines.join("\n")).toBe(0);
  });

  test("the old URL serves the tombstone page: noindex, the old question, links to similar questions and search", async () => {
    const html = read(`docker/${highest}/index.html`);
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).toContain("이 질문은 정리되었습니다");
    expect(html).toContain(deletedQuestion);
    expect(html).toMatch(/id="similar-heading"[\s\S]*href="\/docker\/d\d+\/"/);
    expect(html).toContain(`href="/search/?q=${encodeURIComponent(deletedQuestion)}"`);
    const page = await browser.newPage();
    const response = await page.goto(new URL(`docker/${highest}/`, server.url).href);
    expect(response?.status()).toBe(200);
    expect(await page.locator("main h1").textContent()).toBe("이 질문은 정리되었습니다");
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  test("a question removed with --replaced-by links to its replacement", () => {
    const html = read("docker/d3/index.html");
    expect(html).toContain("이 질문은 정리되었습니다");
    expect(html).toMatch(/<a class="replacement" href="\/docker\/d1\/">/);
    expect(html).not.toContain('id="similar-heading"');
  });

  test("the tombstone is not in the sitemap or the search index", () => {
    expect(read("sitemap.xml")).not.toContain(`/docker/${highest}/`);
    expect(read(`docker/${highest}/index.html`)).not.toContain("data-pagefind-body");
  });
});

describe("moving an entry's topic", () => {
  test("keeps its id in the new folder", () => {
    expect(existsSync(path.join(content, `docker/${MOVED}.md`))).toBe(false);
    expect(existsSync(path.join(content, `kubernetes/${MOVED}.md`))).toBe(true);
    expect(secondImport.join("\n")).toContain(`> move             kubernetes/${MOVED}.md`);
  });

  test("the old URL redirects in Chromium", async () => {
    const page = await browser.newPage();
    await page.goto(new URL(`docker/${MOVED}/`, server.url).href);
    await page.waitForURL(new URL(`kubernetes/${MOVED}/`, server.url).href);
    expect(await page.locator("main h1").textContent()).toContain("이미지를 삭제");
    await page.close();
    const html = read(`docker/${MOVED}/index.html`);
    expect(html).toContain(`<meta http-equiv="refresh" content="0; url=/kubernetes/${MOVED}/">`);
    expect(html).toMatch(new RegExp(`<link rel="canonical" href="[^"]*/kubernetes/${MOVED}/">`));
    expect(html).toMatch(new RegExp(`<a class="moved-to" href="/kubernetes/${MOVED}/">`));
  });

  test("_redirects holds the line", () => {
    expect(read("_redirects").split("\n")).toContain(`/docker/${MOVED}/ /kubernetes/${MOVED}/ 301`);
  });

  test("the link check passes, tombstones and redirects included", () => {
    const report = checkLinks(
      { files: listFiles(dist), read: (f) => readFileSync(path.join(dist, f), "utf8") },
      { base: "/", origin: "http://localhost:4321" },
    );
    expect(report.problems).toEqual([]);
  });

  test("the published list holds the old and the new URLs", () => {
    const published = readFileSync(path.join(content, "published-urls.txt"), "utf8").split("\n");
    for (const url of [`docker/${highest}/`, `docker/${MOVED}/`, `kubernetes/${MOVED}/`, "docker/", "/"]) expect(published).toContain(url);
  });
});

test("a published URL that vanishes without a tombstone or redirect fails the build, naming it", () => {
  const broken = path.join(work, "content-broken");
  cpSync(content, broken, { recursive: true });
  // A bad merge: the entry and its id record are both gone.
  const victim = `d${Math.max(...dockerNumbers()) - 1}`;
  rmSync(path.join(broken, `docker/${victim}.md`));
  const ledgerFile = path.join(broken, "ids.json");
  writeFileSync(
    ledgerFile,
    readFileSync(ledgerFile, "utf8")
      .replace(new RegExp(`\\n    \\{"id":"${victim}",[^\\n]*`), "")
      .replace(",\n  ]", "\n  ]"),
  );
  const listBefore = readFileSync(path.join(broken, "published-urls.txt"), "utf8");
  expect(listBefore.split("\n")).toContain(`docker/${victim}/`);
  const build = buildSite(env(broken, path.join(work, "dist-broken")));
  expect(build.status).not.toBe(0);
  expect(`${build.stdout}\n${build.stderr}`).toContain(`error: /docker/${victim}/ was published and would now 404`);
  expect(readFileSync(path.join(broken, "published-urls.txt"), "utf8")).toBe(listBefore);
}, 300_000);
