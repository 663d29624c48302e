import { createHash } from "node:crypto";

/**
 * The site's Content-Security-Policy, one source for the `<meta>` written into every page at build
 * time and the header form the README gives for hosts that can send headers.
 *
 * - Everything comes from this origin (`'self'`): the site makes no third-party request at all.
 * - `script-src` has no `'unsafe-inline'` and no `'unsafe-eval'`. `'wasm-unsafe-eval'` lets
 *   Pagefind compile its WebAssembly search engine (it allows `WebAssembly.compile`, not `eval`).
 *   An inline script that truly must exist is allowed by its SHA-256, computed at build time.
 * - Shiki colours code with inline `style="--shiki-light:…"` attributes. `style-src-attr
 *   'unsafe-inline'` allows exactly those attributes, while `<style>` elements and stylesheets stay
 *   limited to this origin (plus hashes of inline `<style>` blocks). A style attribute can't run
 *   code, and every URL it could load is still bound by `img-src`/`font-src` to this origin.
 * - `img-src` adds `data:` for small inline icons (no request leaves the page).
 */
export interface PolicyHashes {
  /** `'sha256-…'` sources of inline scripts. */
  readonly scripts?: readonly string[];
  /** `'sha256-…'` sources of inline `<style>` elements. */
  readonly styles?: readonly string[];
}

export type PolicyForm = "meta" | "header";

export function contentSecurityPolicy(hashes: PolicyHashes = {}, form: PolicyForm = "meta"): string {
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    ["script-src", "'self'", "'wasm-unsafe-eval'", ...unique(hashes.scripts)],
    ["style-src", "'self'", ...unique(hashes.styles)],
    ["style-src-attr", "'unsafe-inline'"],
    ["img-src", "'self'", "data:"],
    ["font-src", "'self'"],
    ["connect-src", "'self'"],
    ["worker-src", "'self'"],
    ["manifest-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'"],
  ];
  // Only a header can say who may frame the site; a <meta> policy ignores frame-ancestors.
  if (form === "header") directives.push(["frame-ancestors", "'self'"]);
  return directives.map((d) => d.join(" ")).join("; ");
}

/** The CSP source that allows one inline `<script>`/`<style>` whose text is `text`. */
export function sha256Source(text: string): string {
  return `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
}

function unique(values: readonly string[] = []): string[] {
  return [...new Set(values)].sort();
}
