/**
 * `npm run remove -- <id> [--replaced-by <id>] [--content dir]`
 *
 * Removes a question from the site: deletes its entry file and records the removal (and its
 * replacement, if any) in content/ids.json. Its URL then serves a "이 질문은 정리되었습니다" page
 * that links to the replacement, or to similar questions and search; the id is never issued again.
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { planRemoval } from "../src/entries/remove-entry";
import { LEDGER_FILE, parseLedger, renderLedger } from "../src/import/id-ledger";
import { ledgerUpdate, liveEntries, readLedgerFile } from "../src/import/record-ids";
import { formatProblem } from "../src/core/problems";
import { listFiles } from "../src/core/replace-folder";
import { buildSettings } from "../src/core/build-settings.mjs";

const USAGE = "usage: npm run remove -- <id> [--replaced-by <id>] [--content <dir>]";

export interface RemoveOutput {
  log: (line: string) => void;
  error: (line: string) => void;
}

/** Runs the removal; returns the exit code. */
export function runRemoveEntry(argv: readonly string[], out: RemoveOutput = console): number {
  let values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { "replaced-by": { type: "string" }, content: { type: "string", default: buildSettings().contentDir } },
    }));
  } catch (err) {
    out.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const id = positionals[0];
  if (!id || positionals.length > 1) {
    out.error(USAGE);
    return 2;
  }
  const contentDir = values.content;
  const files = listFiles(contentDir)
    .filter((p) => p.endsWith(".md"))
    .map((p) => ({ path: p, text: readFileSync(path.join(contentDir, p), "utf8") }));
  // First bring the record up to date, so that the question text kept for the tombstone is the entry's latest.
  const current = readLedgerFile(contentDir);
  if (current.problems.length > 0) {
    for (const problem of current.problems) out.error(formatProblem(problem));
    return 1;
  }
  const synced = ledgerUpdate(current.ledger, current.text, files);
  const ledger = synced === undefined ? current.ledger : parseLedger(synced, LEDGER_FILE).ledger;
  const planned = planRemoval(ledger, liveEntries(files), { id, replacedBy: values["replaced-by"] });
  if ("error" in planned) {
    out.error(`${planned.error}; nothing was changed`);
    return 1;
  }
  // The record first: should deleting the file fail, the removal is still known.
  writeFileSync(path.join(contentDir, LEDGER_FILE), renderLedger(planned.ledger));
  if (planned.file) rmSync(path.join(contentDir, planned.file));
  const replacedBy = values["replaced-by"];
  out.log(
    `${planned.file ? `removed ${path.join(contentDir, planned.file)}` : `${id} was already removed`}; ` +
      `its URL shows a tombstone page${replacedBy ? ` linking to ${replacedBy}` : ""}, and ${id} is never issued again`,
  );
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  process.exitCode = runRemoveEntry(process.argv.slice(2));
}
