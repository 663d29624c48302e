import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, test } from "vitest";
import { spawnLocked } from "../../tools/build-env";

const work = mkdtempSync(path.join(tmpdir(), "schema-errors-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Builds a copy of the real content with one entry broken; returns the exit code and output. */
function buildWithBrokenEntry(entry: string, breakIt: (text: string) => string) {
  const content = path.join(work, `content-${path.basename(entry, ".md")}`);
  cpSync("content", content, { recursive: true });
  const file = path.join(content, entry);
  writeFileSync(file, breakIt(readFileSync(file, "utf8")));
  const result = spawnLocked("node_modules/.bin/astro", ["build"], {
    env: { ...process.env, CONTENT_DIR: content, OUT_DIR: path.join(work, "dist"), ASTRO_CACHE_DIR: path.join(work, "cache") },
  });
  return { code: result.status, output: `${result.stdout}\n${result.stderr}`, file };
}

test("an entry with a bad field fails the build, naming the file and the field", () => {
  const { code, output, file } = buildWithBrokenEntry("docker/d3.md", (t) => t.replace('session: "23-5"', 'session: "fifth"'));
  expect(code).not.toBe(0);
  expect(output).toContain(file);
  expect(output).toContain("session: the session must look like 23-5");
});

test("an entry missing its question fails the build, naming the file and the field", () => {
  const { code, output, file } = buildWithBrokenEntry("kubernetes/k4.md", (t) => t.replace(/^question: .*\n/m, ""));
  expect(code).not.toBe(0);
  expect(output).toContain(file);
  expect(output).toMatch(/question: Required/);
});
