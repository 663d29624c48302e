import { url } from "../../core/url";
import { autoSaveDecision } from "../auto-save";
import { ask, registerServiceWorker, serviceWorkersSupported, whenControlled } from "./service-worker-client";
import { markUnsavedResults } from "./unsaved-results";
import { watchForUpdates } from "./update-notice";
import "./offline-save";

/**
 * Offline support on every page, loaded by `offline-loader.ts` once the page is idle (on the search
 * page, after the first results): registers the service worker, watches for new deploys, marks
 * search results that aren't saved, and starts a full save where that is kind (auto-save.ts).
 * `astro dev` has no `sw.js`.
 */
if (import.meta.env.PROD && serviceWorkersSupported()) {
  void (async () => {
    const registration = await registerServiceWorker();
    const region = document.querySelector<HTMLElement>("[data-update-notice]");
    if (registration && region) watchForUpdates(registration, region);
    if (!registration) return;
    await whenControlled();
    markUnsavedResults(url(""));
    await saveEverythingIfKind();
  })();
}

interface NetworkInformationLike {
  readonly saveData?: boolean;
}

async function saveEverythingIfKind(): Promise<void> {
  const controller = navigator.serviceWorker.controller;
  if (!controller) return;
  const status = await ask(controller, { type: "status" });
  if (status.type !== "status") return;
  const connection = (navigator as Navigator & { connection?: NetworkInformationLike }).connection;
  const decision = autoSaveDecision({
    installed: ["standalone", "fullscreen", "minimal-ui"].some((mode) => matchMedia(`(display-mode: ${mode})`).matches),
    saveData: connection?.saveData === true,
    missingBytes: status.missingBytes,
    totalBytes: status.totalBytes,
    storedBytes: status.storedBytes,
    autoSaveMaxBytes: status.autoSaveMaxBytes,
  });
  // Said on the page (`data-offline-auto-save`: save-data, too-large, nothing-missing, saving, saved, failed) for tests and curious readers.
  document.documentElement.dataset.offlineAutoSave = decision === "save" ? "saving" : decision;
  if (decision !== "save") return;
  const result = await ask(controller, { type: "save" });
  document.documentElement.dataset.offlineAutoSave = result.type === "saved" ? "saved" : "failed";
}
