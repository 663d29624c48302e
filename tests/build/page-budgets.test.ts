import { expect, test } from "vitest";
import { BUDGETS, checkBudgets } from "../../src/build/page-budgets";

/** A small built site in memory: pages and scripts as files. */
function site(files: Record<string, string | Buffer>, base = "/") {
  return { files: Object.keys(files), read: (f: string) => Buffer.from(files[f]!), base };
}

const page = (scripts: string, body = "") => `<!doctype html><html lang="ko"><head>${scripts}</head><body>${body}</body></html>`;
/** Text that gzip cannot shrink much: random letters. */
const incompressible = (bytes: number) =>
  Array.from({ length: bytes }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join("");

test("a site within budget has no problems, and the figures count static imports and sw.js but not dynamic import()", () => {
  const report = checkBudgets(
    site({
      "docker/d1/index.html": page('<script type="module" src="/_astro/entry.js"></script>'),
      "_astro/entry.js": 'import{a}from"./shared.js";const s=()=>import("./pagefind-loader.js");',
      "_astro/shared.js": "export const a=1;",
      "_astro/pagefind-loader.js": incompressible(40_000),
      "sw.js": "self.addEventListener('fetch',()=>{});",
    }),
  );
  expect(report.problems).toEqual([]);
  expect(report.pages[0]!.scripts).toEqual(["_astro/entry.js", "_astro/shared.js", "sw.js"]);
});

test("a question page over 30 KB is named with its size", () => {
  const report = checkBudgets(site({ "kubernetes/k7/index.html": page("", `<p>${"질".repeat(11_000)}</p>`) }));
  expect(report.problems).toEqual([
    expect.stringMatching(/^kubernetes\/k7\/index\.html: question page HTML is 32\.\d KB, over the 30\.0 KB budget$/),
  ]);
});

test("any page over 200 KB is named; a topic page over 30 KB is not a question page", () => {
  const report = checkBudgets(
    site({ "sessions/index.html": page("", "x".repeat(BUDGETS.anyPageHtml + 1)), "docker/index.html": page("", "x".repeat(40_000)) }),
  );
  expect(report.problems).toEqual([expect.stringMatching(/^sessions\/index\.html: page HTML is 200\.\d KB, over the 200\.0 KB budget$/)]);
});

test("JavaScript over 15 KB gzip before search is named with the page, the figure and the files, under a base path too", () => {
  const report = checkBudgets(
    site(
      {
        "docker/d2/index.html": page('<script src="/mspt3/theme.js"></script><link rel="modulepreload" href="../../_astro/big.js">'),
        "theme.js": "1",
        "_astro/big.js": incompressible(30_000),
        // The search page loads the search: its own budget is bench:scale's "first search".
        "search/index.html": page('<script type="module" src="/mspt3/_astro/big.js"></script>'),
      },
      "/mspt3/",
    ),
  );
  expect(report.problems).toEqual([
    expect.stringMatching(
      /^docker\/d2\/index\.html: JavaScript loaded before search is 1\d\.\d KB gzip \(theme\.js, _astro\/big\.js\), over the 15\.0 KB budget$/,
    ),
  ]);
});
