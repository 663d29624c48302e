import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { findWrongWayImports, readSourceFiles, STAGES, stageOf } from "../../tools/import-direction";

/** Every file git tracks (a clone's tree: nothing built, nothing ignored). */
const tracked = () => execFileSync("git", ["ls-files", "-z"], { encoding: "utf8" }).split("\0").filter(Boolean);

test("no file in the tree imports from a later stage of the flow, or astro:* below src/site", () => {
  const files = readSourceFiles(tracked());
  // The check must see the whole tree, not an empty list that passes by itself.
  expect(files.length).toBeGreaterThan(150);
  expect(findWrongWayImports(files).map((w) => w.message)).toEqual([]);
});

test("every tracked source file outside content/ and fixtures belongs to a stage", () => {
  const loose = tracked().filter((f) => /\.(ts|mts|mjs|astro)$/.test(f) && !f.startsWith("tests/fixtures/") && stageOf(f) < 0);
  expect(loose).toEqual([]);
});

test("a src file importing cli/ is reported with both files and both stages", () => {
  const wrong = findWrongWayImports([{ path: "src/search/x.ts", text: 'import { main } from "../../cli/import";\n' }]);
  expect(wrong).toEqual([
    { file: "src/search/x.ts", imports: "cli/import", message: "src/search/x.ts (src/search/) imports cli/import (cli/), a later stage" },
  ]);
});

test("each wrong way is caught: src → tests, cli → tests, bench → tests, an early stage → a later one, dynamic import", () => {
  const planted = [
    { path: "src/core/a.ts", text: 'export { x } from "../../tests/helpers/site";' },
    { path: "cli/b.ts", text: 'import "../tests/helpers/html";' },
    { path: "bench/c.ts", text: 'import { h } from "../tests/helpers/html.ts";' },
    { path: "src/notes/d.ts", text: 'import { f } from "../search/words";' },
    { path: "src/markdown/e.ts", text: 'const m = await import("../site/data/questions");' },
  ];
  expect(findWrongWayImports(planted).map((w) => w.file)).toEqual(planted.map((p) => p.path));
});

test("imports from the own stage or an earlier one pass", () => {
  const fine = [
    { path: "src/search/a.ts", text: 'import { x } from "./words";\nimport { t } from "../core/topics";' },
    { path: "cli/b.ts", text: 'import { plan } from "../src/import/plan-import";' },
    { path: "tests/c.test.ts", text: 'import { launchChromium } from "../tools/chromium";' },
    { path: "src/site/pages/d.astro", text: 'import { getCollection } from "astro:content";' },
  ];
  expect(findWrongWayImports(fine)).toEqual([]);
});

test("astro:* below the site layer is reported (src/core … src/client)", () => {
  const wrong = findWrongWayImports([{ path: "src/browse/x.ts", text: 'import { getCollection } from "astro:content";' }]);
  expect(wrong.map((w) => w.message)).toEqual([
    "src/browse/x.ts (src/browse/) imports astro:content: only src/site/ may use astro:* modules",
  ]);
});

test("docs/architecture.md lists every stage with the same one-line description as the checker", () => {
  const rows = [...readFileSync("docs/architecture.md", "utf8").matchAll(/^\| `([^`]+\/)` \| (.+?) \|$/gm)].map((m) => ({
    folder: m[1],
    holds: m[2],
  }));
  expect(rows).toEqual(STAGES.map((s) => ({ folder: s.folder, holds: s.holds })));
});
