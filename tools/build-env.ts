import { spawnSync, type SpawnSyncReturns } from "node:child_process";

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

/** Runs `npm run build` (cli/build.mjs: Astro, then the Pagefind index and the offline copy) with `astroBuildEnv`. */
export function buildSite(overrides: Record<string, string>): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, ["cli/build.mjs"], { encoding: "utf8", env: astroBuildEnv(overrides) });
}
