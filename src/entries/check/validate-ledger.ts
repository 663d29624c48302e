import path from "node:path/posix";
import type { Problem } from "../../core/problems";
import { isTopicId } from "../../core/topics";
import { LEDGER_FILE, type IdLedger } from "../../import/id-ledger";
import { parseQuestionId } from "../../import/question-ids";
import { TOPIC_NOTES_FOLDER } from "./validate-entries";

/**
 * `npm run check`'s rules for the id ledger (content/ids.json, src/import/id-ledger.ts): every
 * question entry's id is recorded (an unrecorded id could be handed out again by the importer or
 * `npm run new`, and its URL would then change meaning), no id is recorded twice (parseLedger
 * reports that), and a `replacedBy` names a recorded id.
 */
export function validateLedger(
  ledger: IdLedger | undefined,
  entryPaths: readonly string[],
  options: { displayPath: (relative: string) => string; published: boolean },
): Problem[] {
  const problems: Problem[] = [];
  const ledgerName = options.displayPath(LEDGER_FILE);
  const questionFiles = entryPaths.filter((p) => {
    const [folder, file, ...rest] = p.split("/");
    return (
      rest.length === 0 && folder !== TOPIC_NOTES_FOLDER && isTopicId(folder ?? "") && file && parseQuestionId(path.basename(file, ".md"))
    );
  });
  if (!ledger) {
    if (questionFiles.length === 0) return problems;
    problems.push({
      file: ledgerName,
      line: 0,
      severity: options.published ? "error" : "warning",
      message:
        `not found: the ids of these entries are not recorded, so a deleted entry's id could be given again. ` +
        "Record them with `npm run import -- --record-ids`" +
        (options.published ? " (this site has published URLs, so the record must exist; restore it from git if it was lost)" : ""),
    });
    return problems;
  }
  const recorded = new Map(ledger.records.map((r) => [r.id, r]));
  for (const file of questionFiles) {
    const id = path.basename(file, ".md");
    if (recorded.has(id)) continue;
    problems.push({
      file: options.displayPath(file),
      line: 0,
      severity: "error",
      message:
        `id ${id} is not recorded in ${ledgerName} (the record of every id ever issued); entries made with ` +
        "`npm run import` or `npm run new` are recorded. Record it with `npm run import -- --record-ids`",
    });
  }
  for (const record of ledger.records) {
    if (record.replacedBy === undefined) continue;
    if (record.replacedBy === record.id || !recorded.has(record.replacedBy)) {
      problems.push({
        file: ledgerName,
        line: 0,
        severity: "error",
        message: `${record.id} is replaced by ${record.replacedBy}, which is ${record.replacedBy === record.id ? "itself" : "not a recorded id"}`,
      });
    }
  }
  return problems;
}
