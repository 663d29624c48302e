// @ts-check
// Plain JavaScript (typed by JSDoc): read by cli/build.mjs before Astro starts.

/**
 * The V8 heap limit `npm run build` gives Astro, from the number of content entries.
 *
 * Measured (bench:scale, 2 cores / 24 GB): after a full GC the live heap of a 2,000-question build is
 * ~90 MB, yet with no limit V8 lets garbage pile up to a 600+ MB resident set, because on a machine
 * with this much memory its default limit is ~4 GB and it collects lazily. A limit proportional to
 * the content keeps the resident set near what the build needs, for a little more time in the
 * collector. If a build ever runs out of heap, cli/build.mjs runs it again without the limit
 * rather than fail; BUILD_HEAP_MB overrides the figure.
 *
 * @param {number} entries content entries (question files) the build renders
 * @returns {number} megabytes
 */
export function buildHeapLimitMb(entries) {
  return Math.max(352, Math.ceil(256 + entries * 0.04));
}
