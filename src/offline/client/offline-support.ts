import { registerServiceWorker, serviceWorkersSupported } from "./service-worker-client";
import { watchForUpdates } from "./update-notice";
import "./offline-save";

/**
 * Entry point on every page: registers the service worker once the page has loaded (it never
 * competes with the page itself) and watches for new deploys. `astro dev` has no `sw.js`.
 */
if (import.meta.env.PROD && serviceWorkersSupported()) {
  const start = async () => {
    const registration = await registerServiceWorker();
    const region = document.querySelector<HTMLElement>("[data-update-notice]");
    if (registration && region) watchForUpdates(registration, region);
  };
  if (document.readyState === "complete") void start();
  else window.addEventListener("load", () => void start(), { once: true });
}
