/**
 * `npm run check:links [-- <dir>] [--base /mspt3/] [--site https://example.github.io] [--content <dir>]`
 *
 * Walks a built site and checks that every internal link, asset, canonical/card URL and `#anchor`
 * resolves under the base path, that `_redirects` points at built pages, that every redirect page
 * refreshes to its canonical URL and every tombstone is noindex, and (for the content's own build:
 * no folder given, or `--content`) that every URL in the content's published-urls.txt was built. Base and site default to BASE_PATH and SITE_URL, as the build
 * used them; the folder to OUT_DIR or `dist`. Prints every problem as `file:line: error: …`, then
 * a summary, and exits non-zero when anything is broken.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { checkLinks, type LinkReport } from "../src/build/links/check-links";
import { normalizeBase, type SiteLocation } from "../src/build/links/resolve-link";
import { formatProblem } from "../src/core/problems";
import { listFiles } from "../src/core/replace-folder";
import { buildSettings } from "../src/core/build-settings.mjs";
import { builtPagePaths } from "../src/build/url-history";
import { readUrlHistory } from "../src/entries/url-history-files";
import { PUBLISHED_URLS_FILE, vanishedUrls } from "../src/entries/url-history";

function run(argv: string[]): number {
  const { dir, location, contentDir } = readOptions(argv);
  if (!existsSync(path.join(dir, "index.html"))) {
    console.error(`${dir}/index.html not found: build the site first (npm run build).`);
    return 2;
  }
  const files = listFiles(dir);
  const report = checkLinks({ files, read: (f) => readFileSync(path.join(dir, f), "utf8") }, location);
  if (contentDir !== undefined) {
    const list = path.join(contentDir, PUBLISHED_URLS_FILE);
    for (const page of vanishedUrls(readUrlHistory(contentDir).published, builtPagePaths(files))) {
      report.problems.push({
        file: list,
        line: 0,
        severity: "error",
        message: `${location.base}${page} was published but is not in ${dir}`,
      });
    }
  }
  for (const problem of report.problems) {
    console.error(
      formatProblem({
        ...problem,
        file: path.isAbsolute(problem.file) || problem.file.endsWith(PUBLISHED_URLS_FILE) ? problem.file : path.join(dir, problem.file),
      }),
    );
  }
  console.log(summary(report, dir, location));
  if (report.problems.length > 0)
    console.error(`hint: --base (BASE_PATH) and --site (SITE_URL) must match the build's; here ${location.base} and ${location.origin}.`);
  return report.problems.length > 0 ? 1 : 0;
}

function readOptions(argv: string[]): { dir: string; location: SiteLocation; contentDir?: string } {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { base: { type: "string" }, site: { type: "string" }, content: { type: "string" } },
  });
  return {
    dir: positionals[0] ?? buildSettings().outDir,
    // A folder named on the command line may be any build; the published list is checked for the content's own.
    contentDir: values.content ?? (positionals[0] === undefined ? buildSettings().contentDir : undefined),
    location: {
      base: normalizeBase(values.base ?? buildSettings().base),
      // The same default as astro.config.mjs, so absolute URLs of a default build count as internal.
      origin: values.site ?? buildSettings().site,
    },
  };
}

function summary(report: LinkReport, dir: string, location: SiteLocation): string {
  const verdict = report.problems.length === 0 ? "all resolve" : `${report.problems.length} broken`;
  return (
    `checked ${report.checked} internal URLs (${report.fragments} with #anchors) in ${report.pages} pages of ${dir} ` +
    `under ${location.base}: ${verdict}; ${report.external} external URLs not followed`
  );
}

process.exitCode = run(process.argv.slice(2));
