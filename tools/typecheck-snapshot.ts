import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * `tsx tools/typecheck-snapshot.ts`: for `npm run test:all`, lets `astro check` run beside the test
 * builds instead of holding the build lock for its 20–40 s. Run under the lock (tools/test-all.sh),
 * after a build has synced `.astro/`, it copies the generated types to `.astro-typecheck/` and writes
 * a tsconfig there that is `tsconfig.json` with that copy in place of `.astro/types.d.ts`; the
 * check then runs `astro check --noSync --tsconfig .astro-typecheck/tsconfig.json` without the lock.
 *
 * Why a copy is enough: those types come from the collections' schemas (src/site/content.config.ts),
 * not from the entries, so every build of this checkout — the real content or a fixture site —
 * writes the same files; but a build rewrites them (truncate, then write) while it syncs, and a
 * check reading them at that moment would see an empty file. The copy is taken when no build runs.
 */
const SNAPSHOT = ".astro-typecheck";
const base = JSON.parse(readFileSync("tsconfig.json", "utf8")) as { include: string[] };
if (!base.include.includes(".astro/types.d.ts")) throw new Error("tsconfig.json: expected .astro/types.d.ts in its include list");

if (!existsSync(".astro/types.d.ts")) throw new Error(".astro/types.d.ts is missing: run a build (or `astro sync`) first");
rmSync(SNAPSHOT, { recursive: true, force: true });
mkdirSync(SNAPSHOT);
cpSync(".astro", SNAPSHOT, { recursive: true, filter: (source) => !source.endsWith(".json") && !source.endsWith(".mjs") });
const include = base.include.map((entry) => (entry === ".astro/types.d.ts" ? "types.d.ts" : path.join("..", entry)));
writeFileSync(path.join(SNAPSHOT, "tsconfig.json"), JSON.stringify({ extends: "../tsconfig.json", include }, null, 2));
