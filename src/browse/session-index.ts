import { sessionKey } from "./group-by-session";
import { compareSessions, sessionLabel } from "../core/sessions";

export interface SessionSummary<T> {
  /** `msp-t3-23-5`: the URL segment of the session's pages. */
  readonly key: string;
  readonly course: string;
  readonly session: string;
  readonly track?: string;
  /** `MSP T3 · 23-5차`, `MSP T3 · 24-1차 · AWS 트랙` */
  readonly label: string;
  /** The session's items per topic, in the topic order given, topics without items left out. */
  readonly byTopic: { readonly topic: string; readonly items: T[] }[];
  readonly count: number;
}

/**
 * Every session of the site, newest first (course by name, then session number descending, then
 * track by name), with its items per topic. Items keep the order they were given (notes order).
 */
export function sessionIndex<T>(
  items: readonly T[],
  source: (item: T) => { course: string; session: string; track?: string; topic: string },
  topicOrder: readonly string[],
): SessionSummary<T>[] {
  const sessions = new Map<string, { course: string; session: string; track?: string; perTopic: Map<string, T[]>; count: number }>();
  for (const item of items) {
    const { course, session, track, topic } = source(item);
    const key = sessionKey(course, session, track);
    let entry = sessions.get(key);
    if (!entry) sessions.set(key, (entry = { course, session, track, perTopic: new Map(), count: 0 }));
    const list = entry.perTopic.get(topic);
    if (list) list.push(item);
    else entry.perTopic.set(topic, [item]);
    entry.count++;
  }
  return [...sessions]
    .map(([key, s]) => ({
      key,
      course: s.course,
      session: s.session,
      ...(s.track ? { track: s.track } : {}),
      label: sessionLabel(s.course, s.session, s.track),
      byTopic: topicOrder.filter((t) => s.perTopic.has(t)).map((topic) => ({ topic, items: s.perTopic.get(topic)! })),
      count: s.count,
    }))
    .sort(
      (a, b) => a.course.localeCompare(b.course) || compareSessions(b.session, a.session) || (a.track ?? "").localeCompare(b.track ?? ""),
    );
}
