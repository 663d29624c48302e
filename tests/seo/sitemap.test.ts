import { expect, test } from "vitest";
import { absoluteUrl } from "../../src/seo/absolute-url";
import { robotsTxt, sitemapPaths, sitemapXml } from "../../src/seo/sitemap";

test("absolute URLs are the site's origin plus the base path plus the page's path", () => {
  expect(absoluteUrl("http://localhost:4321", "/", "docker/d5/")).toBe("http://localhost:4321/docker/d5/");
  expect(absoluteUrl("https://example.github.io", "/mspt3/", "docker/d5/")).toBe("https://example.github.io/mspt3/docker/d5/");
  expect(absoluteUrl(new URL("https://example.github.io/"), "/mspt3", "")).toBe("https://example.github.io/mspt3/");
  // The base path is the one place a subfolder is named; a path in SITE_URL does not double it.
  expect(absoluteUrl("https://example.github.io/mspt3/", "/mspt3/", "tags/pod/")).toBe("https://example.github.io/mspt3/tags/pod/");
});

test("the sitemap lists HTML pages once, home first, without the 404 page or files", () => {
  expect(sitemapPaths(["docker/d5/", "", "404/", "og/site.png", "robots.txt", "docker/d5/", "/tags/pod/", "404"])).toEqual([
    "",
    "docker/d5/",
    "tags/pod/",
  ]);
});

test("sitemap.xml is valid sitemaps.org XML with escaped URLs", () => {
  const xml = sitemapXml(["https://example.org/a/", "https://example.org/b/?x=1&y=2"]);
  expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<urlset xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">/);
  expect(xml).toContain("<url><loc>https://example.org/a/</loc></url>");
  expect(xml).toContain("<loc>https://example.org/b/?x=1&amp;y=2</loc>");
  expect(() => sitemapXml(Array.from({ length: 50_001 }, (_, i) => `https://e.org/${i}/`))).toThrow(/50,000/);
});

test("robots.txt allows everything but search result URLs and names the sitemap", () => {
  expect(robotsTxt("https://example.github.io/mspt3/sitemap.xml", "/mspt3/search/")).toBe(
    "User-agent: *\nAllow: /\nDisallow: /mspt3/search/?\n\nSitemap: https://example.github.io/mspt3/sitemap.xml\n",
  );
});
