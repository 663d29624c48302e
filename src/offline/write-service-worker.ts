import { build } from "esbuild";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { listFiles } from "../core/replace-folder";
import { buildPrecacheManifest, selectPrecacheFiles, SERVICE_WORKER_FILE } from "./plan-precache";
import { manifestFileName, type PrecacheManifest } from "./precache-manifest";

/**
 * Writes the offline copy into a finished build: the pack files (`offline/<id>.<hash>.pack`, the
 * site's files grouped and gzipped together), the list of files and packs
 * (`offline-manifest.<version>.json`, derived from what is in `dist/`, never written by hand) and
 * the service worker `<base>sw.js`, which names that list's version. The list stays out of the
 * worker so the worker stays a few KB however large the site grows: browsers fetch `sw.js` again
 * on every update check. Runs last, after the Pagefind index and the app icons, since it hashes the final files.
 */
export async function writeServiceWorker(
  outDir: string,
  base: string,
  root: string,
  options: { autoSaveMaxBytes?: number } = {},
): Promise<{ manifest: PrecacheManifest; manifestBytes: number; workerBytes: number }> {
  const selected = selectPrecacheFiles(listFiles(outDir));
  const { manifest, packFiles } = buildPrecacheManifest(
    selected.map((file) => ({ file, content: new Uint8Array(readFileSync(path.join(outDir, file))) })),
    base,
    options,
  );
  rmSync(path.join(outDir, "offline"), { recursive: true, force: true });
  mkdirSync(path.join(outDir, "offline"), { recursive: true });
  for (const pack of packFiles) writeFileSync(path.join(outDir, pack.file), pack.content);
  const manifestJson = JSON.stringify(manifest);
  writeFileSync(path.join(outDir, manifestFileName(manifest.version)), manifestJson);
  const bundle = await build({
    entryPoints: [path.join(root, "src/offline/service-worker/sw.ts")],
    bundle: true,
    format: "iife",
    target: "es2020",
    minify: true,
    legalComments: "none",
    write: false,
    define: { __OFFLINE_VERSION__: JSON.stringify(manifest.version), __OFFLINE_BASE__: JSON.stringify(base) },
  });
  const code = bundle.outputFiles[0]!.contents;
  writeFileSync(path.join(outDir, SERVICE_WORKER_FILE), code);
  return { manifest, manifestBytes: Buffer.byteLength(manifestJson), workerBytes: code.byteLength };
}
