/**
 * Where a notes file says which course, session and track it is. Real notes name them three ways
 * (issue 11): `# MSP T3 - 23-5차`, `# MSP T3 - mspt3_24-1차 (AWS Track)` and
 * `# Docker & Kubernetes 노트 (MSP T2 10차)  (✿◡‿◡)`. Each way is one row of `TITLE_FORMS`, kept as
 * data like the transcript prompts (src/markdown/transcripts/prompts.ts): a new title shape is one
 * more row. Frontmatter (`course:`, `session:`, `track:`) at the top of a file always wins, so an
 * author can import a file whose title no row reads.
 */

export interface SessionName {
  readonly course: string;
  readonly session: string;
  /** `AWS` for `(AWS Track)`; shown as `24-1차 · AWS 트랙`. */
  readonly track?: string;
}

export interface TitleForm {
  /** What the form is, for tests and `--explain`. */
  readonly name: string;
  /** Titles of this form, exactly as written in notes (the tests read every one). */
  readonly examples: readonly string[];
  /** Reads a `# …` line's text (after `# `); groups `course`, `session` and optionally `track`. */
  readonly pattern: RegExp;
}

/** A session number: `6`, `10`, `23-5`, `24-1`. */
const SESSION = String.raw`(?<session>\d+(?:-\d+)*)`;

export const TITLE_FORMS: readonly TitleForm[] = [
  {
    // The first real file's title; the session may repeat the course id (`mspt3_24-2`) and a track
    // may follow in parentheses (`(SCP Track)`, `(AWS 트랙)`).
    name: "course - session",
    examples: ["MSP T3 - 23-5차", "MSP T3 - mspt3_24-2차 (SCP Track)", "MSP T3 - mspt3_24-1차 (AWS Track)"],
    pattern: new RegExp(
      String.raw`^(?<course>.+?)\s+-\s+(?:[A-Za-z0-9]+_)?${SESSION}\s*차\s*(?:\(\s*(?<track>[^()]*?\S)\s*(?:Track|track|트랙)\s*\))?\s*$`,
    ),
  },
  {
    // MSP T2 names the course and session inside parentheses, after a free-form title, and may end
    // with an emoticon.
    name: "(course session)",
    examples: ["Docker & Kubernetes 노트 (MSP T2 10차)  (✿◡‿◡)", "Docker & Kubernetes 노트 (MSP T2 23-2차)"],
    pattern: new RegExp(String.raw`\((?<course>[^()]*?\S)\s+${SESSION}\s*차\s*\)`),
  },
];

/** Reads a title's text; undefined when no form fits. */
export function readTitle(text: string): (SessionName & { form: string }) | undefined {
  for (const form of TITLE_FORMS) {
    const groups = form.pattern.exec(text.trim())?.groups;
    if (groups?.course && groups.session) {
      return { course: groups.course.trim(), session: groups.session, track: groups.track?.trim() || undefined, form: form.name };
    }
  }
  return undefined;
}

/** How to fix a title no form reads: shown with the error. */
export const TITLE_HELP =
  "write the title as `# MSP T3 - 23-5차` (or `# … (MSP T2 10차)`), or put frontmatter at the top of the file: " +
  "`---` / `course: MSP T3` / `session: 23-5` / `track: AWS` (optional) / `---`";

export interface Frontmatter {
  readonly fields: Partial<Record<"course" | "session" | "track", string>>;
  /** Number of lines it spans, both `---` lines included (0: none). */
  readonly lineCount: number;
  /** Fields other than course, session and track, with their lines: reported, not silently ignored. */
  readonly unknown: readonly { key: string; line: number }[];
}

const FRONTMATTER_FIELD = /^(?<key>[A-Za-z][\w-]*)\s*:\s*(?<value>.*?)\s*$/;
const MAX_FRONTMATTER_LINES = 20;

/**
 * Frontmatter at line 1: `---`, then `key: value` lines, then `---`. Anything else at line 1 (a
 * `---` separator followed by notes) is not frontmatter.
 */
export function readFrontmatter(lines: readonly string[]): Frontmatter {
  const none = { fields: {}, lineCount: 0, unknown: [] };
  if (lines[0]?.trim() !== "---") return none;
  const fields: Record<string, string> = {};
  const unknown: { key: string; line: number }[] = [];
  for (let i = 1; i < Math.min(lines.length, MAX_FRONTMATTER_LINES); i++) {
    const line = lines[i]!;
    if (line.trim() === "---") return { fields, lineCount: i + 1, unknown };
    if (line.trim() === "") continue;
    const groups = FRONTMATTER_FIELD.exec(line)?.groups;
    if (!groups?.key) return none;
    const value = (groups.value ?? "").replace(/^(["'])(.*)\1$/, "$2").trim();
    if (groups.key === "course" || groups.key === "session" || groups.key === "track") fields[groups.key] = value;
    else unknown.push({ key: groups.key, line: i + 1 });
  }
  return none;
}

/** `AWS Track`, `AWS 트랙` and `AWS` all name the track `AWS`. */
export function normalizeTrack(track: string): string | undefined {
  return track.replace(/\s*(?:track|트랙)\s*$/i, "").trim() || undefined;
}
