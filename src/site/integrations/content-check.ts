import type { AstroIntegration } from "astro";
import { watch } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { checkProject } from "../../entries/check/check-project";
import { formatProblem, hasErrors } from "../../core/problems";
import { buildSettings } from "../../core/build-settings.mjs";

/**
 * Runs `npm run check` inside Astro. `astro build` stops before rendering anything when a content
 * entry or the glossary has an error, printing the same `file:line: error: …` lines as the check.
 * `astro dev` reports the problems instead of stopping (the author is fixing them live) and checks
 * again whenever a file under the content folder changes.
 */
export function contentCheck(): AstroIntegration {
  return {
    name: "course-qa:content-check",
    hooks: {
      "astro:config:setup": ({ command, config, logger }) => {
        const root = fileURLToPath(config.root);
        // The same folder src/site/content.config.ts reads.
        const contentDir = buildSettings().contentDir;
        const run = () => checkProject({ root, contentDir, base: config.base });
        const { problems } = run();
        if (command === "build" && hasErrors(problems)) {
          const errors = problems.filter((p) => p.severity === "error");
          throw new Error(
            `the content check found ${errors.length} error(s); fix them and build again (npm run check lists them too):\n` +
              problems.map(formatProblem).join("\n"),
          );
        }
        for (const p of problems) (p.severity === "error" ? logger.error : logger.warn).call(logger, formatProblem(p));
        if (command !== "dev") return;
        let timer: NodeJS.Timeout | undefined;
        const contentPath = path.resolve(root, contentDir);
        try {
          const watcher = watch(contentPath, { recursive: true }, () => {
            clearTimeout(timer);
            timer = setTimeout(() => {
              const again = run().problems;
              if (again.length === 0) logger.info("content check: no problems");
              for (const p of again) (p.severity === "error" ? logger.error : logger.warn).call(logger, formatProblem(p));
            }, 300);
          });
          watcher.unref();
        } catch {
          // No content folder yet: nothing to watch; the problems above say so.
        }
      },
    },
  };
}
