import { sessionLabel } from "../core/sessions";

export interface SessionGroup<T> {
  /** ASCII key for anchors, e.g. `msp-t3-23-5`. */
  readonly key: string;
  /** `MSP T3 · 23-5차` */
  readonly label: string;
  readonly items: T[];
}

/**
 * ASCII key of a session for anchors and URLs: `MSP T3`, `23-5` → `msp-t3-23-5`. A track is part of
 * the session (two tracks of 24-1 are two classes with their own questions): `MSP T3`, `24-1`, `AWS`
 * → `msp-t3-24-1-aws`.
 */
export const sessionKey = (course: string, session: string, track?: string) =>
  [course, session, track]
    .filter(Boolean)
    .join("-")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");

/** Groups items already in notes order into consecutive runs of the same course and session. */
export function groupBySession<T>(
  items: readonly T[],
  source: (item: T) => { course: string; session: string; track?: string },
): SessionGroup<T>[] {
  const groups: SessionGroup<T>[] = [];
  for (const item of items) {
    const { course, session, track } = source(item);
    const label = sessionLabel(course, session, track);
    const last = groups[groups.length - 1];
    if (last?.label === label) last.items.push(item);
    else groups.push({ key: sessionKey(course, session, track), label, items: [item] });
  }
  return groups;
}
