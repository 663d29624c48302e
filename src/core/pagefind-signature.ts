/**
 * The bytes every Pagefind data file (index, fragments, metadata) starts with once un-gzipped. Read
 * by the build's rewrites of Pagefind's files (src/build/pagefind-files.ts) and by the offline copy,
 * which keeps those files un-gzipped (src/offline/plan-precache.ts).
 */
export const PAGEFIND_SIGNATURE = "pagefind_dcd";
