import { gzipSync } from "node:zlib";
import { parse, type DefaultTreeAdapterTypes } from "parse5";
import { normalizeBase } from "../core/base-path.mjs";
import { searchPath } from "../core/site-paths";
import { TOPIC_IDS } from "../core/topics";

/**
 * The page-weight budgets of docs/performance.md, checked on a built site (`npm run check:budgets`,
 * and the `site` test project on every run of `npm test` / `npm run test:all`):
 *
 * - a question page's HTML stays ≤ 30 KB (raw bytes, as written to dist/);
 * - the JavaScript a page loads before search is used stays ≤ 15 KB gzip (every page but the search
 *   page, whose scripts are the search and whose cost bench:scale measures as "first search"): its `<script src>` and
 *   `modulepreload` files, every module they import statically (Pagefind and the search code load
 *   with a dynamic `import()` on first use, so they are not counted), and `sw.js`, which every
 *   page registers;
 * - no page's HTML is over 200 KB.
 *
 * Hand-written rather than size-limit: size-limit measures bundles an app declares, while these
 * budgets are per built page and follow each page's own script tags; the rule fits in this file.
 */
export const BUDGETS = {
  questionPageHtml: 30 * 1024,
  scriptBeforeSearchGzip: 15 * 1024,
  anyPageHtml: 200 * 1024,
} as const;

export interface BuiltSite {
  /** Every file of the build, relative to its folder, `/`-separated. */
  readonly files: readonly string[];
  readonly read: (file: string) => Buffer;
  /** The base path the site was built for (`BASE_PATH`). */
  readonly base: string;
}

export interface PageFigures {
  readonly page: string;
  readonly htmlBytes: number;
  readonly scriptGzipBytes: number;
  readonly scripts: readonly string[];
}

export interface BudgetReport {
  readonly pages: readonly PageFigures[];
  /** One line per budget a page breaks, naming the page, the figure and the budget. */
  readonly problems: readonly string[];
}

const QUESTION_PAGE = new RegExp(`^(?:${TOPIC_IDS.join("|")})/[a-z]+\\d+/index\\.html$`);
// Static imports of a built module: `import{a}from"./x.js"`, `import"./x.js"`, `export*from"./x.js"`.
// Dynamic `import("./x.js")` is what loads on first use, so it is not matched.
const STATIC_IMPORT = /(?:\bimport|\bexport)\s*(?:[\w*{}\s,$]+?\s*from\s*)?["']([^"']+\.m?js)["']/g;

/** The search page: it loads the search itself, so the before-search budget does not apply. */
export const SEARCH_PAGE = `${searchPath()}index.html`;

export const isQuestionPage = (file: string) => QUESTION_PAGE.test(file);

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export function checkBudgets(site: BuiltSite): BudgetReport {
  const base = normalizeBase(site.base);
  const present = new Set(site.files);
  const gzipped = new Map<string, number>();
  const gzipSize = (file: string) => {
    let size = gzipped.get(file);
    if (size === undefined) gzipped.set(file, (size = gzipSync(site.read(file)).length));
    return size;
  };
  const serviceWorker = present.has("sw.js") ? ["sw.js"] : [];

  const pages: PageFigures[] = [];
  const problems: string[] = [];
  for (const page of site.files.filter((f) => f.endsWith(".html"))) {
    const html = site.read(page);
    const entries = scriptFiles(html.toString("utf8"), page, base).filter((f) => present.has(f));
    const scripts = [...modulesLoaded(entries, site, present), ...serviceWorker];
    const figures: PageFigures = {
      page,
      htmlBytes: html.length,
      scriptGzipBytes: scripts.reduce((sum, f) => sum + gzipSize(f), 0),
      scripts,
    };
    pages.push(figures);
    if (isQuestionPage(page) && figures.htmlBytes > BUDGETS.questionPageHtml) {
      problems.push(`${page}: question page HTML is ${kb(figures.htmlBytes)}, over the ${kb(BUDGETS.questionPageHtml)} budget`);
    }
    if (figures.htmlBytes > BUDGETS.anyPageHtml) {
      problems.push(`${page}: page HTML is ${kb(figures.htmlBytes)}, over the ${kb(BUDGETS.anyPageHtml)} budget`);
    }
    if (page !== SEARCH_PAGE && figures.scriptGzipBytes > BUDGETS.scriptBeforeSearchGzip) {
      problems.push(
        `${page}: JavaScript loaded before search is ${kb(figures.scriptGzipBytes)} gzip (${scripts.join(", ")}), over the ${kb(BUDGETS.scriptBeforeSearchGzip)} budget`,
      );
    }
  }
  return { pages, problems };
}

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

/** Files of `<script src>` and `<link rel="modulepreload">` on a page, relative to the build folder. */
function scriptFiles(html: string, page: string, base: string): string[] {
  const found: string[] = [];
  const walk = (node: Node) => {
    if ("tagName" in node) {
      const element = node as Element;
      const attr = (name: string) => element.attrs.find((a) => a.name === name)?.value;
      const src =
        element.tagName === "script"
          ? attr("src")
          : element.tagName === "link" && attr("rel") === "modulepreload"
            ? attr("href")
            : undefined;
      if (src) {
        const file = builtFile(src, page, base);
        if (file) found.push(file);
      }
    }
    if ("childNodes" in node) for (const child of node.childNodes) walk(child);
  };
  walk(parse(html));
  return found;
}

/** A same-site URL written on `page` as a file of the build; undefined for another origin. */
function builtFile(src: string, page: string, base: string): string | undefined {
  const pageUrl = new URL(`${base}${page}`, "http://site.invalid");
  const url = new URL(src, pageUrl);
  if (url.origin !== pageUrl.origin || !url.pathname.startsWith(base)) return undefined;
  return decodeURIComponent(url.pathname.slice(base.length));
}

/** The entry modules and everything they import statically, each once. */
function modulesLoaded(entries: readonly string[], site: BuiltSite, present: ReadonlySet<string>): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || !present.has(file)) return;
    seen.add(file);
    const text = site.read(file).toString("utf8");
    for (const [, target] of text.matchAll(STATIC_IMPORT)) {
      const resolved = new URL(target!, `http://site.invalid/${file}`).pathname.slice(1);
      visit(decodeURIComponent(resolved));
    }
  };
  entries.forEach(visit);
  return [...seen];
}
