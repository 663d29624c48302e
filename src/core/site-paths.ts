/**
 * Every internal URL is built here, so a deploy under a subfolder (`BASE_PATH=/mspt3/`) changes
 * one value instead of every link. Paths end in `/` because each page is `<path>/index.html`.
 * `withBase(base, path)` joins them (src/core/base-path.mjs, the one base-path normaliser).
 */
import type { TopicId } from "./topics";

export { normalizeBase, withBase } from "./base-path.mjs";

/** A topic page; page 2 and on list later id ranges (src/browse/topic-pages.ts). */
export const topicPath = (topic: TopicId, page = 1) => (page > 1 ? `${topic}/page/${page}/` : `${topic}/`);
export const questionPath = (topic: TopicId, id: string) => `${topic}/${id}/`;
export const searchPath = (query?: string) => (query ? `search/?q=${encodeURIComponent(query)}` : "search/");
/** Tag pages: `/tags/` lists the tags, `/tags/<term id>/` (then `2/`, `3/` …) a tag's questions. */
export const tagsPath = () => "tags/";
export const tagPath = (termId: string, page = 1) => (page > 1 ? `tags/${termId}/${page}/` : `tags/${termId}/`);
/** Session pages: `/sessions/` lists the sessions, `/sessions/<key>/<topic>/` one session's questions of a topic. */
export const sessionsPath = () => "sessions/";
export const sessionTopicPath = (sessionKey: string, topic: TopicId) => `sessions/${sessionKey}/${topic}/`;
/** One session's page: its topics and its session notes (`/sessions/<key>/`). */
export const sessionPath = (sessionKey: string) => `sessions/${sessionKey}/`;
