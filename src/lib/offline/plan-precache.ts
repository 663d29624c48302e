import { createHash } from "node:crypto";
import { scanHtml } from "../html/scan-html";
import type { BuiltSite } from "../links/check-links";
import { cssReferences } from "../links/css-references";
import { fileForPath, resolveLink, servedPath, type SiteLocation } from "../links/resolve-link";
import { SHA256_PREFIX_LENGTH, urlForFile, type PrecacheEntry, type PrecacheManifest } from "./precache-manifest";

/** Pagefind's ready-made search UIs: written into every index, never loaded by this site. */
const UNUSED_PAGEFIND_UI = /^pagefind\/pagefind-(ui|component-ui|modular-ui)\.(js|css)$/;

/** The service worker itself is never precached: the browser fetches it to look for updates. */
export const SERVICE_WORKER_FILE = "sw.js";

/**
 * What "the whole site" means offline, derived from the build rather than listed by hand, so pages
 * and scripts that other features add are picked up automatically:
 * - every page (`*.html`) and every bundled asset (`_astro/`);
 * - Pagefind's runtime and its whole index (`pagefind/`), minus its unused ready-made UIs;
 * - every other file a page or stylesheet loads or links to (favicon, images, scripts in `public/`).
 * Files only crawlers fetch (sitemaps, robots.txt, unfurl images named in `<meta>`) stay out.
 */
export function selectPrecacheFiles(files: readonly string[], referenced: ReadonlySet<string>): string[] {
  return files.filter((file) => {
    if (file === SERVICE_WORKER_FILE) return false;
    if (file.endsWith(".html") || file.startsWith("_astro/")) return true;
    if (file.startsWith("pagefind/")) return !UNUSED_PAGEFIND_UI.test(file);
    return referenced.has(file);
  });
}

/** Built files that pages load or link to (`href`, `src`, `srcset`…) and that stylesheets load. */
export function referencedFiles(site: BuiltSite, location: SiteLocation): Set<string> {
  const exists = new Set(site.files);
  const found = new Set<string>();
  const add = (from: string, value: string) => {
    const resolved = resolveLink(value, servedPath(from, location.base), location);
    if (resolved.kind !== "internal") return;
    const target = fileForPath(resolved.path, (f) => exists.has(f));
    if ("file" in target) found.add(target.file);
  };
  for (const file of site.files) {
    if (file.endsWith(".html")) {
      // Unfurl URLs in <meta> are for crawlers, not for reading offline.
      for (const ref of scanHtml(site.read(file)).references) if (ref.tag !== "meta") add(file, ref.value);
    } else if (file.endsWith(".css")) {
      for (const ref of cssReferences(site.read(file))) add(file, ref.value);
    }
  }
  return found;
}

/** The manifest baked into `sw.js`: one entry per file, and a version that changes with any of them. */
export function buildPrecacheManifest(files: readonly { file: string; content: Uint8Array }[], base: string): PrecacheManifest {
  const entries: PrecacheEntry[] = files
    .map(({ file, content }) => ({ url: urlForFile(file), bytes: content.byteLength, sha256: sha256Hex(content).slice(0, SHA256_PREFIX_LENGTH) }))
    .sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  const version = sha256Hex(new TextEncoder().encode(JSON.stringify({ base, entries }))).slice(0, 12);
  const fallback = entries.some((e) => e.url === "404.html") ? "404.html" : undefined;
  return { version, base, ...(fallback ? { fallback } : {}), entries };
}

function sha256Hex(content: Uint8Array): string {
  return createHash("sha256").update(content).digest("hex");
}
