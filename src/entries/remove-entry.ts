import type { IdLedger } from "../import/id-ledger";
import { parseQuestionId } from "../import/question-ids";

/**
 * `npm run remove`: takes a question off the site while keeping its link a promise. The entry
 * file goes; its id stays in the ledger (so the URL serves a tombstone page and the number is
 * never issued again), with `replacedBy` when another question answers it now. Deleting the file
 * by hand does the same, without `replacedBy`; this command is how a replacement is named, so
 * nobody edits content/ids.json by hand.
 */
export function planRemoval(
  ledger: IdLedger,
  live: readonly { topic: string; id: string }[],
  request: { id: string; replacedBy?: string },
): { ledger: IdLedger; file?: string } | { error: string } {
  const record = ledger.records.find((r) => r.id === request.id);
  if (!record) {
    return { error: `${request.id} is not a recorded id; record the content's ids first with \`npm run import -- --record-ids\`` };
  }
  const replacedBy = request.replacedBy;
  if (replacedBy !== undefined) {
    if (!parseQuestionId(replacedBy)) return { error: `--replaced-by ${replacedBy}: not a question id like d12` };
    if (replacedBy === request.id) return { error: "a question cannot replace itself" };
    if (!live.some((e) => e.id === replacedBy)) return { error: `--replaced-by ${replacedBy}: there is no entry with that id` };
  }
  const entry = live.find((e) => e.id === request.id);
  if (!entry && replacedBy === undefined)
    return { error: `${request.id} is already removed; pass --replaced-by <id> to name its replacement` };
  const records = ledger.records.map((r) => (r.id === request.id && replacedBy !== undefined ? { ...r, replacedBy } : r));
  return { ledger: { records }, ...(entry ? { file: `${entry.topic}/${entry.id}.md` } : {}) };
}
