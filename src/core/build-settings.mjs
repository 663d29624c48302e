// @ts-check
// Plain JavaScript (typed by JSDoc) so that cli/build.mjs can read it without loading a
// TypeScript loader, whose memory would count with Astro's during the build.
import { normalizeBase } from "./base-path.mjs";

/**
 * Where a build reads from and writes to, from the environment, so one build recipe serves every
 * host and every test: SITE_URL is the origin (canonical and shared links), BASE_PATH the subfolder
 * (e.g. `/mspt3/`), OUT_DIR the built folder, CONTENT_DIR the entries, ASTRO_CACHE_DIR Astro's cache.
 * Read by astro.config.mjs, the content collections and the build and author scripts.
 *
 * @typedef {{ site: string; base: string; outDir: string; contentDir: string; cacheDir: string }} BuildSettings
 * @param {Record<string, string | undefined>} [env]
 * @returns {BuildSettings}
 */
export function buildSettings(env = process.env) {
  return {
    site: env.SITE_URL || "http://localhost:4321",
    base: normalizeBase(env.BASE_PATH || "/"),
    outDir: env.OUT_DIR || "./dist",
    contentDir: env.CONTENT_DIR || "./content",
    cacheDir: env.ASTRO_CACHE_DIR || "./node_modules/.astro",
  };
}
