/**
 * Sessions are numbered like `23-5` (cohort 23, session 5). They sort numerically part by part,
 * so `23-10` comes after `23-9`.
 */
export function compareSessions(a: string, b: string): number {
  const pa = a.split(/[-.]/).map(Number);
  const pb = b.split(/[-.]/).map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const diff = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (diff !== 0) return diff;
  }
  return 0;
}

/** `24-1차 · AWS 트랙`: a session number, and its track when it has one. */
export const sessionNumberLabel = (session: string, track?: string) => (track ? `${session}차 · ${track} 트랙` : `${session}차`);

/** `MSP T3 · 23-5차`, `MSP T3 · 24-1차 · AWS 트랙`: where a question was asked. */
export const sessionLabel = (course: string, session: string, track?: string) => `${course} · ${sessionNumberLabel(session, track)}`;

export interface SessionOrdered {
  readonly course: string;
  readonly session: string;
  readonly line: number;
}

/** Notes order: by course, then session, then the line the question had in its notes file. */
export function compareBySource(a: SessionOrdered, b: SessionOrdered): number {
  return a.course.localeCompare(b.course) || compareSessions(a.session, b.session) || a.line - b.line;
}
