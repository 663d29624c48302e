/**
 * `npm run new -- --topic <docker|kubernetes|helm> [--question "…"] [--course "MSP T3"] [--session 23-6] [--content dir]`
 *
 * Creates one hand-written entry with the topic's next free id, ready to edit. The answer is a
 * placeholder that `npm run check` (and so the build) refuses until it is replaced.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { readEntryFile } from "../src/import/entry-file";
import { LEDGER_FILE } from "../src/import/id-ledger";
import { ledgerUpdate, readLedgerFile } from "../src/import/record-ids";
import { formatProblem } from "../src/core/problems";
import { planNewEntry } from "../src/entries/new-entry";
import { isTopicId, TOPIC_IDS } from "../src/core/topics";
import { listFiles } from "../src/core/replace-folder";
import { buildSettings } from "../src/core/build-settings.mjs";

const USAGE = `usage: npm run new -- --topic <${TOPIC_IDS.join("|")}> [--question "…"] [--course "MSP T3"] [--session 23-6] [--content <dir>]`;

export interface NewEntryOutput {
  log: (line: string) => void;
  error: (line: string) => void;
}

/** Runs the scaffold; returns the exit code. */
export function runNewEntry(argv: readonly string[], out: NewEntryOutput = console): number {
  let values;
  try {
    values = parseArgs({
      args: [...argv],
      options: {
        topic: { type: "string" },
        question: { type: "string" },
        course: { type: "string" },
        session: { type: "string" },
        content: { type: "string", default: buildSettings().contentDir },
      },
    }).values;
  } catch (err) {
    out.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (!values.topic || !isTopicId(values.topic)) {
    out.error(`${values.topic ? `unknown topic "${values.topic}"; ` : ""}${USAGE}`);
    return 2;
  }
  if (values.session !== undefined && !/^\d+(?:[-.]\d+)*$/.test(values.session)) {
    out.error(`--session must look like 23-6, not "${values.session}"`);
    return 2;
  }

  const contentDir = values.content;
  const existing = listFiles(contentDir)
    .filter((p) => /^[^/]+\/[^/]+\.md$/.test(p) && !p.startsWith("topic-notes/") && !p.startsWith("session-notes/"))
    .map((p) => ({ path: p, data: readEntryFile(readFileSync(path.join(contentDir, p), "utf8"))?.data ?? {} }));
  const ledger = readLedgerFile(contentDir);
  if (ledger.problems.length > 0) {
    for (const problem of ledger.problems) out.error(formatProblem(problem));
    out.error("the id record is unreadable, so no id can be issued safely; nothing was written");
    return 1;
  }
  const planned = planNewEntry(
    existing,
    { topic: values.topic, question: values.question, course: values.course, session: values.session },
    ledger.ledger.records.map((r) => r.id),
  );
  if ("error" in planned) {
    out.error(planned.error);
    return 1;
  }
  const file = path.join(contentDir, planned.path);
  if (existsSync(file)) {
    out.error(`${file} already exists; nothing was written`);
    return 1;
  }
  // The id is recorded first: should writing the entry fail, the id is spent, never given twice.
  const files = listFiles(contentDir)
    .filter((p) => p.endsWith(".md"))
    .map((p) => ({ path: p, text: readFileSync(path.join(contentDir, p), "utf8") }));
  const ledgerText = ledgerUpdate(ledger.ledger, ledger.text, [...files, { path: planned.path, text: planned.text }]);
  mkdirSync(contentDir, { recursive: true });
  if (ledgerText !== undefined) writeFileSync(path.join(contentDir, LEDGER_FILE), ledgerText);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, planned.text, { flag: "wx" });
  const page = planned.path.replace(/\.md$/, "/");
  out.log(`created ${file}`);
  out.log(`next: write the question and the answer in it, see it at http://localhost:4321/${page} (npm run dev), then run npm run check`);
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  process.exitCode = runNewEntry(process.argv.slice(2));
}
