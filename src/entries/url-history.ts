import { questionPath } from "../core/site-paths";
import { isTopicId, type TopicId } from "../core/topics";
import type { IdLedger, IdRecord } from "../import/id-ledger";

/**
 * What keeps every URL the site ever published working (issue: "a link, once shared, never breaks
 * and never changes meaning"). Pure functions shared by the pages that write tombstones and
 * redirects (src/site), the build step that proves no published URL vanished and writes
 * `_redirects` (src/build/url-history.ts), and the link check.
 *
 * `content/published-urls.txt` lists every page path (under the base, e.g. `docker/d5/`) any build
 * of this content has produced; the build adds new ones and fails when one would now 404.
 */
export const PUBLISHED_URLS_FILE = "published-urls.txt";

/**
 * Pages a list splits into (`docker/page/2/`, `tags/pod/3/`): their number follows the number of
 * questions, so they may come and go. Not recorded, and not checked.
 */
export function isPaginationPath(pagePath: string): boolean {
  return /^[^/]+\/page\/\d+\/$/.test(pagePath) || /^tags\/[^/]+\/\d+\/$/.test(pagePath);
}

export function parsePublishedUrls(text: string): string[] {
  return text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "" && !l.startsWith("#"));
}

export function renderPublishedUrls(paths: Iterable<string>): string {
  const sorted = [...new Set(paths)].sort((a, b) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b)));
  const header = [
    "# Every page URL (path under the site's base) a build of this content has published. Written by npm run build.",
    "# Commit it. The build fails when a URL listed here would now 404 without a tombstone or a redirect.",
    "# Pagination pages (<topic>/page/N/, tags/<tag>/N/) are not listed: they follow the number of questions.",
    "# The home page is the empty path, written as /.",
  ];
  return `${header.join("\n")}\n${sorted.map((p) => (p === "" ? "/" : p)).join("\n")}\n`;
}

/** `/` in the file is the home page, whose path under the base is empty. */
export const publishedPath = (line: string) => (line === "/" ? "" : line);

export interface Tombstone {
  /** Page path under the base, e.g. `docker/d21/`. */
  readonly path: string;
  readonly topic: TopicId;
  readonly id: string;
  readonly record: IdRecord;
  /** The live question that replaces it (`replacedBy`, followed through removed ids). */
  readonly replacement?: { readonly topic: TopicId; readonly id: string };
}

export interface Redirect {
  /** Old page path under the base, e.g. `docker/d5/`. */
  readonly from: string;
  /** New page path under the base, e.g. `kubernetes/d5/`. */
  readonly to: string;
  readonly id: string;
}

export interface RetiredPages {
  readonly tombstones: readonly Tombstone[];
  readonly redirects: readonly Redirect[];
}

const QUESTION_PATH = /^(?<topic>[^/]+)\/(?<id>[a-z]+[1-9][0-9]*)\/$/;

/**
 * The pages that stand where questions were: a tombstone at every URL a removed question had (its
 * last topic and every earlier one), a redirect from every earlier topic of a moved question to
 * its current page. Question URLs on the published list whose id now lives elsewhere redirect too,
 * so an entry moved by hand still keeps its link. Never a page where a live question is.
 */
export function retiredPages(input: {
  readonly ledger: IdLedger;
  readonly live: readonly { topic: TopicId; id: string }[];
  readonly published?: readonly string[];
}): RetiredPages {
  const liveTopic = new Map<string, TopicId>();
  for (const q of input.live) if (!liveTopic.has(q.id)) liveTopic.set(q.id, q.topic);
  const livePaths = new Set(input.live.map((q) => questionPath(q.topic, q.id)));
  const records = new Map(input.ledger.records.map((r) => [r.id, r]));
  const tombstones = new Map<string, Tombstone>();
  const redirects = new Map<string, Redirect>();

  const replacementOf = (record: IdRecord) => {
    const seen = new Set<string>();
    let next = record.replacedBy;
    while (next !== undefined && !seen.has(next)) {
      seen.add(next);
      const topic = liveTopic.get(next);
      if (topic) return { topic, id: next };
      next = records.get(next)?.replacedBy;
    }
    return undefined;
  };
  const addTombstone = (topic: TopicId, record: IdRecord) => {
    const path = questionPath(topic, record.id);
    if (livePaths.has(path) || tombstones.has(path)) return;
    const replacement = replacementOf(record);
    tombstones.set(path, { path, topic, id: record.id, record, ...(replacement ? { replacement } : {}) });
  };
  const addRedirect = (fromTopic: TopicId, id: string) => {
    const topic = liveTopic.get(id);
    const from = questionPath(fromTopic, id);
    if (!topic || livePaths.has(from)) return;
    redirects.set(from, { from, to: questionPath(topic, id), id });
  };

  for (const record of input.ledger.records) {
    for (const topic of [...(record.movedFrom ?? []), record.topic]) {
      if (liveTopic.has(record.id)) addRedirect(topic, record.id);
      else addTombstone(topic, record);
    }
  }
  for (const line of input.published ?? []) {
    const groups = QUESTION_PATH.exec(line)?.groups;
    if (!groups?.topic || !groups.id || !isTopicId(groups.topic)) continue;
    if (liveTopic.has(groups.id)) addRedirect(groups.topic, groups.id);
    else {
      const record = records.get(groups.id);
      if (record) addTombstone(groups.topic, record);
    }
  }
  const byPath = <T extends { path?: string; from?: string }>(a: T, b: T) =>
    String(a.path ?? a.from).localeCompare(String(b.path ?? b.from));
  return { tombstones: [...tombstones.values()].sort(byPath), redirects: [...redirects.values()].sort(byPath) };
}

/** Published page paths that a build no longer produces (pagination pages exempt). */
export function vanishedUrls(published: readonly string[], built: ReadonlySet<string>): string[] {
  return published.filter((p) => !isPaginationPath(p) && !built.has(p));
}

/** `_redirects` (Netlify, Cloudflare Pages): `<from> <to> 301` a line, with the base path. */
export function redirectsFile(redirects: readonly Redirect[], base: string): string {
  const prefix = base.endsWith("/") ? base : `${base}/`;
  return redirects.map((r) => `${prefix}${r.from} ${prefix}${r.to} 301`).join("\n") + (redirects.length > 0 ? "\n" : "");
}
