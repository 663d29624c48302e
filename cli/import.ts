/**
 * `npm run import -- <notes.md>… [--content dir] [--dry-run] [--force]`
 * `npm run import -- --recover [--content dir]`
 * `npm run import -- --explain <notes.md>…` (how each file is read; writes nothing)
 *
 * Reads course notes, plans what changes under the content folder, reports every problem, and
 * then writes everything or nothing. An import that was interrupted (power cut, Ctrl+C, a crash)
 * is undone first, so the plan is made against the content as it was.
 */
import { existsSync, readFileSync, writeSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { decodeNotesBytes } from "../src/notes/decode-notes";
import { parseCourseNotes, type ParsedNotes } from "../src/notes/parse-course-notes";
import { explainNotes } from "../src/notes/explain-notes";
import { planImport, type ImportPlan } from "../src/import/plan-import";
import { LEDGER_FILE } from "../src/import/id-ledger";
import { ledgerUpdate, readLedgerFile } from "../src/import/record-ids";
import { formatProblem, hasErrors, type Problem } from "../src/core/problems";
import {
  listFiles,
  recoverInterruptedReplace,
  replaceFolderWithChanges,
  REPLACE_STEPS,
  type FolderChange,
  type ReplaceStep,
} from "../src/core/replace-folder";

const USAGE =
  "usage: npm run import -- <notes.md>… [--content <dir>] [--dry-run] [--force]\n       npm run import -- --recover [--content <dir>]\n" +
  "       npm run import -- --record-ids [--content <dir>]   (record the entries' ids in ids.json, without notes)" +
  "\n       npm run import -- --explain <notes.md>…";

export interface ImportOutput {
  log: (line: string) => void;
  error: (line: string) => void;
}

/** Runs the importer; returns the exit code. */
export function runImport(argv: readonly string[], out: ImportOutput = console): number {
  const args = readArguments(argv, out);
  if (!args) return 2;
  if (args.explain) return explain(args.files, out);

  const contentDir = path.resolve(args.content);
  const recovery = recoverInterruptedReplace(contentDir);
  if (recovery === "restored") out.log(`recovered ${args.content}/ as it was before an interrupted import`);
  if (recovery === "cleaned") out.log(`removed what an interrupted import left beside ${args.content}/ (the content itself was complete)`);
  if (args.recover) return 0;

  const problems: Problem[] = [];
  const notes = args.files.flatMap((file) => readNotes(file, problems));
  const existing = listFiles(contentDir)
    .filter((p) => p.endsWith(".md"))
    .map((p) => ({ path: p, text: readFileSync(path.join(contentDir, p), "utf8") }));
  const ledger = readLedgerFile(contentDir);
  problems.push(...ledger.problems);
  const plan = planImport(notes, existing, { force: args.force, ledger: ledger.ledger });
  problems.push(...plan.problems);
  const imageCopies = planImageCopies(plan, contentDir, problems);
  // The ledger is written in the same all-or-nothing swap as the entries it records.
  const after = new Map(existing.map((f) => [f.path, f.text]));
  for (const removed of plan.removes) after.delete(removed);
  for (const write of plan.writes) after.set(write.path, write.text);
  const ledgerText = ledgerUpdate(
    ledger.ledger,
    ledger.text,
    [...after].map(([p, text]) => ({ path: p, text })),
  );
  const ledgerChanges: FolderChange[] = ledgerText === undefined ? [] : [{ path: LEDGER_FILE, text: ledgerText }];
  const removeChanges: FolderChange[] = plan.removes.map((p) => ({ path: p, remove: true }));

  for (const problem of problems) (problem.severity === "error" ? out.error : out.log)(formatProblem(problem));
  if (hasErrors(problems)) {
    out.error(`import stopped: ${problems.filter((p) => p.severity === "error").length} error(s); nothing was written`);
    return 1;
  }

  printPlan(plan, out);
  if (args.dryRun) {
    out.log("dry run: nothing was written");
  } else if (plan.writes.length + imageCopies.length + removeChanges.length + ledgerChanges.length > 0) {
    replaceFolderWithChanges(contentDir, [...removeChanges, ...plan.writes, ...imageCopies, ...ledgerChanges], {
      onStep: interruptAt(process.env.IMPORT_INTERRUPT_AT),
    });
  }
  const warnings = problems.filter((p) => p.severity === "warning").length;
  const count = (kind: string) => plan.writes.filter((w) => w.kind === kind).length;
  out.log(
    `${args.dryRun ? "would import" : "imported"}: added ${count("add")}, updated ${count("update")}, ` +
      `overwritten (edited by hand, --force) ${count("overwrite-edited")}, unchanged ${plan.unchanged.length}, ` +
      `kept because edited by hand ${plan.keptEdited.length}, moved ${count("move")}, ` +
      `not imported because removed ${plan.skippedRemoved.length}, images copied ${imageCopies.length}, ` +
      `${ledgerText === undefined ? "ids.json unchanged" : `ids.json ${args.dryRun ? "would be " : ""}updated`}, warnings ${warnings}`,
  );
  return 0;
}

function readArguments(argv: readonly string[], out: ImportOutput) {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        content: { type: "string", default: "content" },
        "dry-run": { type: "boolean", default: false },
        force: { type: "boolean", default: false },
        recover: { type: "boolean", default: false },
        "record-ids": { type: "boolean", default: false },
        explain: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    });
    if (values.help || (positionals.length === 0 && !values.recover && !values["record-ids"])) {
      out.error(USAGE);
      return undefined;
    }
    return {
      files: positionals,
      content: values.content,
      dryRun: values["dry-run"],
      force: values.force,
      recover: values.recover,
      recordIds: values["record-ids"],
      explain: values.explain,
    };
  } catch (err) {
    out.error(`${(err as Error).message}\n${USAGE}`);
    return undefined;
  }
}

/** `--explain`: how each file is read, and nothing written (no content folder is even opened). Exit 1 on errors. */
function explain(files: readonly string[], out: ImportOutput): number {
  let errors = false;
  for (const file of files) {
    const problems: Problem[] = [];
    const [notes] = readNotes(file, problems);
    if (!notes) {
      for (const problem of problems) out.error(formatProblem(problem));
      errors = true;
      continue;
    }
    // Decoding problems (encoding, BOM) come first; the parser's own are in `notes.problems`.
    const extra = problems.filter((p) => !notes.problems.includes(p));
    const lines = explainNotes({ ...notes, problems: [...extra, ...notes.problems] });
    for (const line of lines) out.log(line);
    errors ||= hasErrors([...extra, ...notes.problems]);
  }
  return errors ? 1 : 0;
}

function readNotes(file: string, problems: Problem[]): ParsedNotes[] {
  if (!existsSync(file)) {
    problems.push({ file, line: 0, severity: "error", message: "notes file not found" });
    return [];
  }
  const decoded = decodeNotesBytes(readFileSync(file), file);
  problems.push(...decoded.problems);
  if (decoded.text === undefined) return [];
  const parsed = parseCourseNotes(decoded.text, file);
  problems.push(...parsed.problems);
  return [parsed];
}

/**
 * For the interrupted-import test: with IMPORT_INTERRUPT_AT=<step> the import stops at that step of
 * the folder swap, says so on stdout, and waits to be killed (SIGKILL, so that nothing gets to clean
 * up — like a power cut). Unset, it does nothing.
 */
function interruptAt(step: string | undefined): ((at: ReplaceStep) => void) | undefined {
  if (!step) return undefined;
  if (!(REPLACE_STEPS as readonly string[]).includes(step))
    throw new Error(`IMPORT_INTERRUPT_AT must be one of ${REPLACE_STEPS.join(", ")}`);
  return (at) => {
    if (at !== step) return;
    writeSync(1, `import paused at ${at}\n`);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
    process.exit(70);
  };
}

/** Images are copied from beside the notes; a missing one is a warning and the entry still imports. */
function planImageCopies(plan: ImportPlan, contentDir: string, problems: Problem[]): FolderChange[] {
  const copies = new Map<string, FolderChange>();
  for (const image of plan.images) {
    const from = findImageFile(path.resolve(path.dirname(image.notesFile), image.file));
    if (!existsSync(from)) {
      problems.push({
        file: image.notesFile,
        line: image.line,
        severity: "warning",
        message: `image ${image.src} not found (looked for ${from}); the page shows a placeholder`,
      });
      continue;
    }
    const target = path.join(contentDir, image.path);
    if (existsSync(target) && readFileSync(target).equals(readFileSync(from))) continue;
    copies.set(image.path, { path: image.path, copyFrom: from });
  }
  return [...copies.values()];
}

/**
 * The notes name images in composed Hangul (the parser normalises to NFC), but a file copied from a
 * Mac is often named in decomposed form (NFD); both spellings name the same image.
 */
function findImageFile(file: string): string {
  if (existsSync(file)) return file;
  const decomposed = file.normalize("NFD");
  return existsSync(decomposed) ? decomposed : file;
}

function printPlan(plan: ImportPlan, out: ImportOutput) {
  const symbol = { add: "+", update: "~", "overwrite-edited": "!", move: ">" } as const;
  for (const write of plan.writes) out.log(`${symbol[write.kind]} ${write.kind.padEnd(16)} ${write.path}  ${write.label}`);
  for (const kept of plan.keptEdited) {
    out.log(`= kept             ${kept}  edited by hand; the notes differ (use --force to replace it)`);
  }
  for (const removed of plan.removes) out.log(`- moved away       ${removed}  (its URL now redirects)`);
  for (const r of plan.skippedRemoved) {
    out.log(
      `x removed          ${r.topic}/${r.id}.md  ${r.question}  (deleted from the content; not imported again, its URL shows a tombstone)`,
    );
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  process.exitCode = runImport(process.argv.slice(2));
}
