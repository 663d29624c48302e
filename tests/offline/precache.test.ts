import { describe, expect, test } from "vitest";
import { formatBytes, percentDone } from "../../src/offline/format-bytes";
import { gunzipSync, gzipSync } from "node:zlib";
import { autoSaveDecision } from "../../src/offline/auto-save";
import { decodePack, encodePack } from "../../src/offline/pack-format";
import { autoSaveMaxBytesFrom, buildPrecacheManifest, packIdFor, selectPrecacheFiles, storedForm } from "../../src/offline/plan-precache";
import { cacheNameFor, entryUrlForRequestPath, isPageUrl, urlForFile } from "../../src/offline/precache-manifest";
import { webAppManifest } from "../../src/offline/web-app-manifest";

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
    "offline/pages-docker-0.0123456789ab.pack",
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
    const { manifest } = buildPrecacheManifest(
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
      { url: "", bytes: 4, sha256: "4ea140588150773c", pack: "core-shell" },
      { url: "404.html", bytes: 3, sha256: "6b3c238ebcf1f3c0", pack: "core-shell" },
      { url: "docker/d1/", bytes: 2, sha256: "8b53639f152c8fc6", pack: "pages-docker-0" },
    ]);
  });

  test("its version changes when any file changes, and names a cache per base path", () => {
    const v = (text: string, base = "/") => buildPrecacheManifest([{ file: "index.html", content: bytes(text) }], base).manifest;
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

describe("packs", () => {
  const counts = { pages: 10, fragments: 2000, indexChunks: 40, media: 0 };

  test("a pack file holds its files byte for byte, and a damaged one is refused", () => {
    const files = [
      { url: "docker/d1/", type: "text/html; charset=utf-8", body: bytes("<h1>도커</h1>") },
      { url: "pagefind/x.pf_index", type: "application/octet-stream", body: new Uint8Array([0, 1, 10, 255]) },
    ];
    const packed = encodePack(files);
    expect(decodePack(packed)).toEqual(files);
    expect(() => decodePack(packed.slice(0, -1))).toThrow(/ends inside pagefind\/x.pf_index/);
    expect(() => decodePack(bytes("<html>"))).toThrow(/not a pack/);
  });

  test("the first visit's packs are the shell and offline search; pages travel by id range", () => {
    expect(packIdFor("", counts)).toBe("core-shell");
    expect(packIdFor("search/", counts)).toBe("core-shell");
    expect(packIdFor("_astro/site.css", counts)).toBe("core-shell");
    expect(packIdFor("manifest.webmanifest", counts)).toBe("core-shell");
    expect(packIdFor("pagefind/pagefind.js", counts)).toBe("core-search");
    expect(packIdFor("pagefind/index/ko_1.pf_index", counts)).toMatch(/^core-index-\d$/);
    expect(packIdFor("pagefind/fragment/ko_1.pf_fragment", counts)).toMatch(/^core-fragments-\d+$/);
    expect(packIdFor("docker/d1/", counts)).toBe("pages-docker-0");
    expect(packIdFor("docker/d63/", counts)).toBe("pages-docker-0");
    expect(packIdFor("docker/d64/", counts)).toBe("pages-docker-1");
    expect(packIdFor("tags/파드/", counts)).toMatch(/^pages-other-\d+$/);
  });

  test("every file is in exactly one pack, and a deploy that changes one page changes only its pack", () => {
    const site = (answer: string) =>
      buildPrecacheManifest(
        [
          { file: "index.html", content: bytes("home") },
          { file: "_astro/a.css", content: bytes("css") },
          ...Array.from({ length: 130 }, (_, i) => ({
            file: `docker/d${i + 1}/index.html`,
            content: bytes(i === 69 ? answer : `page ${i}`),
          })),
        ],
        "/",
      );
    const before = site("old");
    const after = site("new");
    const packed = before.manifest.packs.reduce((n, p) => n + p.files, 0);
    expect(packed).toBe(before.manifest.entries.length);
    expect(before.packFiles.map((f) => f.file).sort()).toEqual(before.manifest.packs.map((p) => p.url).sort());
    const changed = after.manifest.packs.filter((p) => !before.manifest.packs.some((q) => q.url === p.url)).map((p) => p.id);
    expect(changed).toEqual(["pages-docker-1"]);
    expect(after.manifest.version).not.toBe(before.manifest.version);
    const pack = after.packFiles.find((f) => f.file.startsWith("offline/pages-docker-1."))!;
    expect(decodePack(new Uint8Array(gunzipSync(pack.content))).find((f) => f.url === "docker/d70/")?.body).toEqual(bytes("new"));
  });

  test("request budgets hold at 2,000 questions: first visit ≤ 40 requests, full save ≤ 100 (bench:offline checks the bytes)", () => {
    // The shape of bench/scale's 2,000-question build: pages per topic, tags and sessions, one
    // fragment per page, ~40 index chunks, the shell. Contents are tiny: only the grouping is under test.
    const files: { file: string; content: Uint8Array }[] = [];
    const add = (file: string) => files.push({ file, content: bytes(file) });
    for (let i = 1; i <= 840; i++) add(`docker/d${i}/index.html`);
    for (let i = 1; i <= 1080; i++) add(`kubernetes/k${i}/index.html`);
    for (let i = 1; i <= 80; i++) add(`helm/h${i}/index.html`);
    for (let i = 1; i <= 300; i++) add(`tags/tag-${i}/index.html`);
    for (let i = 1; i <= 40; i++) add(`sessions/23-${i}/index.html`);
    for (let i = 1; i <= 2040; i++) add(`pagefind/fragment/ko_${i.toString(16).padStart(7, "0")}.pf_fragment`);
    for (let i = 1; i <= 40; i++) add(`pagefind/index/ko_${i}.pf_index`);
    for (const f of ["index.html", "404.html", "search/index.html", "pagefind/pagefind.js", "pagefind/pagefind-entry.json"]) add(f);
    for (let i = 1; i <= 30; i++) add(`_astro/chunk${i}.js`);
    const { manifest } = buildPrecacheManifest(files, "/");
    const core = manifest.packs.filter((p) => p.core);
    // + sw.js, the file list and the visited page.
    expect(core.length + 3).toBeLessThanOrEqual(40);
    expect(manifest.packs.length + 2).toBeLessThanOrEqual(100);
  });

  test("Pagefind's gzip files are kept unpacked, and fragments without their index-only metadata", () => {
    const fragment = {
      url: "/docker/d1/",
      content: "도커 답변",
      filters: { topic: ["Docker"] },
      meta: { title: "질문", keywords: "도커 stem", transcript: "긴 로그" },
      anchors: [],
    };
    const built = new Uint8Array(gzipSync(Buffer.from(`pagefind_dcd${JSON.stringify(fragment)}`)));
    const stored = new TextDecoder().decode(storedForm("pagefind/fragment/ko_1.pf_fragment", built));
    expect(stored.startsWith("pagefind_dcd")).toBe(true);
    expect(JSON.parse(stored.slice("pagefind_dcd".length))).toEqual({ ...fragment, meta: { title: "질문" } });
    const index = new Uint8Array(gzipSync(Buffer.from("pagefind_dcd\u0001\u0002")));
    expect(new TextDecoder().decode(storedForm("pagefind/index/ko_1.pf_index", index))).toBe("pagefind_dcd\u0001\u0002");
    const other = new Uint8Array(gzipSync(Buffer.from("not pagefind")));
    expect(storedForm("pagefind/index/x.pf_index", other)).toBe(other);
    expect(storedForm("docker/d1/index.html", bytes("<p>"))).toEqual(bytes("<p>"));
  });
});

describe("automatic full save", () => {
  const MB = 1024 * 1024;
  const input = {
    installed: false,
    saveData: false,
    missingBytes: 3 * MB,
    totalBytes: 4 * MB,
    storedBytes: 4.5 * MB,
    autoSaveMaxBytes: 5 * MB,
  };
  test("only when installed or small, and never with saveData", () => {
    expect(autoSaveDecision(input)).toBe("save");
    expect(autoSaveDecision({ ...input, totalBytes: 9 * MB })).toBe("too-large");
    // Small to download but large once stored (2,000 questions: 2.7 MB of packs, 25 MB unpacked).
    expect(autoSaveDecision({ ...input, storedBytes: 25 * MB })).toBe("too-large");
    expect(autoSaveDecision({ ...input, totalBytes: 9 * MB, installed: true })).toBe("save");
    expect(autoSaveDecision({ ...input, saveData: true })).toBe("save-data");
    expect(autoSaveDecision({ ...input, saveData: true, installed: true })).toBe("save-data");
    expect(autoSaveDecision({ ...input, missingBytes: 0 })).toBe("nothing-missing");
  });
  test("OFFLINE_AUTO_MAX_MB is megabytes, 5 by default, and anything else is a clear error", () => {
    expect(autoSaveMaxBytesFrom(undefined)).toBe(5 * MB);
    expect(autoSaveMaxBytesFrom("0")).toBe(0);
    expect(autoSaveMaxBytesFrom("2.5")).toBe(2.5 * MB);
    expect(() => autoSaveMaxBytesFrom("five")).toThrow(/OFFLINE_AUTO_MAX_MB must be a number/);
  });
});

describe("the web app manifest", () => {
  test("starts at and covers the base path, with icons below it", () => {
    const manifest = webAppManifest("/mspt3/");
    expect(manifest.start_url).toBe("/mspt3/");
    expect(manifest.scope).toBe("/mspt3/");
    expect(manifest.lang).toBe("ko");
    expect(manifest.display).toBe("standalone");
    expect(manifest.icons.map((i) => i.src)).toEqual([
      "/mspt3/icons/icon-192.png",
      "/mspt3/icons/icon-512.png",
      "/mspt3/icons/maskable-512.png",
    ]);
  });
});
