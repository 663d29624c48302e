import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { TOPIC_IDS, type TopicId } from "../core/topics";
import { EMPTY_LEDGER, LEDGER_FILE, parseLedger, type IdLedger } from "../import/id-ledger";
import { parseQuestionId } from "../import/question-ids";
import { parsePublishedUrls, publishedPath, PUBLISHED_URLS_FILE, retiredPages, type RetiredPages } from "./url-history";

/**
 * The URL history of a content folder as files on disk: its id ledger, its published-URL list and
 * the question entries it holds. Read the same way by the pages (tombstones, redirects), the
 * sitemap (which leaves them out), the build's URL check and `_redirects`.
 */
export interface UrlHistory {
  readonly ledger: IdLedger;
  /** Published page paths under the base (`docker/d5/`; the home page is ``). */
  readonly published: readonly string[];
  /** Whether the content folder has a published-URL list yet. */
  readonly hasPublishedList: boolean;
  readonly live: readonly { topic: TopicId; id: string }[];
  readonly retired: RetiredPages;
}

export function readUrlHistory(contentDir: string): UrlHistory {
  const read = (file: string) => {
    const full = path.join(contentDir, file);
    return existsSync(full) ? readFileSync(full, "utf8") : undefined;
  };
  const ledgerText = read(LEDGER_FILE);
  // `npm run check` (run before any page is built) reports an unreadable ledger.
  const ledger = ledgerText === undefined ? EMPTY_LEDGER : parseLedger(ledgerText, LEDGER_FILE).ledger;
  const publishedText = read(PUBLISHED_URLS_FILE);
  const published = parsePublishedUrls(publishedText ?? "").map(publishedPath);
  const live: { topic: TopicId; id: string }[] = [];
  for (const topic of TOPIC_IDS) {
    const folder = path.join(contentDir, topic);
    if (!existsSync(folder)) continue;
    for (const file of readdirSync(folder).sort()) {
      const id = file.replace(/\.md$/, "");
      if (file.endsWith(".md") && parseQuestionId(id)) live.push({ topic, id });
    }
  }
  return { ledger, published, hasPublishedList: publishedText !== undefined, live, retired: retiredPages({ ledger, live, published }) };
}
