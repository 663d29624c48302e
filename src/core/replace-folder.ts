import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync, copyFileSync } from "node:fs";
import path from "node:path";

export interface FolderChange {
  /** Path relative to the folder. */
  readonly path: string;
  /** New text of the file, or a file to copy in. */
  readonly text?: string;
  readonly copyFrom?: string;
  /** Remove the file instead (an entry moved to another topic folder). */
  readonly remove?: boolean;
}

/**
 * Named points inside `replaceFolderWithChanges`, in order. The interrupted-import test stops the
 * process at each of them (see `interruptAt` in cli/import.ts) and checks what is left.
 */
/**
 * The folders a replace keeps beside `<folder>` while it runs: the new content is written into the
 * staging folder, the original waits in the old folder between the two renames. Named once here;
 * `npm run check` (src/entries/check/check-project.ts) looks for the same names.
 */
export const STAGING_SUFFIX = ".import-staging";
export const OLD_SUFFIX = ".import-old";
export const stagingFolder = (folder: string) => `${folder}${STAGING_SUFFIX}`;
export const oldFolder = (folder: string) => `${folder}${OLD_SUFFIX}`;

export const REPLACE_STEPS = ["staging-partial", "staging-written", "old-moved", "swapped"] as const;
export type ReplaceStep = (typeof REPLACE_STEPS)[number];

/**
 * Applies changes to a folder all-or-nothing: the folder is copied to a staging folder beside it,
 * changed there, and swapped in with two renames. Until the first rename the original is untouched;
 * a crash between the renames leaves `<folder>.import-old`, which `recoverInterruptedReplace`
 * puts back on the next run.
 */
export function replaceFolderWithChanges(
  folder: string,
  changes: readonly FolderChange[],
  options: { onStep?: (step: ReplaceStep) => void } = {},
): void {
  const step = options.onStep ?? (() => {});
  recoverInterruptedReplace(folder);
  const staging = stagingFolder(folder);
  const old = oldFolder(folder);
  rmSync(staging, { recursive: true, force: true });
  if (existsSync(folder)) cpSync(folder, staging, { recursive: true });
  else mkdirSync(staging, { recursive: true });
  changes.forEach((change, i) => {
    if (i === Math.floor(changes.length / 2)) step("staging-partial");
    const target = path.join(staging, change.path);
    if (change.remove) return rmSync(target, { force: true });
    mkdirSync(path.dirname(target), { recursive: true });
    if (change.copyFrom !== undefined) copyFileSync(change.copyFrom, target);
    else writeFileSync(target, change.text ?? "");
  });
  step("staging-written");
  if (existsSync(folder)) renameSync(folder, old);
  step("old-moved");
  renameSync(staging, folder);
  step("swapped");
  rmSync(old, { recursive: true, force: true });
}

/** What `recoverInterruptedReplace` found and did. */
export type Recovery = "nothing" | "restored" | "cleaned";

/**
 * Undoes what an interrupted `replaceFolderWithChanges` left behind: puts the original folder back
 * when the crash came between the two renames, and removes a leftover staging or old folder.
 */
export function recoverInterruptedReplace(folder: string): Recovery {
  const staging = stagingFolder(folder);
  const old = oldFolder(folder);
  let recovery: Recovery = "nothing";
  if (existsSync(old)) {
    if (existsSync(folder)) {
      rmSync(old, { recursive: true, force: true });
      recovery = "cleaned";
    } else {
      renameSync(old, folder);
      recovery = "restored";
    }
  }
  if (existsSync(staging)) {
    rmSync(staging, { recursive: true, force: true });
    if (recovery === "nothing") recovery = "cleaned";
  }
  return recovery;
}

/** Every file under `folder`, as `/`-separated paths relative to it. */
export function listFiles(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.relative(folder, path.join(d.parentPath, d.name)).split(path.sep).join("/"))
    .sort();
}
