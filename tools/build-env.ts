import { spawnSync, type SpawnSyncOptions, type SpawnSyncReturns } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * The environment for an `astro build` started from a test or a benchmark. Vitest puts Vite's own variables
 * (`BASE_URL=/`, `MODE=test`, …) and `NODE_ENV=test` into `process.env`. Inherited, they would
 * silently change the build: Astro reads `import.meta.env.BASE_URL` from there when it renders
 * pages (undoing `BASE_PATH`), and `NODE_ENV=test` makes `import.meta.env.PROD` false in scripts.
 */
export function astroBuildEnv(overrides: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of ["BASE_URL", "MODE", "DEV", "PROD", "SSR", "ASSETS_PREFIX", "NODE_ENV"]) delete env[key];
  return { ...env, ...overrides };
}

/**
 * Runs `npm run build` (cli/build.mjs: Astro, then the Pagefind index and the offline copy) with
 * `astroBuildEnv`, under the build lock.
 */
export function buildSite(overrides: Record<string, string>): SpawnSyncReturns<string> {
  return spawnLocked(process.execPath, ["cli/build.mjs"], { env: astroBuildEnv(overrides) });
}

/**
 * Runs a command that syncs Astro's content layer (`astro build`, `astro check`) one at a time
 * across processes. Every such run in this checkout writes the list of its MDX modules to the same
 * `.astro/content-modules.mjs` (Astro has no setting to move it), so two at once with different
 * content — a fixture site in one test worker, the shared build or a second deploy in another —
 * could each load the other's list.
 */
export function spawnLocked(command: string, args: readonly string[], options: SpawnSyncOptions = {}): SpawnSyncReturns<string> {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  let release: (() => void) | undefined;
  while (!(release = tryBuildLock())) Atomics.wait(pause, 0, 0, 250);
  try {
    return spawnSync(command, args, { ...options, encoding: "utf8" });
  } finally {
    release();
  }
}

/** The build lock without blocking the event loop (Vitest's main process, the CLI wrapper). */
export async function acquireBuildLock(): Promise<() => void> {
  let release: (() => void) | undefined;
  while (!(release = tryBuildLock())) await new Promise((resolve) => setTimeout(resolve, 250));
  return release;
}

const LOCK = path.resolve("node_modules/.build-lock");

/** A lock folder holding the owner's pid; a lock whose owner is gone is taken over. */
function tryBuildLock(): (() => void) | undefined {
  try {
    mkdirSync(LOCK);
    writeFileSync(path.join(LOCK, "pid"), String(process.pid));
    return () => rmSync(LOCK, { recursive: true, force: true });
  } catch {
    if (!ownerAlive()) rmSync(LOCK, { recursive: true, force: true });
    return undefined;
  }
}

function ownerAlive(): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(path.join(LOCK, "pid"), "utf8"));
  } catch {
    // Just created, pid not written yet: alive unless it stays that way for long (or is gone).
    try {
      return Date.now() - statSync(LOCK).mtimeMs < 10_000;
    } catch {
      return false;
    }
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
