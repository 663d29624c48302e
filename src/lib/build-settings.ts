/**
 * Where a build reads from and writes to, from the environment, so one build recipe serves every
 * host and every test: SITE_URL is the origin (canonical and shared links), BASE_PATH the subfolder
 * (e.g. `/mspt3/`), OUT_DIR the built folder, CONTENT_DIR the entries, ASTRO_CACHE_DIR Astro's cache.
 * Read by astro.config.mjs and by the steps `npm run build` runs after Astro (scripts/build.ts).
 */
export interface BuildSettings {
  readonly site: string;
  readonly base: string;
  readonly outDir: string;
  readonly contentDir: string;
  readonly cacheDir: string;
}

export function buildSettings(env: Record<string, string | undefined> = process.env): BuildSettings {
  const base = env.BASE_PATH || "/";
  return {
    site: env.SITE_URL || "http://localhost:4321",
    base: `/${base.replace(/^\/+|\/+$/g, "")}/`.replace(/^\/\/$/, "/"),
    outDir: env.OUT_DIR || "./dist",
    contentDir: env.CONTENT_DIR || "./content",
    cacheDir: env.ASTRO_CACHE_DIR || "./node_modules/.astro",
  };
}
