import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Problem } from "../../core/problems";
import { OLD_SUFFIX, oldFolder, STAGING_SUFFIX, stagingFolder } from "../../core/replace-folder";
import { validateEntries, type ContentFile } from "./validate-entries";
import { validateGlossary } from "./validate-glossary";
import { validateLedger } from "./validate-ledger";
import { LEDGER_FILE, parseLedger } from "../../import/id-ledger";
import { PUBLISHED_URLS_FILE } from "../url-history";
import { validateSynonyms } from "./validate-synonyms";
import { isEntryFile } from "../../core/entry-files";

export const GLOSSARY_FILE = "src/search/glossary.json";
export const SYNONYMS_FILE = "src/search/synonyms.json";

export interface CheckOptions {
  /** Project root; relative paths below are resolved against it. */
  readonly root: string;
  /** The content folder as the user names it (`content`, or CONTENT_DIR). */
  readonly contentDir: string;
  /** The site's base path (BASE_PATH). */
  readonly base?: string;
}

export interface CheckResult {
  readonly problems: Problem[];
  readonly entryCount: number;
}

/**
 * What `npm run check` and the build check: every entry of the content folder, the glossary and the synonym table.
 * Reads the disk, then leaves the judging to the pure validators.
 */
export function checkProject(options: CheckOptions): CheckResult {
  const contentPath = path.resolve(options.root, options.contentDir);
  const display = (relative: string) => path.join(options.contentDir, relative);
  const problems: Problem[] = [...interruptedImport(contentPath, options.contentDir)];

  const files: ContentFile[] = listMarkdown(contentPath).map((p) => ({ path: p, text: readFileSync(path.join(contentPath, p), "utf8") }));
  if (!existsSync(contentPath) && problems.length === 0) {
    problems.push({
      file: options.contentDir,
      line: 0,
      severity: "error",
      message: "content folder not found; import notes with `npm run import -- <notes.md>`",
    });
  }
  const ledgerPath = path.join(contentPath, LEDGER_FILE);
  const parsedLedger = existsSync(ledgerPath) ? parseLedger(readFileSync(ledgerPath, "utf8"), display(LEDGER_FILE)) : undefined;
  if (parsedLedger) problems.push(...parsedLedger.problems);
  const ledger = parsedLedger?.ledger;
  const recorded = new Map(ledger?.records.map((r) => [r.id, r]));
  problems.push(
    ...validateEntries(files, {
      displayPath: display,
      base: options.base,
      recordedTopic: (id) => recorded.get(id)?.topic,
      movedFrom: (id) => recorded.get(id)?.movedFrom ?? [],
    }),
  );
  // An unreadable record (not JSON at all) is one error; listing every entry as unrecorded would bury it.
  if (!parsedLedger?.problems.some((p) => p.line === 0))
    problems.push(
      ...validateLedger(
        ledger,
        files.map((f) => f.path),
        { displayPath: display, published: existsSync(path.join(contentPath, PUBLISHED_URLS_FILE)) },
      ),
    );

  const glossary = path.join(options.root, GLOSSARY_FILE);
  if (existsSync(glossary)) problems.push(...validateGlossary(readFileSync(glossary, "utf8"), GLOSSARY_FILE));
  else problems.push({ file: GLOSSARY_FILE, line: 0, severity: "error", message: "glossary not found" });
  const synonyms = path.join(options.root, SYNONYMS_FILE);
  if (existsSync(synonyms)) problems.push(...validateSynonyms(readFileSync(synonyms, "utf8"), SYNONYMS_FILE));
  else problems.push({ file: SYNONYMS_FILE, line: 0, severity: "error", message: "synonym table not found" });

  return { problems, entryCount: files.length };
}

/** Folders an interrupted `npm run import` leaves beside the content folder (src/core/replace-folder.ts). */
function interruptedImport(contentPath: string, name: string): Problem[] {
  const problems: Problem[] = [];
  const old = oldFolder(contentPath);
  if (existsSync(old) && !existsSync(contentPath)) {
    problems.push({
      file: name,
      line: 0,
      severity: "error",
      message: `an import was interrupted while swapping folders; the content is safe in ${name}${OLD_SUFFIX}. Run \`npm run import -- --recover\` to put it back`,
    });
  } else if (existsSync(old) || existsSync(stagingFolder(contentPath))) {
    problems.push({
      file: name,
      line: 0,
      severity: "warning",
      message: `an interrupted import left ${name}${existsSync(old) ? OLD_SUFFIX : STAGING_SUFFIX} behind; the next import (or \`npm run import -- --recover\`) removes it`,
    });
  }
  return problems;
}

function listMarkdown(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && isEntryFile(d.name))
    .map((d) => path.relative(folder, path.join(d.parentPath, d.name)).split(path.sep).join("/"))
    .sort();
}
