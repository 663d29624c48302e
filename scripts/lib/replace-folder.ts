import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync, copyFileSync } from "node:fs";
import path from "node:path";

export interface FolderChange {
  /** Path relative to the folder. */
  readonly path: string;
  /** New text of the file, or a file to copy in. */
  readonly text?: string;
  readonly copyFrom?: string;
}

/**
 * Applies changes to a folder all-or-nothing: the folder is copied to a staging folder beside it,
 * changed there, and swapped in with two renames. Until the first rename the original is untouched;
 * a crash between the renames leaves `<folder>.import-old`, which `recoverInterruptedReplace`
 * puts back on the next run.
 */
export function replaceFolderWithChanges(folder: string, changes: readonly FolderChange[]): void {
  recoverInterruptedReplace(folder);
  const staging = `${folder}.import-staging`;
  const old = `${folder}.import-old`;
  rmSync(staging, { recursive: true, force: true });
  if (existsSync(folder)) cpSync(folder, staging, { recursive: true });
  else mkdirSync(staging, { recursive: true });
  for (const change of changes) {
    const target = path.join(staging, change.path);
    mkdirSync(path.dirname(target), { recursive: true });
    if (change.copyFrom !== undefined) copyFileSync(change.copyFrom, target);
    else writeFileSync(target, change.text ?? "");
  }
  if (existsSync(folder)) renameSync(folder, old);
  renameSync(staging, folder);
  rmSync(old, { recursive: true, force: true });
}

/** Undoes what an interrupted `replaceFolderWithChanges` left behind. */
export function recoverInterruptedReplace(folder: string): void {
  const staging = `${folder}.import-staging`;
  const old = `${folder}.import-old`;
  if (existsSync(old)) {
    if (existsSync(folder)) rmSync(old, { recursive: true, force: true });
    else renameSync(old, folder);
  }
  rmSync(staging, { recursive: true, force: true });
}

/** Every file under `folder`, as `/`-separated paths relative to it. */
export function listFiles(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.relative(folder, path.join(d.parentPath, d.name)).split(path.sep).join("/"))
    .sort();
}
