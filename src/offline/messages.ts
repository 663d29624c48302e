/**
 * Messages between pages and the service worker. A page sends a request with a MessagePort;
 * the worker answers on that port (progress first, then one final message).
 */

export type PageRequest =
  /** How big the offline copy is and how much of it this browser already holds. */
  | { readonly type: "status" }
  /** Download every pack still missing (the full save), reporting progress. */
  | { readonly type: "save" }
  /** Which of these URLs (below the base path) this version has stored: search marks the others. */
  | { readonly type: "saved-urls"; readonly urls: readonly string[] }
  /** The user accepted the new version: the waiting worker takes over. */
  | { readonly type: "skip-waiting" };

export interface OfflineStatus {
  readonly type: "status";
  readonly version: string;
  /** What a full save downloads from nothing: every pack, as sent over the network. */
  readonly totalBytes: number;
  /** What the whole copy occupies once stored (the files unpacked). */
  readonly storedBytes: number;
  /** What a full save would download now: the packs with something missing. */
  readonly missingBytes: number;
  readonly totalPacks: number;
  readonly missingPacks: number;
  /** Files the whole copy holds (pages, scripts, search data). */
  readonly totalFiles: number;
  readonly pageCount: number;
  readonly savedPages: number;
  /** The reader (or an automatic save) saved everything, and later deploys keep it whole. */
  readonly savedAll: boolean;
  /** A full save below this may start without asking (`OFFLINE_AUTO_MAX_MB`). */
  readonly autoSaveMaxBytes: number;
}

export interface SaveProgress {
  readonly type: "progress";
  readonly doneBytes: number;
  readonly totalBytes: number;
  readonly donePacks: number;
  readonly totalPacks: number;
}

export type SaveResult =
  | (Omit<OfflineStatus, "type"> & { readonly type: "saved" })
  /**
   * `network`: a download failed (offline, server error). `changed`: a file on the server no longer
   * matches this version (a new deploy landed): reload to get the new version, then save again.
   * `storage`: the browser refused to store more (quota).
   */
  | { readonly type: "failed"; readonly reason: SaveFailure; readonly detail: string };

export type SaveFailure = "network" | "changed" | "storage";

export interface SavedUrls {
  readonly type: "saved-urls";
  readonly saved: readonly string[];
}

export type WorkerReply = OfflineStatus | SaveProgress | SaveResult | SavedUrls;
