import type { AstroIntegration } from "astro";
import { build } from "esbuild";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { listFiles } from "../../scripts/lib/replace-folder";
import { normalizeBase, type SiteLocation } from "../lib/links/resolve-link";
import { buildPrecacheManifest, referencedFiles, selectPrecacheFiles, SERVICE_WORKER_FILE } from "../lib/offline/plan-precache";
import { totalBytes, type PrecacheManifest } from "../lib/offline/precache-manifest";
import { formatProblem, hasErrors, type Problem } from "../lib/problems";
import { addPolicyMeta } from "../lib/security/policy-meta";

/**
 * Finishes a build for deploying anywhere: writes the Content-Security-Policy `<meta>` into every
 * page, then derives the offline copy from the files actually in `dist/` and writes the service
 * worker `<base>sw.js` with that list baked in. Must be the last integration: it hashes the final
 * files, after the Pagefind index and anything else written at `astro:build:done`.
 */
export function offlineSupport(): AstroIntegration {
  let location: SiteLocation = { origin: "http://localhost", base: "/" };
  let root = process.cwd();
  return {
    name: "course-qa:offline-support",
    hooks: {
      "astro:config:done": ({ config }) => {
        location = { origin: config.site ?? "http://localhost", base: normalizeBase(config.base) };
        root = fileURLToPath(config.root);
      },
      "astro:build:done": async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const pages = applyContentSecurityPolicy(outDir);
        const { manifest, workerBytes } = await writeServiceWorker(outDir, location, root);
        logger.info(`Content-Security-Policy written into ${pages} pages`);
        logger.info(
          `${SERVICE_WORKER_FILE}: version ${manifest.version}, ${manifest.entries.length} files (${(totalBytes(manifest.entries) / 1024).toFixed(0)} KB) for offline use, worker ${(workerBytes / 1024).toFixed(1)} KB`,
        );
      },
    },
  };
}

/** Adds the policy `<meta>` to every built page; fails the build on code the policy would block. */
export function applyContentSecurityPolicy(outDir: string): number {
  const problems: Problem[] = [];
  const pages = listFiles(outDir).filter((f) => f.endsWith(".html"));
  for (const page of pages) {
    const file = path.join(outDir, page);
    const result = addPolicyMeta(readFileSync(file, "utf8"), file);
    problems.push(...result.problems);
    writeFileSync(file, result.html);
  }
  if (hasErrors(problems)) throw new Error(`Content-Security-Policy:\n${problems.map(formatProblem).join("\n")}`);
  return pages.length;
}

/** Writes `<outDir>/sw.js`: the bundled worker with this build's precache manifest. */
export async function writeServiceWorker(outDir: string, location: SiteLocation, root: string): Promise<{ manifest: PrecacheManifest; workerBytes: number }> {
  const files = listFiles(outDir);
  const site = { files, read: (f: string) => readFileSync(path.join(outDir, f), "utf8") };
  const selected = selectPrecacheFiles(files, referencedFiles(site, location));
  const manifest = buildPrecacheManifest(
    selected.map((file) => ({ file, content: readFileSync(path.join(outDir, file)) })),
    location.base,
  );
  const bundle = await build({
    entryPoints: [path.join(root, "src/service-worker/sw.ts")],
    bundle: true,
    format: "iife",
    target: "es2020",
    minify: true,
    legalComments: "none",
    write: false,
    define: { __PRECACHE_MANIFEST__: JSON.stringify(manifest) },
  });
  const code = bundle.outputFiles[0]!.contents;
  writeFileSync(path.join(outDir, SERVICE_WORKER_FILE), code);
  return { manifest, workerBytes: code.byteLength };
}
