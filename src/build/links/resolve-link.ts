/**
 * Where a URL written in a built file points, judged the way a browser resolves it on the deployed
 * site. Shared by the link checker and the service worker's precache list, so both agree on what
 * "internal" means under a base path.
 */
import { normalizeBase } from "../../core/base-path.mjs";

/** The deployed location of a build: `SITE_URL`'s origin and `BASE_PATH`. */
export interface SiteLocation {
  /** e.g. `https://example.github.io` (any path part is ignored). */
  readonly origin: string;
  /** e.g. `/mspt3/` or `/`; always starts and ends with `/`. */
  readonly base: string;
}

export type ResolvedLink =
  /** Another origin or a non-http scheme (`mailto:`, `data:`…): not this site's business. */
  | { readonly kind: "external" }
  /** This origin, but not under the base path: broken once the site lives in a subfolder. */
  | { readonly kind: "outside-base"; readonly pathname: string }
  | {
      readonly kind: "internal";
      /** Decoded path below the base, without a leading `/` (`docker/d1/`, `` for the home page). */
      readonly path: string;
      /** Decoded `#fragment` without `#`; undefined when the URL has none. */
      readonly fragment?: string;
    };

/** Kept as an export of this module for its importers; the one normaliser is src/core/base-path.mjs. */
export { normalizeBase };

/** The URL path a built file is served at: `docker/d1/index.html` → `/mspt3/docker/d1/`. */
export function servedPath(file: string, base: string): string {
  const path = file === "index.html" ? "" : file.endsWith("/index.html") ? file.slice(0, -"index.html".length) : file;
  return normalizeBase(base) + path;
}

export function resolveLink(value: string, fromPath: string, site: SiteLocation): ResolvedLink {
  const origin = new URL(site.origin).origin;
  let url: URL;
  try {
    url = new URL(value, origin + fromPath);
  } catch {
    return { kind: "external" };
  }
  if ((url.protocol !== "http:" && url.protocol !== "https:") || url.origin !== origin) return { kind: "external" };
  const base = normalizeBase(site.base);
  if (!url.pathname.startsWith(base)) return { kind: "outside-base", pathname: url.pathname };
  const path = safeDecode(url.pathname.slice(base.length));
  const fragment = url.hash ? safeDecode(url.hash.slice(1)) : value.endsWith("#") ? "" : undefined;
  return fragment === undefined ? { kind: "internal", path } : { kind: "internal", path, fragment };
}

/**
 * The built file a path is served from on a plain static host, or why there is none:
 * `docker/d1/` → `docker/d1/index.html`; `docker/d1` (a folder without `/`) only works through a
 * redirect, which `trailingSlash: "always"` promises never to need.
 */
export function fileForPath(path: string, exists: (file: string) => boolean): { file: string } | { problem: string } {
  if (path === "" || path.endsWith("/")) {
    const file = `${path}index.html`;
    return exists(file) ? { file } : { problem: `no page ${file}` };
  }
  if (exists(path)) return { file: path };
  if (exists(`${path}/index.html`)) return { problem: `${path} is a folder: the link needs a trailing slash (${path}/)` };
  return { problem: `no file ${path}` };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
