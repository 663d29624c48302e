import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, test } from "vitest";
import { listFiles } from "../../../src/core/replace-folder";
import { checkLinks } from "../../../src/build/links/check-links";
import { siteUnderTest } from "../../helpers/site-under-test";

const site = siteUnderTest();
const { base, origin } = site.location;
const work = mkdtempSync(path.join(tmpdir(), "links-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function checkLinksCli(dir: string) {
  const result = spawnSync("node_modules/.bin/tsx", ["cli/check-links.ts", dir, "--base", base, "--site", origin], { encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

test(`every internal link, asset and #anchor of the built site resolves under ${base}`, () => {
  const files = listFiles(site.dir);
  const report = checkLinks({ files, read: (f) => readFileSync(path.join(site.dir, f), "utf8") }, site.location);
  expect(report.problems).toEqual([]);
  // Not vacuous: every page links the home page, its topics and the skip link's #main.
  const pages = files.filter((f) => f.endsWith(".html")).length;
  expect(report.pages).toBe(pages);
  expect(report.checked).toBeGreaterThan(pages * 8);
  expect(report.fragments).toBeGreaterThanOrEqual(pages);
});

test("`npm run check:links` passes on the build and names file and line of each break in a damaged copy", () => {
  const ok = checkLinksCli(site.dir);
  expect(ok.stderr).toBe("");
  expect(ok.stdout).toMatch(
    new RegExp(`^checked \\d+ internal URLs \\(\\d+ with #anchors\\) in \\d+ pages of .* under ${base}: all resolve`),
  );
  expect(ok.code).toBe(0);

  const copy = path.join(work, "damaged");
  cpSync(site.dir, copy, { recursive: true });
  const page = path.join(copy, "docker/d2/index.html");
  const html = readFileSync(page, "utf8");
  // A link to a question that does not exist, and a skip link whose target id is gone.
  const damaged = html.replace(`href="${base}docker/d3/"`, `href="${base}docker/d999/"`).replace('id="main"', 'id="content"');
  writeFileSync(page, damaged);
  const lineOf = (text: string) => damaged.slice(0, damaged.indexOf(text)).split("\n").length;
  const broken = checkLinksCli(copy);
  expect(broken.code).toBe(1);
  expect(broken.stderr).toContain(
    `${page}:${lineOf("docker/d999/")}: error: <a href> "${base}docker/d999/": no page docker/d999/index.html`,
  );
  expect(broken.stderr).toContain(
    `${page}:${lineOf('href="#main"')}: error: <a href> "#main": no element with id="main" in docker/d2/index.html`,
  );
  expect(broken.stdout).toContain(": 2 broken;");
});
