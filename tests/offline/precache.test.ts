import { describe, expect, test } from "vitest";
import { formatBytes, percentDone } from "../../src/offline/format-bytes";
import { buildPrecacheManifest, selectPrecacheFiles } from "../../src/offline/plan-precache";
import { cacheNameFor, entryUrlForRequestPath, isPageUrl, urlForFile } from "../../src/offline/precache-manifest";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("what the offline copy holds", () => {
  const files = [
    "404.html",
    "_astro/page.A1b2.js",
    "_astro/site.C3d4.css",
    "docker/d1/index.html",
    "favicon.svg",
    "index.html",
    "og/docker/d1.png",
    "pagefind/fragment/ko_1.pf_fragment",
    "pagefind/index/ko_2.pf_index",
    "pagefind/pagefind-entry.json",
    "pagefind/pagefind-highlight.js",
    "pagefind/pagefind-ui.js",
    "pagefind/pagefind-component-ui.css",
    "pagefind/pagefind-worker.js",
    "pagefind/pagefind.js",
    "pagefind/wasm.unknown.pagefind",
    "robots.txt",
    "sitemap-index.xml",
    "sw.js",
    "offline-manifest.0123456789ab.json",
    "sitemap.xml",
    "theme.js",
  ];

  test("every file of the build but the worker and its list, crawler files and unused Pagefind UIs", () => {
    expect(selectPrecacheFiles(files)).toEqual([
      "404.html",
      "_astro/page.A1b2.js",
      "_astro/site.C3d4.css",
      "docker/d1/index.html",
      "favicon.svg",
      "index.html",
      "pagefind/fragment/ko_1.pf_fragment",
      "pagefind/index/ko_2.pf_index",
      "pagefind/pagefind-entry.json",
      "pagefind/pagefind-highlight.js",
      "pagefind/pagefind-worker.js",
      "pagefind/pagefind.js",
      "pagefind/wasm.unknown.pagefind",
      "theme.js",
    ]);
  });
});

describe("the precache manifest", () => {
  test("lists files by the URL they are requested at, with size and hash, sorted", () => {
    const manifest = buildPrecacheManifest(
      [
        { file: "index.html", content: bytes("home") },
        { file: "docker/d1/index.html", content: bytes("d1") },
        { file: "404.html", content: bytes("404") },
      ],
      "/mspt3/",
    );
    expect(manifest.base).toBe("/mspt3/");
    expect(manifest.fallback).toBe("404.html");
    expect(manifest.entries).toEqual([
      { url: "", bytes: 4, sha256: "4ea140588150773c" },
      { url: "404.html", bytes: 3, sha256: "6b3c238ebcf1f3c0" },
      { url: "docker/d1/", bytes: 2, sha256: "8b53639f152c8fc6" },
    ]);
  });

  test("its version changes when any file changes, and names a cache per base path", () => {
    const v = (text: string, base = "/") => buildPrecacheManifest([{ file: "index.html", content: bytes(text) }], base);
    expect(v("a").version).toBe(v("a").version);
    expect(v("a").version).not.toBe(v("b").version);
    expect(cacheNameFor(v("a", "/mspt3/"))).toBe(`course-qa-offline:/mspt3/:${v("a", "/mspt3/").version}`);
    expect(cacheNameFor(v("a", "/"))).not.toBe(cacheNameFor(v("a", "/mspt3/")));
  });

  test("maps files and request paths to entry URLs", () => {
    expect(urlForFile("index.html")).toBe("");
    expect(urlForFile("docker/d1/index.html")).toBe("docker/d1/");
    expect(urlForFile("pagefind/pagefind.js")).toBe("pagefind/pagefind.js");
    expect(entryUrlForRequestPath("tags/%ED%8C%8C%EB%93%9C/")).toBe("tags/파드/");
    expect(["", "docker/", "404.html"].every(isPageUrl)).toBe(true);
    expect(isPageUrl("_astro/a.js")).toBe(false);
  });
});

describe("sizes shown to the reader", () => {
  test("KB below a megabyte, MB with one decimal above, always rounded up", () => {
    expect(formatBytes(1)).toBe("1 KB");
    expect(formatBytes(502_000)).toBe("491 KB");
    expect(formatBytes(1024 * 1024)).toBe("1.0 MB");
    expect(formatBytes(1024 * 1024 + 1)).toBe("1.1 MB");
  });

  test("percent done reaches 100 only when everything is there", () => {
    expect(percentDone(0, 10)).toBe(0);
    expect(percentDone(9_999, 10_000)).toBe(99);
    expect(percentDone(10, 10)).toBe(100);
  });
});
