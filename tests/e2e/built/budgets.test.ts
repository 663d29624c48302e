import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";
import { BUDGETS, checkBudgets, isQuestionPage } from "../../../src/build/page-budgets";
import { listFiles } from "../../../src/core/replace-folder";
import { siteUnderTest } from "../../helpers/site-under-test";

const site = siteUnderTest();

test("the built site keeps its page-weight budgets: question page ≤ 30 KB, any page ≤ 200 KB, JS before search ≤ 15 KB gzip", () => {
  const report = checkBudgets({ files: listFiles(site.dir), read: (f) => readFileSync(path.join(site.dir, f)), base: site.location.base });
  expect(report.problems).toEqual([]);
  // Not vacuous: the 50 question pages were measured, and a question page loads scripts and sw.js.
  const questions = report.pages.filter((p) => isQuestionPage(p.page));
  expect(questions).toHaveLength(50);
  expect(questions[0]!.scripts).toContain("sw.js");
  expect(questions[0]!.scriptGzipBytes).toBeGreaterThan(1024);
  expect(Math.max(...questions.map((p) => p.htmlBytes))).toBeLessThanOrEqual(BUDGETS.questionPageHtml);
});

test("`npm run check:budgets` prints the figures and passes on the build", () => {
  const result = spawnSync("node_modules/.bin/tsx", ["cli/check-budgets.ts", site.dir], {
    encoding: "utf8",
    env: { ...process.env, BASE_PATH: site.location.base },
  });
  expect(result.stderr).toBe("");
  expect(result.stdout).toMatch(/most JavaScript before search: .+ \d+\.\d KB gzip \(budget 15\.0 KB\)/);
  expect(result.status).toBe(0);
});
