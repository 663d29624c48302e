/**
 * The rule that keeps the tree readable as a data flow: a file may import only from its own stage
 * or from stages earlier in the flow. `npm test` runs `findWrongWayImports` on the whole tree
 * (tests/tools/import-direction.test.ts). Hand-written rather than an ESLint plugin: the rule is a
 * ranked list of folders, and a plugin (eslint-plugin-import's no-restricted-paths) would need one
 * zone per pair of stages to say the same.
 */
import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * Stages in flow order. A file in a stage may import from its own stage and any stage listed
 * before it, never after. The first matching prefix names a file's stage.
 */
export const STAGES: readonly { readonly folder: string; readonly holds: string }[] = [
  { folder: "src/core/", holds: "facts every stage shares: topics, sessions, base path, problems" },
  { folder: "src/markdown/", holds: "Markdown → HTML: remark/rehype plugins, transcripts" },
  { folder: "src/notes/", holds: "notes file → parsed questions and notes" },
  { folder: "src/import/", holds: "parsed notes → content/ entry files (plan, ids, atomic write)" },
  { folder: "src/entries/", holds: "the entry schema and `npm run check`" },
  { folder: "src/search/", holds: "the Korean query layer and index keywords" },
  { folder: "src/browse/", holds: "topic pages, sessions, tags, related questions" },
  { folder: "src/seo/", holds: "unfurls: Open Graph cards, JSON-LD, sitemap" },
  { folder: "src/offline/", holds: "the service worker, what it caches, and its page-side client" },
  { folder: "src/client/", holds: "browser code of the pages (search UI, copy buttons, theme)" },
  { folder: "src/site/", holds: "Astro: pages, components, layouts, content access" },
  { folder: "src/build/", holds: "after `astro build`: Pagefind index, offline copy, link check, page budgets" },
  { folder: "src/preview/", holds: "the static server behind `npm run preview`" },
  { folder: "cli/", holds: "thin command entry points (`npm run import`, `check`, `build` …)" },
  { folder: "tools/", holds: "developer tools shared by tests and benchmarks" },
  { folder: "bench/", holds: "benchmarks that print figures" },
  { folder: "tests/", holds: "tests, mirroring src/" },
];

/** Top-level config files sit with the site: they wire the Astro layer. */
const CONFIG_FILES: Record<string, string> = { "astro.config.mjs": "src/site/", "vitest.config.ts": "tests/" };

export function stageOf(file: string): number {
  const folder = CONFIG_FILES[file];
  const index = STAGES.findIndex((s) => (folder ? s.folder === folder : file.startsWith(s.folder)));
  return index;
}

const IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)["'](\.{1,2}\/[^"']+)["']/g;

/** Relative import targets of a source text, resolved against its file (without extension guessing). */
export function relativeImports(file: string, text: string): string[] {
  return [...text.matchAll(IMPORT)].map((m) => path.posix.normalize(path.posix.join(path.posix.dirname(file), m[1]!)));
}

export interface WrongWayImport {
  readonly file: string;
  readonly imports: string;
  readonly message: string;
}

const ASTRO_MODULE = /(?:\bfrom\s*|\bimport\s*\(?\s*)["'](astro:[^"']+)["']/g;
const SITE_STAGE = STAGES.findIndex((s) => s.folder === "src/site/");

/** `astro:*` virtual modules a source text imports (`astro:content`, `astro:assets` …). */
export function astroImports(text: string): string[] {
  return [...text.matchAll(ASTRO_MODULE)].map((m) => m[1]!);
}

/**
 * Every import from a later stage into an earlier one, or into a file outside any stage; and every
 * `astro:*` import below the site layer (stages before `src/site/`): those modules exist only inside
 * an Astro build, so pure logic that imported one could no longer be unit-tested or run from the
 * command line.
 */
export function findWrongWayImports(files: readonly { path: string; text: string }[]): WrongWayImport[] {
  const wrong: WrongWayImport[] = [];
  for (const { path: file, text } of files) {
    const from = stageOf(file);
    if (from < 0) continue;
    if (from < SITE_STAGE) {
      for (const module of astroImports(text)) {
        wrong.push({
          file,
          imports: module,
          message: `${file} (${STAGES[from]!.folder}) imports ${module}: only src/site/ may use astro:* modules`,
        });
      }
    }
    for (const target of relativeImports(file, text)) {
      const to = stageOf(target);
      if (to <= from && to >= 0) continue;
      if (to < 0 && !target.startsWith("src/") && from === STAGES.length - 1) continue;
      wrong.push({
        file,
        imports: target,
        message:
          to < 0
            ? `${file} imports ${target}, which is in no stage`
            : `${file} (${STAGES[from]!.folder}) imports ${target} (${STAGES[to]!.folder}), a later stage`,
      });
    }
  }
  return wrong;
}

export function readSourceFiles(paths: readonly string[]): { path: string; text: string }[] {
  return paths.filter((p) => /\.(ts|mts|mjs|astro)$/.test(p)).map((p) => ({ path: p, text: readFileSync(p, "utf8") }));
}
