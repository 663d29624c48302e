import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { runImport } from "../../cli/import";
import { makeSyntheticSessions } from "../../tools/generate-notes";
import { useChromium } from "../helpers/browser";
import { useFixtureSite } from "../helpers/fixture-site";
import { listedQuestions } from "../helpers/html";
import { readRealNotes } from "../helpers/notes";

/**
 * A course that has run for 8 sessions (400 questions: 216 of them Kubernetes) built for real:
 * a topic longer than one page is split by id range, and `#<id>` links still find their question.
 */
const listedIds = (html: string) => listedQuestions(html).map(([id]) => id);
const browser = useChromium();
const site = useFixtureSite({
  name: "topic-pages",
  prepare(work) {
    const files = makeSyntheticSessions(readRealNotes(), 8).map((notes) => {
      const file = path.join(work, "notes", notes.name);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, notes.text);
      return file;
    });
    const content = path.join(work, "content");
    const output: string[] = [];
    expect(
      runImport([...files, "--content", content], { log: (l) => output.push(l), error: (l) => output.push(l) }),
      output.join("\n"),
    ).toBe(0);
    return content;
  },
});
const read = (file: string) => readFileSync(path.join(site().dist, file), "utf8");

test("a course without topic introductions or session notes builds without Astro's empty-collection notice", () => {
  expect(site().buildOutput).toContain("[build] Pagefind: indexed");
  expect(site().buildOutput).not.toMatch(/collection .* does not exist or is empty/);
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
    await page.goto(`${site().url}kubernetes/#k210`);
    await page.waitForURL(`${site().url}kubernetes/page/2/#k210`);
    await expect(page.locator("li:target").getAttribute("id")).resolves.toBe("k210");
    await page.close();
  });
});
