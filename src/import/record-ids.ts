import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Problem } from "../core/problems";
import { isTopicId } from "../core/topics";
import { readEntryFile } from "./entry-file";
import { EMPTY_LEDGER, LEDGER_FILE, parseLedger, renderLedger, syncLedger, type IdLedger, type LiveEntry } from "./id-ledger";
import { parseQuestionId } from "./question-ids";

/**
 * Reading and refreshing the id ledger of a content folder (src/import/id-ledger.ts), for the
 * commands that write entries: the importer and `npm run new`.
 */

/** The ledger of a content folder; a folder without one has an empty ledger (nothing issued yet). */
export function readLedgerFile(contentDir: string): { ledger: IdLedger; text: string | undefined; problems: Problem[] } {
  const file = path.join(contentDir, LEDGER_FILE);
  if (!existsSync(file)) return { ledger: EMPTY_LEDGER, text: undefined, problems: [] };
  const text = readFileSync(file, "utf8");
  return { ...parseLedger(text, file), text };
}

/** The question entries among content files (`docker/d5.md` and their text), as the ledger sees them. */
export function liveEntries(files: readonly { path: string; text: string }[]): LiveEntry[] {
  const entries: LiveEntry[] = [];
  for (const file of files) {
    const match = /^(?<topic>[^/]+)\/(?<id>[^/]+)\.md$/.exec(file.path);
    const topic = match?.groups?.topic ?? "";
    const id = match?.groups?.id ?? "";
    if (!isTopicId(topic) || !parseQuestionId(id)) continue;
    const data = readEntryFile(file.text)?.data ?? {};
    const text = (key: string) => (typeof data[key] === "string" ? { [key]: data[key] as string } : {});
    entries.push({
      topic,
      id,
      ...text("question"),
      ...text("course"),
      ...text("session"),
      ...text("source"),
      ...(typeof data.line === "number" ? { line: data.line } : {}),
    });
  }
  return entries;
}

/** The ledger's new text after the folder holds `files`, or undefined when it does not change. */
export function ledgerUpdate(ledger: IdLedger, currentText: string | undefined, files: readonly { path: string; text: string }[]) {
  const text = renderLedger(syncLedger(ledger, liveEntries(files)));
  return text === currentText ? undefined : text;
}
