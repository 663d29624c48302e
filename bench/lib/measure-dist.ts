import { statSync } from "node:fs";
import path from "node:path";
import { listFiles } from "../../src/core/replace-folder";

export interface DistSizes {
  readonly totalBytes: number;
  readonly questionPages: number;
  readonly questionHtmlMedian: number;
  readonly questionHtmlMax: number;
  readonly topicHtmlMax: number;
  readonly largestPage: { path: string; bytes: number };
  readonly pagefindBytes: number;
}

const QUESTION_PAGE = /^(docker|kubernetes|helm)\/[a-z]+\d+\/index\.html$/;
// A topic page and its further pages, if the topic is split (`docker/index.html`, `docker/page/2/index.html`).
const TOPIC_PAGE = /^(docker|kubernetes|helm)\/(?:[^/]+\/)*index\.html$/;

/** Sizes of a built site, read from disk. */
export function measureDist(dist: string): DistSizes {
  const files = listFiles(dist).map((p) => ({ path: p, bytes: statSync(path.join(dist, p)).size }));
  const html = files.filter((f) => f.path.endsWith(".html"));
  const questions = html
    .filter((f) => QUESTION_PAGE.test(f.path))
    .map((f) => f.bytes)
    .sort((a, b) => a - b);
  const topics = html.filter((f) => TOPIC_PAGE.test(f.path) && !QUESTION_PAGE.test(f.path));
  const largest = html.reduce((max, f) => (f.bytes > max.bytes ? f : max), { path: "", bytes: 0 });
  return {
    totalBytes: sum(files.map((f) => f.bytes)),
    questionPages: questions.length,
    questionHtmlMedian: questions[Math.floor(questions.length / 2)] ?? 0,
    questionHtmlMax: questions[questions.length - 1] ?? 0,
    topicHtmlMax: Math.max(0, ...topics.map((f) => f.bytes)),
    largestPage: largest,
    pagefindBytes: sum(files.filter((f) => f.path.startsWith("pagefind/")).map((f) => f.bytes)),
  };
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
