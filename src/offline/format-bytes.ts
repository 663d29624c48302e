/**
 * A download size the way browsers show it (1 KB = 1024 bytes): whole KB below 1 MB, one decimal
 * above. Rounded up, so a size shown before a download is never smaller than what arrives.
 */
export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.ceil(bytes / 1024)} KB`;
  return `${(Math.ceil((bytes / (1024 * 1024)) * 10) / 10).toFixed(1)} MB`;
}

/** Whole percent done, never 100 until every byte is there. */
export function percentDone(done: number, total: number): number {
  if (total <= 0 || done >= total) return 100;
  return Math.min(99, Math.floor((done / total) * 100));
}
