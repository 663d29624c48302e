/**
 * When the whole site is saved without asking. Saving everything is kind only where the reader
 * has said they want an app (installed: display-mode standalone) or where it costs little (a full
 * save below `OFFLINE_AUTO_MAX_MB`, default 5 MB, both as downloaded and as stored), and never when the browser says the reader
 * wants to save data (`navigator.connection.saveData`, e.g. Chrome's Lite mode or a metered-data
 * setting). Everyone else gets the core (shell and offline search) and the pages they open, and
 * "오프라인으로 저장" for the rest.
 */
export interface AutoSaveInput {
  /** `matchMedia("(display-mode: standalone)")` (or fullscreen / minimal-ui): the installed app. */
  readonly installed: boolean;
  readonly saveData: boolean;
  /** What the full save would download now. */
  readonly missingBytes: number;
  /** What the full save downloads from nothing (its packs, gzip). */
  readonly totalBytes: number;
  /** What the whole copy occupies on the device once unpacked. */
  readonly storedBytes: number;
  readonly autoSaveMaxBytes: number;
}

export type AutoSaveDecision = "save" | "nothing-missing" | "save-data" | "too-large";

export function autoSaveDecision(input: AutoSaveInput): AutoSaveDecision {
  if (input.missingBytes === 0) return "nothing-missing";
  if (input.saveData) return "save-data";
  // The site's size, not what is left, and the larger of download and storage: the threshold
  // guards a phone's data plan and its disk alike (at 2,000 questions: 2.7 MB to download, 25 MB stored).
  if (input.installed || Math.max(input.totalBytes, input.storedBytes) < input.autoSaveMaxBytes) return "save";
  return "too-large";
}
