import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { listFiles } from "../../../src/core/replace-folder";
import { inlineMarkdownToText } from "../../../src/markdown/inline-markdown";
import { parseCourseNotes } from "../../../src/notes/parse-course-notes";
import { listedQuestions, textOf } from "../../helpers/html";
import { readRealNotes } from "../../helpers/notes";
import { readBuilt, SITE_DIR } from "../../helpers/site";

const questions = parseCourseNotes(readRealNotes(), "msp-t3-23-5.md").questions;
const pages = listFiles(SITE_DIR).filter((f) => f.endsWith(".html"));
const questionPages = pages.filter((f) => /^(docker|kubernetes|helm)\/[a-z]+\d+\/index\.html$/.test(f));

describe("the built site", () => {
  test("has 50 question pages whose <h1> are the 50 questions", () => {
    expect(questionPages).toHaveLength(50);
    const h1s = questionPages.map((p) => textOf(readBuilt(p), "h1")).sort();
    expect(h1s).toEqual(questions.map((q) => inlineMarkdownToText(q.question)).sort());
  });

  test("has topic pages for Docker (21), Kubernetes (27) and Helm (2), each linking its questions with #id anchors", () => {
    for (const [topic, count] of [
      ["docker", 21],
      ["kubernetes", 27],
      ["helm", 2],
    ] as const) {
      const html = readBuilt(`${topic}/index.html`);
      const items = listedQuestions(html);
      expect(items, topic).toHaveLength(count);
      expect(items.every(([id, href]) => href === `/${topic}/${id}/`)).toBe(true);
      expect(html).toContain("MSP T3 · 23-5차");
    }
  });

  test("lists a topic's questions in notes order", () => {
    const html = readBuilt("docker/index.html");
    const firstTwo = listedQuestions(html)
      .slice(0, 3)
      .map(([id]) => id);
    expect(firstTwo).toEqual(["d1", "d2", "d3"]);
  });

  test("shows the Docker Summary topic note on the Docker topic page, its missing image as a placeholder", () => {
    expect(readBuilt("docker/index.html")).toContain("Docker Summary");
    expect(readBuilt("docker/index.html")).toContain("이미지 없음: img/docker_summary_23-5.png");
    expect(readBuilt("kubernetes/index.html")).not.toContain("Docker Summary");
  });

  test("renders a missing image as a visible placeholder naming the file", () => {
    const page = questionPages.find((p) => textOf(readBuilt(p), "h1")?.startsWith("EXPOSE는 80으로"));
    expect(readBuilt(page!)).toContain(
      '<span class="missing-image" role="img" aria-label="이미지 없음: img/expose-nginx_23-5.png">이미지 없음: img/expose-nginx_23-5.png</span>',
    );
  });

  test("question pages name their source and link previous and next in the topic", () => {
    const html = readBuilt("docker/d2/index.html");
    expect(html).toContain("MSP T3 · 23-5차");
    expect(html).toMatch(/<a class="prev" rel="prev" href="\/docker\/d1\/">/);
    expect(html).toMatch(/<a class="next" rel="next" href="\/docker\/d3\/">/);
    expect(readBuilt("docker/d1/index.html")).not.toContain('rel="prev"');
  });

  test("every page is Korean and no page lists every question of the site", () => {
    for (const page of pages) {
      const html = readBuilt(page);
      expect(html, page).toContain('<html lang="ko">');
      const links = new Set([...html.matchAll(/href="\/(?:docker|kubernetes|helm)\/([a-z]+\d+)\//g)].map((m) => m[1]));
      expect(links.size, page).toBeLessThan(questions.length);
    }
  });

  test("highlights code blocks with Shiki in light and dark", () => {
    const page = questionPages.find((p) => textOf(readBuilt(p), "h1")?.startsWith("Deployment에서 select할 label"));
    const html = readBuilt(page!);
    expect(html).toContain('class="astro-code');
    expect(html).toMatch(/--shiki-light:#[0-9a-f]{6};--shiki-dark:#[0-9a-f]{6}/i);
  });

  test("writes the Pagefind index with only question pages in it", () => {
    const entry = JSON.parse(readFileSync(path.join(SITE_DIR, "pagefind/pagefind-entry.json"), "utf8"));
    expect(entry.languages.ko.page_count).toBe(50);
  });

  test("has a search page and a 404 page with a search box", () => {
    expect(readBuilt("search/index.html")).toContain("<search-page>");
    expect(readBuilt("404.html")).toMatch(/<form[^>]*role="search"[^>]*action="\/search\/"/);
  });
});
