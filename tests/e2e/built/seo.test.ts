import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { listFiles } from "../../../src/core/replace-folder";
import { canonicalOf, jsonLdOf, metaContent, sitemapUrls, textOf } from "../../helpers/html";
import { readBuilt, SITE_DIR } from "../../helpers/site";

/** The origin the test build was made with (Astro's `site`). */
const ORIGIN = (process.env.SITE_URL || "http://localhost:4321").replace(/\/+$/, "");
const pages = listFiles(SITE_DIR).filter((f) => f.endsWith(".html"));
const questionPages = pages.filter((f) => /^(docker|kubernetes|helm)\/[a-z]+\d+\/index\.html$/.test(f));
const pageUrl = (file: string) => `${ORIGIN}/${file.replace(/index\.html$/, "")}`;

function pngSize(file: string) {
  const png = readFileSync(file);
  expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

// JSON-LD nodes as the tests read them: any property, nested at will.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a JSON document of unknown shape, read field by field
type JsonLdNode = Record<string, any>;

describe("unfurl and search-engine tags", () => {
  test("every question page unfurls with the question as og:title, an answer excerpt, its absolute URL and a PNG card", () => {
    expect(questionPages).toHaveLength(50);
    for (const page of questionPages) {
      const html = readBuilt(page);
      const question = textOf(html, "h1")!;
      const [, topic] = /^(\w+)\//.exec(page)!;
      expect(metaContent(html, "og:title"), page).toBe(question);
      expect(textOf(html, "title"), page).toBe(`${question} | 강의 Q&A`);
      expect(canonicalOf(html), page).toBe(pageUrl(page));
      expect(metaContent(html, "og:url"), page).toBe(pageUrl(page));
      expect(metaContent(html, "og:type")).toBe("article");
      expect(metaContent(html, "og:site_name")).toBe("강의 Q&A");
      expect(metaContent(html, "og:locale")).toBe("ko_KR");
      expect(metaContent(html, "twitter:card")).toBe("summary_large_image");
      const description = metaContent(html, "description")!;
      expect(description.length, page).toBeGreaterThan(10);
      expect([...description].length, page).toBeLessThanOrEqual(150);
      expect(metaContent(html, "og:description")).toBe(description);
      const image = metaContent(html, "og:image")!;
      expect(image).toBe(`${ORIGIN}/og/${topic}.png`);
      expect(pngSize(path.join(SITE_DIR, image.slice(ORIGIN.length)))).toEqual({ width: 1200, height: 630 });
    }
  });

  test("the description is the start of the answer, without its transcript", () => {
    const html = readBuilt("docker/d5/index.html");
    expect(metaContent(html, "description")).toMatch(/^먼저 docker 명령어를 이용한 이미지 삭제\(docker rmi\)는 안됩니다\./);
    expect(metaContent(html, "description")).not.toContain("ubuntu $");
  });

  test("question pages carry QAPage structured data naming the question and its answer", () => {
    for (const page of questionPages) {
      const html = readBuilt(page);
      const graph = jsonLdOf(html)!["@graph"] as JsonLdNode[];
      const qa = graph.find((n) => n["@type"] === "QAPage")!;
      expect(qa.url).toBe(pageUrl(page));
      expect(qa.mainEntity.name).toBe(textOf(html, "h1"));
      expect(qa.mainEntity.answerCount).toBe(1);
      expect(qa.mainEntity.acceptedAnswer.text.length).toBeGreaterThan(5);
      const crumbs = graph.find((n) => n["@type"] === "BreadcrumbList")!;
      expect(crumbs.itemListElement.map((c: { item: string }) => c.item)).toEqual([`${ORIGIN}/`, `${ORIGIN}/${page.split("/")[0]}/`]);
    }
  });

  test("every page but the 404 has a canonical URL; the 404 page asks not to be indexed", () => {
    for (const page of pages.filter((p) => p !== "404.html")) expect(canonicalOf(readBuilt(page)), page).toBe(pageUrl(page));
    const notFound = readBuilt("404.html");
    expect(canonicalOf(notFound)).toBeUndefined();
    expect(metaContent(notFound, "robots")).toBe("noindex");
  });

  test("the site and topic cards are 1200×630 PNG files", () => {
    for (const card of ["site", "docker", "kubernetes", "helm"]) {
      const file = path.join(SITE_DIR, `og/${card}.png`);
      expect(statSync(file).size).toBeLessThan(300_000);
      expect(pngSize(file)).toEqual({ width: 1200, height: 630 });
    }
    expect(metaContent(readBuilt("index.html"), "og:image")).toBe(`${ORIGIN}/og/site.png`);
  });
});

describe("sitemap.xml and robots.txt", () => {
  const sitemap = readBuilt("sitemap.xml");
  const urls = sitemapUrls(sitemap);

  test("the sitemap lists every HTML page but the 404 page, once, as absolute URLs", () => {
    const expected = pages
      .filter((p) => p !== "404.html")
      .map(pageUrl)
      .sort();
    expect([...urls].sort()).toEqual(expected);
    expect(new Set(urls).size).toBe(urls.length);
    for (const url of urls) expect(existsSync(path.join(SITE_DIR, url.slice(ORIGIN.length), "index.html")), url).toBe(true);
  });

  test("robots.txt names the sitemap", () => {
    expect(readBuilt("robots.txt")).toContain(`Sitemap: ${ORIGIN}/sitemap.xml\n`);
  });
});
