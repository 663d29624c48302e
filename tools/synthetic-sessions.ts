/**
 * Synthetic course notes for the scale benchmark: N sessions made from one real notes file.
 * Session i gets the title `# <course> - <cohort>-<i>차` and every question gets a ` (S<i>)` suffix,
 * so each of the N × 50 questions is distinct (ids, search, related questions all see unique text)
 * while the answers, transcripts and images stay the real ones.
 */
export interface SyntheticNotes {
  readonly name: string;
  readonly text: string;
}

const TITLE = /^# (?<course>.+?) - (?<cohort>\d+)-\d+차\s*$/m;
const QUESTION = /^([-*+] )(.*\S)\s*$/gm;

export function makeSyntheticSessions(realNotes: string, sessions: number): SyntheticNotes[] {
  const title = TITLE.exec(realNotes)?.groups;
  if (!title) throw new Error("the notes have no `# <course> - <cohort>-<n>차` title");
  const { course = "", cohort = "" } = title;
  return Array.from({ length: sessions }, (_, index) => {
    const session = index + 1;
    const text = realNotes
      .replace(TITLE, `# ${course} - ${cohort}-${session}차`)
      .replace(QUESTION, (_m, bullet: string, question: string) => `${bullet}${question} (S${session})`);
    return { name: `bench-${cohort}-${session}.md`, text };
  });
}
