import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { listFiles } from "../../../src/core/replace-folder";
import { attr, find, findAll, linksIn, listedQuestions, matches, textContent, textOf } from "../../helpers/html";
import { readBuilt, SITE_DIR } from "../../helpers/site";

const pages = listFiles(SITE_DIR).filter((f) => f.endsWith(".html"));
const questionPages = pages.filter((f) => /^(docker|kubernetes|helm)\/[a-z]+\d+\/index\.html$/.test(f));
const tagPages = pages.filter((f) => /^tags\/[a-z0-9-]+\/index\.html$/.test(f));
const pathOf = (file: string) => `/${file.replace(/index\.html$/, "")}`;
const fileOf = (href: string) => path.join(href.replace(/^\//, ""), "index.html");
const listed = listedQuestions;

describe("tags", () => {
  test("every tag on a question page leads to a tag page that lists the question", () => {
    let tagLinks = 0;
    for (const page of questionPages) {
      const html = readBuilt(page);
      const tags = linksIn(html, '<nav class="tags"', "</nav>");
      expect(tags.length, page).toBeGreaterThan(0);
      for (const tag of tags) {
        tagLinks++;
        const hrefs = listed(readBuilt(fileOf(tag))).map(([, href]) => href);
        expect(hrefs, `${tag} from ${page}`).toContain(pathOf(page));
      }
    }
    expect(tagLinks).toBeGreaterThan(100);
  });

  test("a tag page lists only questions tagged with it, each with its #id anchor", () => {
    expect(tagPages.length).toBeGreaterThan(20);
    for (const page of tagPages) {
      const items = listed(readBuilt(page));
      expect(items.length, page).toBeGreaterThan(0);
      for (const [id, href] of items) {
        expect(href.endsWith(`/${id}/`)).toBe(true);
        expect(linksIn(readBuilt(fileOf(href)), '<nav class="tags"', "</nav>"), `${href} on ${page}`).toContain(pathOf(page));
      }
    }
  });

  test("the tag index links every tag page with its question count", () => {
    const html = readBuilt("tags/index.html");
    // Each tag's link with its count: `<a href="/tags/pod/">pod <span class="count">3</span></a>`.
    const entries = findAll(html, (e) => e.tagName === "a" && (attr(e, "href") ?? "").startsWith("/tags/")).flatMap((a) => {
      const count = find(a, matches("span", { class: "count" }));
      return count ? [[attr(a, "href")!, textContent(count)] as const] : [];
    });
    expect(entries.map(([href]) => href).sort()).toEqual(tagPages.map(pathOf).sort());
    for (const [href, count] of entries) expect(listed(readBuilt(fileOf(href))).length, href).toBe(Number(count));
  });

  test("a tag page names the term's other spellings (파드 for Pod)", () => {
    const html = readBuilt("tags/pod/index.html");
    expect(textOf(html, "h1")).toMatch(/^태그: Pod/);
    expect(html).toContain("파드");
  });
});

describe("related questions", () => {
  test("every question page links 3 to 5 other existing questions, same topic first", () => {
    for (const page of questionPages) {
      const topic = page.split("/")[0];
      const related = linksIn(readBuilt(page), '<section class="related"', "</section>");
      expect(related.length, page).toBeGreaterThanOrEqual(3);
      expect(related.length, page).toBeLessThanOrEqual(5);
      expect(related).not.toContain(pathOf(page));
      for (const href of related) expect(existsSync(path.join(SITE_DIR, fileOf(href))), href).toBe(true);
      const sameTopic = related.map((href) => href.startsWith(`/${topic}/`));
      expect(sameTopic, page).toEqual([...sameTopic].sort((a, b) => Number(b) - Number(a)));
    }
  });

  test("the question about deleting an image whose container runs is related to the other image/container questions", () => {
    const related = linksIn(readBuilt("docker/d5/index.html"), '<section class="related"', "</section>");
    const titles = related.map((href) => textOf(readBuilt(fileOf(href)), "h1")!);
    expect(titles.some((t) => /이미지/.test(t) && /컨테이너/.test(t))).toBe(true);
  });
});

describe("breadcrumbs, sessions and the home page", () => {
  test("question pages show breadcrumbs home › topic", () => {
    const html = readBuilt("kubernetes/k3/index.html");
    expect(linksIn(html, '<nav class="breadcrumbs"', "</nav>")).toEqual(["/", "/kubernetes/"]);
  });

  test("the sessions page lists 23-5 with its questions per topic, and each session page lists only its own", () => {
    const html = readBuilt("sessions/index.html");
    expect(html).toContain("MSP T3 · 23-5차");
    const counts = { docker: 21, kubernetes: 27, helm: 2 } as const;
    for (const [topic, count] of Object.entries(counts)) {
      expect(html).toContain(`href="/sessions/msp-t3-23-5/${topic}/"`);
      const items = listed(readBuilt(`sessions/msp-t3-23-5/${topic}/index.html`));
      expect(items, topic).toHaveLength(count);
      expect(items.every(([, href]) => href.startsWith(`/${topic}/`))).toBe(true);
    }
  });

  test("topic pages offer their sessions as filters", () => {
    expect(linksIn(readBuilt("helm/index.html"), '<nav class="topic-filter-nav"', "</nav>")).toEqual(["/sessions/msp-t3-23-5/helm/"]);
  });

  test("the home page introduces the site to a first-time student and links tags and sessions", () => {
    const html = readBuilt("index.html");
    expect(html).toContain("처음 오셨나요?");
    expect(html).toContain('href="/tags/"');
    expect(html).toContain('href="/sessions/"');
  });
});
