import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { listFiles } from "../core/replace-folder";
import type { Problem } from "../core/problems";
import { LEDGER_FILE, renderLedger, syncLedger } from "../import/id-ledger";
import { liveEntries } from "../import/record-ids";
import { isPaginationPath, PUBLISHED_URLS_FILE, redirectsFile, renderPublishedUrls, vanishedUrls } from "../entries/url-history";
import { readUrlHistory } from "../entries/url-history-files";

/**
 * The build's proof that no shared link broke (run by src/build/finish-build.ts after Astro):
 *   1. every page path on the content folder's published list (`published-urls.txt`) was built
 *      again, as the question, its tombstone or its redirect page; pagination pages are exempt.
 *      Otherwise the build fails naming each URL, and the list is left as it was;
 *   2. `_redirects` for hosts that read one (Netlify, Cloudflare Pages) lists every moved question;
 *   3. the list gains the pages this build made, and the id ledger's question texts are refreshed
 *      from the entries (so a tombstone shows the text an entry last had).
 * The list belongs to the content folder, so a test or benchmark that builds other content keeps
 * its own list and never touches the real one.
 */
export interface UrlHistoryReport {
  readonly problems: Problem[];
  readonly pages: number;
  readonly added: number;
  readonly redirects: number;
  readonly tombstones: number;
}

/** Page paths of a built site under its base: `docker/d5/index.html` → `docker/d5/`, `index.html` → ``. */
export function builtPagePaths(files: readonly string[]): Set<string> {
  const pages = new Set<string>();
  for (const file of files) {
    if (file === "index.html") pages.add("");
    else if (file.endsWith("/index.html")) pages.add(file.slice(0, -"index.html".length));
  }
  return pages;
}

export function checkAndRecordUrls(options: { outDir: string; contentDir: string; base: string }): UrlHistoryReport {
  const history = readUrlHistory(options.contentDir);
  const built = builtPagePaths(listFiles(options.outDir));
  const listName = path.join(options.contentDir, PUBLISHED_URLS_FILE);
  const base = options.base.endsWith("/") ? options.base : `${options.base}/`;
  const problems: Problem[] = vanishedUrls(history.published, built).map((page) => ({
    file: listName,
    line: 0,
    severity: "error" as const,
    message:
      `${base}${page} was published and would now 404. Keep its entry, or if it was removed or moved, keep its id in ` +
      `${path.join(options.contentDir, LEDGER_FILE)} so that it gets a tombstone or a redirect (restore the file from git)`,
  }));
  const { tombstones, redirects } = history.retired;
  writeFileSync(path.join(options.outDir, "_redirects"), redirectsFile(redirects, base));
  if (problems.length > 0) return { problems, pages: built.size, added: 0, redirects: redirects.length, tombstones: tombstones.length };

  const published = new Set(history.published);
  const added = [...built].filter((p) => !isPaginationPath(p) && !published.has(p));
  const listText = renderPublishedUrls([...published, ...added]);
  if (!history.hasPublishedList || added.length > 0 || readFileSync(listName, "utf8") !== listText) writeFileSync(listName, listText);

  const ledgerFile = path.join(options.contentDir, LEDGER_FILE);
  if (existsSync(ledgerFile)) {
    const recorded = new Set(history.ledger.records.map((r) => r.id));
    const files = listFiles(options.contentDir)
      .filter((p) => p.endsWith(".md"))
      .map((p) => ({ path: p, text: readFileSync(path.join(options.contentDir, p), "utf8") }));
    const text = renderLedger(
      syncLedger(
        history.ledger,
        liveEntries(files).filter((e) => recorded.has(e.id)),
      ),
    );
    if (text !== readFileSync(ledgerFile, "utf8")) writeFileSync(ledgerFile, text);
  }
  return { problems, pages: built.size, added: added.length, redirects: redirects.length, tombstones: tombstones.length };
}
