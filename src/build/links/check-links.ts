import type { Problem } from "../../core/problems";
import { scanHtml, type HtmlScan } from "../html/scan-html";
import { cssReferences } from "./css-references";
import { fileForPath, resolveLink, servedPath, type SiteLocation } from "./resolve-link";

/** A built site as files: paths relative to its folder (`docker/d1/index.html`), and their text. */
export interface BuiltSite {
  readonly files: readonly string[];
  read(file: string): string;
}

export interface LinkReport {
  readonly problems: Problem[];
  /** Internal URLs checked (links, assets, canonical and card URLs, stylesheet URLs). */
  readonly checked: number;
  /** Of those, how many carried a `#fragment` checked against the target page's ids. */
  readonly fragments: number;
  /** URLs to other sites, not followed. */
  readonly external: number;
  readonly pages: number;
}

/** Fragments every page has by definition (HTML: `#` and `#top` scroll to the top). */
const ALWAYS_PRESENT_FRAGMENTS = new Set(["", "top"]);

/**
 * Checks that every internal URL in the built pages (`href`, `src`, `srcset`, `action`, unfurl
 * `<meta>` URLs), stylesheets (`url()`) and sitemaps (`<loc>`) resolves to a built file under the
 * base path, and every `#fragment` to an element id on its target page.
 */
export function checkLinks(site: BuiltSite, location: SiteLocation): LinkReport {
  const exists = new Set(site.files);
  const scans = new Map<string, HtmlScan>();
  const scanOf = (file: string) => {
    let scan = scans.get(file);
    if (!scan) scans.set(file, (scan = scanHtml(site.read(file))));
    return scan;
  };
  const problems: Problem[] = [];
  let checked = 0;
  let fragments = 0;
  let external = 0;

  const check = (from: string, value: string, line: number, what: string) => {
    const resolved = resolveLink(value, servedPath(from, location.base), location);
    if (resolved.kind === "external") {
      external++;
      return;
    }
    checked++;
    const fail = (message: string) => problems.push({ file: from, line, severity: "error", message: `${what} "${value}": ${message}` });
    if (resolved.kind === "outside-base") return fail(`${resolved.pathname} is outside the base path ${location.base}`);
    if (from === "404.html" && !/^([a-z][a-z0-9+.-]*:|\/|#)/i.test(value)) {
      return fail("404.html is served at every missing URL, so its links must start with / (use url())");
    }
    const target = fileForPath(resolved.path, (f) => exists.has(f));
    if ("problem" in target) return fail(target.problem);
    if (resolved.fragment === undefined || !target.file.endsWith(".html")) return;
    fragments++;
    if (ALWAYS_PRESENT_FRAGMENTS.has(resolved.fragment)) return;
    if (!scanOf(target.file).ids.has(resolved.fragment)) fail(`no element with id="${resolved.fragment}" in ${target.file}`);
  };

  const pages = site.files.filter((f) => f.endsWith(".html"));
  for (const page of pages) {
    for (const ref of scanOf(page).references) check(page, ref.value, ref.line, `<${ref.tag} ${ref.attribute}>`);
  }
  for (const sheet of site.files.filter((f) => f.endsWith(".css"))) {
    for (const ref of cssReferences(site.read(sheet))) check(sheet, ref.value, ref.line, "url()");
  }
  if (exists.has("_redirects")) {
    // `_redirects` (Netlify, Cloudflare Pages): `<from> <to> [status]`; both under the base, the target a built page.
    site
      .read("_redirects")
      .split("\n")
      .forEach((text, i) => {
        const [from, to] = text.trim().split(/\s+/);
        if (!from || from.startsWith("#")) return;
        if (!to) return problems.push({ file: "_redirects", line: i + 1, severity: "error", message: `"${text}": no target` });
        check("_redirects", to, i + 1, `redirect ${from} →`);
        if (!from.startsWith(location.base)) {
          problems.push({
            file: "_redirects",
            line: i + 1,
            severity: "error",
            message: `redirect from ${from}: outside the base path ${location.base}`,
          });
        }
      });
  }
  for (const page of pages) checkRetiredPage(page, site.read(page), problems);
  for (const sitemap of site.files.filter((f) => /(^|\/)sitemap[^/]*\.xml$/.test(f))) {
    const text = site.read(sitemap);
    for (const match of text.matchAll(/<loc>\s*([^<\s]+)\s*<\/loc>/g)) {
      check(sitemap, decodeXmlEntities(match[1]!), text.slice(0, match.index).split("\n").length, "<loc>");
    }
  }
  return { problems, checked, fragments, external, pages: pages.length };
}

/**
 * The pages that stand where a question was (src/site/pages/[topic]/[...retired].astro): a redirect
 * page must send the browser on (meta refresh) and name the same target as its canonical URL; a
 * tombstone must ask not to be indexed. Their links are checked like every page's.
 */
function checkRetiredPage(page: string, html: string, problems: Problem[]) {
  const kind = /data-retired="(moved|removed)"/.exec(html)?.[1];
  if (!kind) return;
  const fail = (message: string) => problems.push({ file: page, line: 0, severity: "error", message });
  if (kind === "removed") {
    if (!/<meta name="robots" content="noindex"/.test(html)) fail('tombstone page without <meta name="robots" content="noindex">');
    return;
  }
  const refresh = /<meta http-equiv="refresh" content="0; url=([^"]+)"/.exec(html)?.[1];
  const canonical = /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1];
  if (!refresh) return fail('redirect page without <meta http-equiv="refresh">');
  if (!canonical || !canonical.endsWith(refresh))
    fail(`redirect page: canonical ${canonical ?? "(none)"} is not the refresh target ${refresh}`);
}

function decodeXmlEntities(text: string): string {
  return text
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'");
}
