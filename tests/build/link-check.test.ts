import { describe, expect, test } from "vitest";
import { parseSrcset, scanHtml } from "../../src/build/html/scan-html";
import { checkLinks } from "../../src/build/links/check-links";
import { cssReferences } from "../../src/build/links/css-references";
import { fileForPath, resolveLink, servedPath } from "../../src/build/links/resolve-link";

const ROOT = { origin: "https://example.github.io", base: "/" };
const SUB = { origin: "https://example.github.io", base: "/mspt3/" };

/** A small built site in memory. */
function site(files: Record<string, string>) {
  return { files: Object.keys(files).sort(), read: (f: string) => files[f]! };
}
const page = (body: string, head = "") =>
  `<!doctype html><html lang="ko"><head><meta charset="utf-8">${head}</head><body>\n${body}\n</body></html>`;

describe("resolveLink", () => {
  test("resolves root-relative, relative, absolute and fragment-only URLs under a base path", () => {
    expect(resolveLink("/mspt3/docker/d1/", "/mspt3/", SUB)).toEqual({ kind: "internal", path: "docker/d1/" });
    expect(resolveLink("../d2/#a", "/mspt3/docker/d1/", SUB)).toEqual({ kind: "internal", path: "docker/d2/", fragment: "a" });
    expect(resolveLink("https://example.github.io/mspt3/", "/mspt3/x/", SUB)).toEqual({ kind: "internal", path: "" });
    expect(resolveLink("#main", "/mspt3/docker/", SUB)).toEqual({ kind: "internal", path: "docker/", fragment: "main" });
    expect(resolveLink("/mspt3/search/?q=%ED%8C%8C%EB%93%9C", "/mspt3/", SUB)).toEqual({ kind: "internal", path: "search/" });
  });

  test("a root-relative link that forgets the base path is outside it", () => {
    expect(resolveLink("/docker/", "/mspt3/", SUB)).toEqual({ kind: "outside-base", pathname: "/docker/" });
    expect(resolveLink("https://example.github.io/other-repo/", "/mspt3/", SUB)).toEqual({
      kind: "outside-base",
      pathname: "/other-repo/",
    });
  });

  test("other origins and schemes are external", () => {
    for (const value of ["https://kubernetes.io/docs/", "mailto:a@b.c", "data:image/png;base64,AA", "//cdn.example.com/x.js"]) {
      expect(resolveLink(value, "/", ROOT), value).toEqual({ kind: "external" });
    }
  });

  test("decodes percent-encoded paths and fragments", () => {
    expect(resolveLink("/%ED%8C%8C%EB%93%9C/#%EC%9A%94%EC%95%BD", "/", ROOT)).toEqual({
      kind: "internal",
      path: "파드/",
      fragment: "요약",
    });
  });

  test("servedPath and fileForPath map between files and URLs", () => {
    expect(servedPath("index.html", "/mspt3/")).toBe("/mspt3/");
    expect(servedPath("docker/d1/index.html", "/mspt3/")).toBe("/mspt3/docker/d1/");
    expect(servedPath("404.html", "/")).toBe("/404.html");
    const exists = (f: string) => ["index.html", "docker/index.html", "favicon.svg"].includes(f);
    expect(fileForPath("", exists)).toEqual({ file: "index.html" });
    expect(fileForPath("favicon.svg", exists)).toEqual({ file: "favicon.svg" });
    expect(fileForPath("docker", exists)).toEqual({ problem: "docker is a folder: the link needs a trailing slash (docker/)" });
    expect(fileForPath("helm/", exists)).toEqual({ problem: "no page helm/index.html" });
  });
});

describe("scanHtml", () => {
  test("finds ids, URLs with their lines, inline scripts and handlers", () => {
    const scan = scanHtml(
      page(
        `<a href="/a/" id="top-link">a</a>\n<img src="/i.png" srcset="/i.png 1x, /i@2x.png 2x" alt="">\n<a name="legacy"></a>` +
          `\n<script>console.log(1)</script><script type="application/ld+json">{}</script><script src="/s.js"></script>` +
          `\n<button onclick="go()">x</button><a href="javascript:void 0">y</a><template><a href="/in-template/" id="t"></a></template>`,
        `<meta property="og:image" content="https://example.github.io/og.png"><link rel="canonical" href="https://example.github.io/">`,
      ),
    );
    expect([...scan.ids].sort()).toEqual(["legacy", "t", "top-link"]);
    expect(scan.references.map((r) => `${r.line} ${r.tag} ${r.attribute} ${r.value}`)).toEqual([
      "1 meta content (og:image) https://example.github.io/og.png",
      "1 link href https://example.github.io/",
      "2 a href /a/",
      "3 img src /i.png",
      "3 img srcset /i.png",
      "3 img srcset /i@2x.png",
      "5 script src /s.js",
      "6 a href javascript:void 0",
      "6 a href /in-template/",
    ]);
    expect(scan.inlineScripts.map((s) => s.text)).toEqual(["console.log(1)"]);
    expect(scan.inlineHandlers).toEqual([
      { attribute: "onclick", line: 6 },
      { attribute: "href", line: 6 },
    ]);
  });

  test("parseSrcset keeps URLs, drops descriptors", () => {
    expect(parseSrcset("a.png 480w, b%2C.png 800w,c.png")).toEqual(["a.png", "b%2C.png", "c.png"]);
  });

  test("cssReferences finds url() and @import, skipping comments and data: URLs", () => {
    const css = `@import "base.css";\n/* url(/commented.png) */\n.a{background:url(/img/a.png)}\n.b{mask:url("data:image/svg+xml,<svg/>")}\n.c{src:url('../fonts/x.woff2')}`;
    expect(cssReferences(css)).toEqual([
      { value: "base.css", line: 1 },
      { value: "/img/a.png", line: 3 },
      { value: "../fonts/x.woff2", line: 5 },
    ]);
  });
});

describe("checkLinks", () => {
  const good = {
    "index.html": page(
      `<a href="#main">skip</a><main id="main"><a href="/mspt3/docker/#d1">d1</a><img src="/mspt3/favicon.svg" alt=""></main>`,
    ),
    "docker/index.html": page(`<ol><li id="d1"><a href="d1/">q</a></li></ol><a href="/mspt3/search/?q=x">s</a>`),
    "docker/d1/index.html": page(`<a href="../#d1">back</a><a href="https://kubernetes.io/">k8s</a>`),
    "search/index.html": page(`<form action="/mspt3/search/"></form>`),
    "404.html": page(`<a href="/mspt3/">home</a>`),
    "favicon.svg": "<svg/>",
    "_astro/a.css": `.x{background:url(/mspt3/favicon.svg)}`,
  };

  test("a site whose links all resolve has no problems, and counts what it checked", () => {
    const report = checkLinks(site(good), SUB);
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ checked: 9, fragments: 3, external: 1, pages: 5 });
  });

  test("reports each broken link, asset and anchor with file and line", () => {
    const report = checkLinks(
      site({
        ...good,
        "docker/d1/index.html": page(
          `<a href="../#d9">back</a>\n<a href="/docker/">root</a>\n<img src="/mspt3/gone.png" alt="">\n<a href="/mspt3/docker">no slash</a>`,
        ),
        "404.html": page(`<a href="docker/">relative</a>`),
        "_astro/a.css": `.x{}\n.y{background:url(/mspt3/missing.svg)}`,
        "sitemap-0.xml": `<urlset><url><loc>https://example.github.io/mspt3/helm/</loc></url></urlset>`,
      }),
      SUB,
    );
    expect(report.problems.map((p) => `${p.file}:${p.line}: ${p.message}`)).toEqual([
      `404.html:2: <a href> "docker/": 404.html is served at every missing URL, so its links must start with / (use url())`,
      `docker/d1/index.html:2: <a href> "../#d9": no element with id="d9" in docker/index.html`,
      `docker/d1/index.html:3: <a href> "/docker/": /docker/ is outside the base path /mspt3/`,
      `docker/d1/index.html:4: <img src> "/mspt3/gone.png": no file gone.png`,
      `docker/d1/index.html:5: <a href> "/mspt3/docker": docker is a folder: the link needs a trailing slash (docker/)`,
      `_astro/a.css:2: url() "/mspt3/missing.svg": no file missing.svg`,
      `sitemap-0.xml:1: <loc> "https://example.github.io/mspt3/helm/": no page helm/index.html`,
    ]);
  });
});

describe("tombstones and redirects (src/site/pages/[topic]/[...retired].astro)", () => {
  const movedPage = (target: string, canonical: string) =>
    page(
      `<main><article data-retired="moved"><a class="moved-to" href="${target}">새 주소</a></article></main>`,
      `<link rel="canonical" href="${canonical}"><meta http-equiv="refresh" content="0; url=${target}">`,
    );
  const tombstone = (head: string) => page(`<main><article data-retired="removed"><a href="/search/">검색</a></article></main>`, head);
  const good = {
    "index.html": page(""),
    "search/index.html": page(""),
    "kubernetes/d5/index.html": page("<h1>옮긴 질문</h1>"),
    "docker/d5/index.html": movedPage("/kubernetes/d5/", "https://example.github.io/kubernetes/d5/"),
    "docker/d7/index.html": tombstone('<meta name="robots" content="noindex">'),
    _redirects: "/docker/d5/ /kubernetes/d5/ 301\n",
  };

  test("a site whose redirects and tombstones are right passes", () => {
    expect(checkLinks(site(good), ROOT).problems).toEqual([]);
  });

  test("a _redirects target that is not built, or outside the base, is an error with its line", () => {
    const report = checkLinks(site({ ...good, _redirects: "/docker/d5/ /kubernetes/d5/ 301\n/docker/d6/ /kubernetes/d6/ 301\n" }), ROOT);
    expect(report.problems.map((p) => `${p.file}:${p.line}: ${p.message}`)).toEqual([
      expect.stringMatching(/^_redirects:2: redirect \/docker\/d6\/ → "\/kubernetes\/d6\/": /),
    ]);
    const outside = checkLinks(site({ ...good, _redirects: "/elsewhere/d5/ /mspt3/kubernetes/d5/ 301\n" }), SUB);
    expect(outside.problems.map((p) => p.message)).toContain("redirect from /elsewhere/d5/: outside the base path /mspt3/");
  });

  test("a redirect page must refresh to its canonical URL; a tombstone must be noindex", () => {
    const report = checkLinks(
      site({
        ...good,
        "docker/d5/index.html": movedPage("/kubernetes/d5/", "https://example.github.io/docker/d5/"),
        "docker/d7/index.html": tombstone(""),
        "docker/d5/x.html": page('<main><article data-retired="moved"></article></main>'),
      }),
      ROOT,
    );
    expect(report.problems.map((p) => `${p.file}: ${p.message}`)).toEqual(
      expect.arrayContaining([
        "docker/d5/index.html: redirect page: canonical https://example.github.io/docker/d5/ is not the refresh target /kubernetes/d5/",
        'docker/d7/index.html: tombstone page without <meta name="robots" content="noindex">',
        'docker/d5/x.html: redirect page without <meta http-equiv="refresh">',
      ]),
    );
  });
});
