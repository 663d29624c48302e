/**
 * `npx tsx bench/author-tools.ts [questions]` — figures for the author-side tools, in memory
 * (no disk, so the shared machine's disk does not blur them): parsing notes, planning an import,
 * `npm run check`'s validation, the dev server's search index, and parsing pathological long lines.
 * Compare ratios within one run; the machines are shared and noisy.
 */
import { performance } from "node:perf_hooks";
import { close, createIndex } from "pagefind";
import { validateEntries } from "../src/entries/check/validate-entries";
import { planImport } from "../src/import/plan-import";
import { renderInlineMarkdown } from "../src/markdown/inline-markdown";
import { parseCourseNotes } from "../src/notes/parse-course-notes";
import { devSearchRecord } from "../src/search/dev-search-records";
import { isTopicId } from "../src/core/topics";
import { readEntryFile } from "../src/import/entry-file";
import { generateNotes } from "../tools/generate-notes";

const questions = Number(process.argv[2] ?? 5000);

async function time<T>(label: string, run: () => T | Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await run();
  console.log(`${label.padEnd(58)} ${(performance.now() - start).toFixed(0).padStart(7)} ms`);
  return result;
}

const notes = generateNotes({ session: "1-1", count: questions });
console.log(`generated notes: ${questions} questions, ${(Buffer.byteLength(notes) / 1024).toFixed(0)} KB`);
const parsed = await time(`parse ${questions} questions`, () => parseCourseNotes(notes, "bench.md"));
const plan = await time(`plan the import of ${questions} questions (empty content)`, () => planImport([parsed], []));
const files = plan.writes.map((w) => ({ path: w.path, text: w.text }));
await time(`plan re-importing them over ${files.length} existing entries`, () => planImport([parsed], files));
const problems = await time(`npm run check's validation of ${files.length} entries`, () =>
  validateEntries(files, { displayPath: (p) => p }),
);
if (problems.length > 0) throw new Error(`unexpected problems: ${problems.length}`);

await time(`dev search index of ${files.length} entries (Pagefind custom records)`, async () => {
  const { index } = await createIndex({});
  if (!index) throw new Error("Pagefind did not start");
  const records = files.flatMap((file) => {
    const [topic, name] = file.path.split("/");
    const entry = readEntryFile(file.text);
    if (!topic || !name || !isTopicId(topic) || !entry) return [];
    return [devSearchRecord({ topic, id: name.replace(/\.md$/, ""), question: String(entry.data.question), body: entry.body }, "/")];
  });
  await Promise.all(records.map((record) => index.addCustomRecord(record)));
  const { files: out } = await index.getFiles();
  await close();
  return out.length;
});

const n = 200_000;
for (const [name, line] of [
  ["plain Hangul", "가".repeat(n)],
  ["`[` without `]`", "[a".repeat(n / 2)],
  ["`![` without `]`", "![a".repeat(n / 3)],
  ["`](` without `)`", "[a](".repeat(n / 4)],
  ["backtick runs of every length", Array.from({ length: 600 }, (_, i) => "`".repeat(i + 1) + "a").join("")],
] as const) {
  await time(`parse + render a ${(line.length / 1000).toFixed(0)}k-character line: ${name}`, () => {
    parseCourseNotes(`# MSP T3 - 1-1차\n## Docker\n- ${line}\n  - ${line}\n`, "long.md");
    renderInlineMarkdown(line);
  });
}
console.log(`peak memory (max RSS): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
