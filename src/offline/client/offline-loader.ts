import { whenIdle } from "./idle";

/**
 * What every page loads for offline support: a few hundred bytes that fetch the rest
 * (`offline-support.ts`, 3.4 KB gzip: the service worker's registration, "오프라인으로 저장", the
 * update notice, the unsaved-results marks) only once the page is idle — on the search page after
 * its first results are shown (`idle.ts`). So a first query downloads and runs none of it (issue
 * 12: "keep offline and service-worker work off the first search"). The button appears then; it is
 * hidden until its element is defined, as it always was without service workers.
 */
void whenIdle().then(() => import("./offline-support"));
