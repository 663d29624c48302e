/**
 * Messages between pages and the service worker. A page sends a request with a MessagePort;
 * the worker answers on that port (progress first, then one final message).
 */

export type PageRequest =
  /** How big the offline copy is and how much of it this browser already holds. */
  | { readonly type: "status" }
  /** Download whatever is missing from the offline copy, reporting progress. */
  | { readonly type: "save" }
  /** The user accepted the new version: the waiting worker takes over. */
  | { readonly type: "skip-waiting" };

export interface OfflineStatus {
  readonly type: "status";
  readonly version: string;
  readonly totalBytes: number;
  readonly totalFiles: number;
  readonly pageCount: number;
  readonly savedBytes: number;
  readonly savedFiles: number;
}

export interface SaveProgress {
  readonly type: "progress";
  readonly doneBytes: number;
  readonly totalBytes: number;
  readonly doneFiles: number;
  readonly totalFiles: number;
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

export type WorkerReply = OfflineStatus | SaveProgress | SaveResult;
