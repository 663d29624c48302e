import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, test } from "vitest";
import { runImport } from "../../cli/import";
import { entriesIn } from "../helpers/entries";
import { noLossViolations } from "../helpers/no-loss";

/** The README's "writing notes" example is real notes: it imports, with the warnings the README lists. */
const work = mkdtempSync(path.join(tmpdir(), "readme-guide-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

test("the example notes file in docs/authoring.md imports as the guide says", () => {
  const readme = readFileSync("docs/authoring.md", "utf8");
  const guide = readme.slice(readme.indexOf("## Writing notes"));
  const example = /````markdown\n([\s\S]*?)\n````/.exec(guide)?.[1];
  expect(example).toBeDefined();
  const notes = path.join(work, "msp-t3-23-6.md");
  writeFileSync(notes, `${example}\n`);
  const lines: string[] = [];
  const content = path.join(work, "content");
  const code = runImport([notes, "--content", content], { log: (l) => lines.push(l), error: (l) => lines.push(l) });
  const output = lines.join("\n");
  expect(code, output).toBe(0);
  expect(output).toContain("added 2");
  expect(output).toContain(`${notes}:21: warning: question has no answer yet`);
  expect(output).toContain(`${notes}:15: warning: the path "img/rmi 오류.png" contains spaces`);
  expect(output).toContain(`${notes}:15: warning: image img/rmi 오류.png not found`);
  const entries = entriesIn(content);
  expect(entries.map((e) => e.name)).toEqual(["docker/d1.md", "kubernetes/k1.md"]);
  expect(entries[0]?.body).toContain("- 그 이미지로 만든 컨테이너가 있으면 실패합니다.\n  - 멈춘 컨테이너도 포함입니다.");
  expect(noLossViolations(readFileSync(notes, "utf8"), entries)).toEqual([]);
});
