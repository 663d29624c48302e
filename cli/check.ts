/**
 * `npm run check [-- --content <dir>]`
 *
 * Checks every content entry and the glossary the way the build does and prints every problem at
 * once as `file:line: error: …`; exits non-zero when there is an error. The build runs the same
 * check (src/site/integrations/content-check.ts) and fails with the same messages.
 */
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { checkProject } from "../src/entries/check/check-project";
import { formatProblem } from "../src/core/problems";
import { buildSettings } from "../src/core/build-settings.mjs";

const USAGE = "usage: npm run check [-- --content <dir>]";

export interface CheckOutput {
  log: (line: string) => void;
  error: (line: string) => void;
}

/** Runs the check; returns the exit code. */
export function runCheck(argv: readonly string[], out: CheckOutput = console): number {
  let contentDir: string;
  try {
    const { values } = parseArgs({ args: [...argv], options: { content: { type: "string" }, help: { type: "boolean", short: "h" } } });
    if (values.help) {
      out.log(USAGE);
      return 0;
    }
    contentDir = values.content ?? buildSettings().contentDir;
  } catch (err) {
    out.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }

  const { problems, entryCount } = checkProject({ root: process.cwd(), contentDir, base: buildSettings().base });
  for (const p of problems) (p.severity === "error" ? out.error : out.log)(formatProblem(p));
  const errors = problems.filter((p) => p.severity === "error").length;
  const warnings = problems.length - errors;
  out[errors > 0 ? "error" : "log"](`check: ${entryCount} entries and the glossary: ${errors} error(s), ${warnings} warning(s)`);
  return errors > 0 ? 1 : 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  process.exitCode = runCheck(process.argv.slice(2));
}
