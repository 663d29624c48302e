// @ts-check
/**
 * The one place a base path (`BASE_PATH`, Astro's `base`, the static server's mount point) is
 * normalised: always a leading and a trailing slash, `/` for the site root. Plain JavaScript (typed
 * by JSDoc) so that src/core/build-settings.mjs and cli/build.mjs read it without a TypeScript
 * loader; every TypeScript module imports it from here too (src/core/site-paths.ts re-exports it).
 */

/**
 * `mspt3`, `/mspt3`, `mspt3/`, `/mspt3/` → `/mspt3/`; `""`, `/`, `//` → `/`.
 * @param {string} base
 * @returns {string}
 */
export function normalizeBase(base) {
  const inner = base.replace(/^\/+|\/+$/g, "");
  return inner ? `/${inner}/` : "/";
}

/**
 * A site path under a base path: `withBase("/mspt3", "/docker/d1/")` → `/mspt3/docker/d1/`.
 * @param {string} base
 * @param {string} path
 * @returns {string}
 */
export function withBase(base, path) {
  return `${normalizeBase(base)}${path.replace(/^\/+/, "")}`;
}
