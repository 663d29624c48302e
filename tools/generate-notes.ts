/**
 * The one notes generator for tests and benchmarks (issue 14: there used to be two).
 *
 * - `generateNotes`: a made-up, valid notes file of `count` questions, in any of the shapes real
 *   notes take (issue 11): the first file's `t3` shape, a `t3-track` session written with `* `
 *   bullets and odd indents, and the sister course's `t2` shape (`## Q&A` over `### Docker`,
 *   column-0 blockquotes and paragraphs, a curriculum, `## Playlist`, `## 설문요약`). Used by the
 *   interrupted-import test, bench/author-tools.ts and bench/scale.ts.
 * - `makeSyntheticSessions`: N sessions made from one real notes file (each question suffixed
 *   ` (S<i>)` so that every question is distinct while answers, transcripts and images stay real).
 *   Used by bench/scale.ts and the topic-pages test.
 * - `shapeCorpus`: `files` notes files in the shapes above, `questions` questions in all.
 */
export type NotesShape = "t3" | "t3-track" | "t2";

export interface GenerateOptions {
  /** Session number, e.g. `1-1`, `24-1` or `10`. */
  readonly session: string;
  readonly count: number;
  /** Appended to every answer, to make a changed version of the same notes. */
  readonly variant?: string;
  readonly shape?: NotesShape;
}

const TITLES: Record<NotesShape, (session: string) => string> = {
  t3: (s) => `# MSP T3 - ${s}차`,
  "t3-track": (s) => `# MSP T3 - mspt3_${s}차 (AWS Track)`,
  t2: (s) => `# Docker & Kubernetes 노트 (MSP T2 ${s}차)  (✿◡‿◡)`,
};

export function generateNotes(options: GenerateOptions): string {
  const { session, count, variant = "", shape = "t3" } = options;
  const lines = shape === "t2" ? ["", TITLES.t2(session), ""] : [TITLES[shape](session), ""];
  const bullet = shape === "t3-track" ? "* " : "- ";
  if (shape === "t2") lines.push("| 일차 | 내용 |", "| --- | --- |", "| 1 | ~[Book] 01_Docker_Overview~ |", "", "## Q&A", "");
  else if (shape === "t3-track") lines.push("##MSP T3 강의계획", "- 1일차", "  - 이론 : 컨테이너 개요", "");
  const level = shape === "t2" ? "###" : "##";
  const sections = [
    { heading: `${level} Docker`, noun: "컨테이너" },
    { heading: `${level} Kubernetes`, noun: "파드" },
  ];
  sections.forEach((section, s) => {
    lines.push(section.heading, "");
    const share = s === 0 ? Math.ceil(count / 2) : Math.floor(count / 2);
    for (let i = 1; i <= share; i++) {
      lines.push(`${bullet}${section.noun} 질문 ${session}-${s}-${i}: \`run\`을 ${i}번 하면 어떻게 되나요?`);
      lines.push(`  ${bullet}${section.noun} 답변 ${i}${variant}입니다.`);
      lines.push(`    ${bullet}하위 항목 ${i}`);
      if (shape === "t3-track" && i % 4 === 0) lines.push(` - 엄밀히 말하자면 ${i}번째 답은 한 칸 들여씁니다.`);
      lines.push(`  ${bullet}두 번째 답변 줄 ${"가나다".repeat(i % 7)}`);
      if (i % 10 === 0) lines.push("", "```bash", "# prepare test", `ubuntu $ docker run nginx:${i}`, `container ${i} started`, "```");
      if (shape === "t2" && i % 5 === 0)
        lines.push("", `> \`-init\`이 안붙은 디렉토리의 lower ${i}`, "", "위의 부분은 아래와 같이 처리하는 것이 맞음.");
      lines.push("");
    }
    if (s === 0 && shape !== "t3") lines.push(`${level}# Docker summary`, "", `![](img/docker\\_summary\\_${session}.png)`, "");
    if (shape !== "t2") lines.push("---", "");
  });
  if (shape === "t2")
    lines.push(
      "## Playlist",
      "",
      "- [Lo-fi](https://example.com/lofi)",
      "",
      "## 설문요약",
      "",
      "- 실습이 좋았어요.",
      "  - 감사합니다!",
      "",
    );
  return lines.join("\n");
}

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

/** `files` notes files cycling through the three shapes, `questions` questions in all (MSP T2 and T3). */
export function shapeCorpus(files: number, questions: number): SyntheticNotes[] {
  const shapes: NotesShape[] = ["t3", "t3-track", "t2"];
  return Array.from({ length: files }, (_, i) => {
    const shape = shapes[i % shapes.length]!;
    const count = Math.floor(questions / files) + (i < questions % files ? 1 : 0);
    const session = shape === "t2" ? String(6 + i) : `${23 + Math.floor(i / 9)}-${(i % 9) + 1}`;
    return { name: `${shape}-${session}.md`, text: generateNotes({ session, count, shape }) };
  });
}
