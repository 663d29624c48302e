import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, test } from "vitest";
import { spawnLocked } from "../../tools/build-env";

/** `npm run check` and `astro build` on the same broken content: both fail, with the same messages. */
const work = mkdtempSync(path.join(tmpdir(), "content-check-build-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

test("the build fails with every message npm run check prints, before rendering anything", () => {
  const content = path.join(work, "content");
  cpSync("content", content, { recursive: true });
  const edit = (p: string, change: (t: string) => string) =>
    writeFileSync(path.join(content, p), change(readFileSync(path.join(content, p), "utf8")));
  edit("docker/d3.md", (t) => t.replace('session: "23-5"', 'session: "fifth"'));
  edit("docker/d4.md", (t) => t.replace(/^question: .*$/m, 'question: ""'));
  edit("kubernetes/k2.md", (t) => `${t}\n- [없는 질문](/docker/d99/)\n`);
  mkdirSync(path.join(content, "terraform"));
  cpSync(path.join(content, "docker/d1.md"), path.join(content, "terraform/t1.md"));
  cpSync(path.join(content, "kubernetes/k5.md"), path.join(content, "docker/k5.md"));

  const env = { ...process.env, CONTENT_DIR: content, OUT_DIR: path.join(work, "dist"), ASTRO_CACHE_DIR: path.join(work, "cache") };
  const check = spawnSync("node_modules/.bin/tsx", ["cli/check.ts"], { encoding: "utf8", env });
  const build = spawnLocked("node_modules/.bin/astro", ["build"], { env });

  expect(check.status).toBe(1);
  const errors = check.stderr.split("\n").filter((l) => l.includes(": error: "));
  expect(errors).toHaveLength(8);
  expect(build.status).not.toBe(0);
  const buildOutput = `${build.stdout}\n${build.stderr}`;
  for (const line of errors) expect(buildOutput).toContain(line);
  expect(buildOutput).toContain("the content check found 8 error(s)");
  // It stopped before building pages.
  expect(buildOutput).not.toContain("page(s) built");
}, 120_000);
