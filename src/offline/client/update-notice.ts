/**
 * Tells the reader, without interrupting, that a new deploy has been downloaded, and switches to it
 * only when they say so. The old version keeps answering until then, so pages and search index never
 * come from two deploys; after the switch every open tab reloads onto the new version at once.
 */
export function watchForUpdates(registration: ServiceWorkerRegistration, region: HTMLElement): void {
  let controlled = Boolean(navigator.serviceWorker.controller);
  let reloading = false;

  const offer = (waiting: ServiceWorker) => {
    // Only an update when a version already runs this page; a first install just takes over.
    if (!navigator.serviceWorker.controller) return;
    showNotice(region, () => waiting.postMessage({ type: "skip-waiting" }));
  };
  if (registration.waiting) offer(registration.waiting);
  registration.addEventListener("updatefound", () => {
    const installing = registration.installing;
    installing?.addEventListener("statechange", () => {
      if (installing.state === "installed") offer(installing);
    });
  });

  navigator.serviceWorker.addEventListener("controllerchange", () => {
    // The first controller of a page loaded from the network changes nothing; a later one is a new version.
    if (controlled && !reloading) {
      reloading = true;
      location.reload();
    }
    controlled = true;
  });

  // Back online after class: look for a new deploy (the browser also checks on every navigation).
  window.addEventListener("online", () => void registration.update().catch(() => undefined));
}

function showNotice(region: HTMLElement, accept: () => void): void {
  if (region.querySelector("[data-update-reload]")) return;
  const text = document.createElement("p");
  text.textContent = "새 버전이 준비되었습니다. 새로고침하면 바뀐 질문과 검색 색인이 함께 적용됩니다.";
  const reload = document.createElement("button");
  reload.type = "button";
  reload.dataset.updateReload = "";
  reload.textContent = "새로고침";
  reload.addEventListener("click", () => {
    reload.disabled = true;
    reload.textContent = "바꾸는 중…";
    accept();
  });
  const later = document.createElement("button");
  later.type = "button";
  later.className = "secondary";
  later.textContent = "나중에";
  later.addEventListener("click", () => {
    region.replaceChildren();
    // The focused button is gone: put keyboard focus back at the start of the content.
    document.getElementById("main")?.focus();
  });
  region.replaceChildren(text, reload, later);
}
