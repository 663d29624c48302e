import type { TopicId } from "./topics";

/**
 * Every internal URL is built here, so a deploy under a subfolder (`BASE_PATH=/mspt3/`) changes
 * one value instead of every link. Paths end in `/` because each page is `<path>/index.html`.
 */
export function withBase(base: string, path: string): string {
  const prefix = base.endsWith("/") ? base : `${base}/`;
  return `${prefix}${path.replace(/^\/+/, "")}`;
}

export const topicPath = (topic: TopicId) => `${topic}/`;
export const questionPath = (topic: TopicId, id: string) => `${topic}/${id}/`;
export const searchPath = (query?: string) => (query ? `search/?q=${encodeURIComponent(query)}` : "search/");
