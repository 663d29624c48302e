/**
 * The site's Content-Security-Policy, one source for the `<meta>` every page carries (BaseLayout)
 * and the header form the README gives for hosts that can send headers.
 *
 * - Everything comes from this origin (`'self'`): the site makes no third-party request at all.
 * - `script-src` has no `'unsafe-inline'` and no `'unsafe-eval'`. `'wasm-unsafe-eval'` lets
 *   Pagefind compile its WebAssembly search engine (it allows `WebAssembly.compile`, not `eval`).
 *   The site has no inline script (JSON-LD data blocks are not run); tests/e2e/csp.test.ts scans
 *   every built page to keep it so.
 * - Shiki colours code with inline `style="--shiki-light:…"` attributes. `style-src-attr
 *   'unsafe-inline'` allows exactly those attributes, while `<style>` elements and stylesheets stay
 *   limited to this origin. A style attribute can't run code, and every URL it could load is still bound by `img-src`/`font-src` to this origin.
 * - `img-src` adds `data:` for small inline icons (no request leaves the page).
 */
export type PolicyForm = "meta" | "header";

export function contentSecurityPolicy(form: PolicyForm = "meta"): string {
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    ["script-src", "'self'", "'wasm-unsafe-eval'"],
    ["style-src", "'self'"],
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
