/**
 * The V8 heap limit `npm run build` gives Astro, from the number of content entries.
 *
 * Measured (bench:scale, 2 cores / 24 GB): after a full GC the live heap of a 2,000-question build is
 * ~90 MB, yet with no limit V8 lets garbage pile up to a 600+ MB resident set, because on a machine
 * with this much memory its default limit is ~4 GB and it collects lazily. A limit proportional to
 * the content keeps the resident set near what the build needs, at no measured cost in time
 * (collections of a small heap are quick). If a build ever runs out of heap, scripts/build.ts runs it
 * again without the limit rather than fail; BUILD_HEAP_MB overrides the figure.
 */
export function buildHeapLimitMb(entries: number): number {
  return Math.max(384, Math.ceil(256 + entries * 0.04));
}
