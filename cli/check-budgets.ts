/**
 * `npm run check:budgets [-- <dir>]`: the page-weight budgets (src/build/page-budgets.ts) on a built
 * site, `dist/` by default; prints the largest figures and exits non-zero naming each page over budget.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { BUDGETS, checkBudgets, isQuestionPage, SEARCH_PAGE } from "../src/build/page-budgets";
import { buildSettings } from "../src/core/build-settings.mjs";
import { listFiles } from "../src/core/replace-folder";

const settings = buildSettings();
const dir = process.argv[2] ?? settings.outDir;
const report = checkBudgets({ files: listFiles(dir), read: (f) => readFileSync(path.join(dir, f)), base: settings.base });
const max = (pages: typeof report.pages, figure: (p: (typeof report.pages)[number]) => number) =>
  pages.reduce((top, p) => (figure(p) > figure(top) ? p : top), pages[0]!);
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const questions = report.pages.filter((p) => isQuestionPage(p.page));
if (report.pages.length === 0) {
  console.error(`${dir}: no pages; build the site first (npm run build)`);
  process.exit(1);
}
if (questions.length) {
  const q = max(questions, (p) => p.htmlBytes);
  console.log(`largest question page: ${q.page} ${kb(q.htmlBytes)} (budget ${kb(BUDGETS.questionPageHtml)})`);
}
const any = max(report.pages, (p) => p.htmlBytes);
console.log(`largest page: ${any.page} ${kb(any.htmlBytes)} (budget ${kb(BUDGETS.anyPageHtml)})`);
const js = max(
  report.pages.filter((p) => p.page !== SEARCH_PAGE),
  (p) => p.scriptGzipBytes,
);
console.log(`most JavaScript before search: ${js.page} ${kb(js.scriptGzipBytes)} gzip (budget ${kb(BUDGETS.scriptBeforeSearchGzip)})`);
for (const problem of report.problems) console.error(`error: ${problem}`);
process.exit(report.problems.length ? 1 : 0);
