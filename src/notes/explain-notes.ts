/**
 * `npm run import -- --explain <notes.md>…`: how the parser read a notes file, in words, before an
 * author trusts it with an import. Pure: parsed notes in, lines of text out (the CLI prints them and
 * writes nothing). Lists course, session and track (and where they were read from), each topic with
 * its questions, each topic and session note with its line range, and every problem.
 */
import { formatProblem } from "../core/problems";
import { sessionNumberLabel } from "../core/sessions";
import { getTopic, TOPICS } from "../core/topics";
import type { ParsedNote, ParsedNotes } from "./parse-course-notes";

const SOURCE_WORDS = {
  title: "read from the title",
  frontmatter: "read from the frontmatter",
  "frontmatter+title": "frontmatter, completed by the title",
  none: "not found",
} as const;

export function explainNotes(notes: ParsedNotes): string[] {
  const out = [`${notes.file}`];
  out.push(
    `  course: ${notes.course || "?"} · session: ${notes.session ? sessionNumberLabel(notes.session) : "?"} · track: ${notes.track ?? "none"}` +
      `  (${SOURCE_WORDS[notes.titleSource]})`,
  );
  out.push(`  questions: ${notes.questions.length}`);
  for (const topic of TOPICS) {
    const questions = notes.questions.filter((q) => q.topic === topic.id);
    if (questions.length === 0) continue;
    const moved = questions.filter((q) => q.sectionTopic !== topic.id).length;
    const first = questions[0]!.line;
    const last = questions[questions.length - 1]!.line;
    const lines = last > first ? `lines ${first}–${last}` : `line ${first}`;
    out.push(
      `    ${topic.label}: ${plural(questions.length, "question")} (${lines}${moved ? `; ${moved} moved here from another section` : ""})`,
    );
  }
  out.push(`  topic notes: ${notes.topicNotes.length}`);
  for (const note of notes.topicNotes) out.push(`    ${getTopic(note.topic).label} · ${noteLine(note)}`);
  out.push(`  session notes: ${notes.sessionNotes.length}`);
  for (const note of notes.sessionNotes) out.push(`    ${noteLine(note)}`);
  const problems = notes.problems;
  out.push(`  problems: ${problems.length === 0 ? "none" : problems.length}`);
  for (const problem of problems) out.push(`    ${formatProblem(problem)}`);
  return out;
}

/** `lines 36–38  "Docker summary"`, or `lines 4–10  (untitled)`. */
function noteLine(note: ParsedNote): string {
  const last = note.bodyLines[note.bodyLines.length - 1] ?? note.line;
  const range = last > note.line ? `lines ${note.line}–${last}` : `line ${note.line}`;
  return `${range}  ${note.title ? `"${note.title}"` : "(untitled)"}`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
