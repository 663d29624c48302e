import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { runImport } from "../../cli/import";
import { listFiles } from "../../src/core/replace-folder";
import { entriesIn } from "../helpers/entries";
import { noLossViolations } from "../helpers/no-loss";
import { shapeCorpus } from "../../tools/generate-notes";
import { SHAPE_FILES, SHAPES_DIR } from "../helpers/shapes";

/**
 * Issue 11: every shape real notes take, one small fixture each (tests/fixtures/shapes/), plus one
 * combining them. Each is imported with the real importer: no error, nothing lost (every non-blank
 * line in exactly one question entry, topic note or session note), and read as the test says.
 * `--explain` is checked on each fixture.
 */
const fixture = (name: string) => path.join(SHAPES_DIR, name);
const ALL = SHAPE_FILES;

let work: string;
let content: string;
beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), "note-shapes-"));
  content = path.join(work, "content");
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

function run(...args: string[]) {
  const lines: string[] = [];
  const code = runImport(args, { log: (l) => lines.push(l), error: (l) => lines.push(l) });
  return { code, output: lines.join("\n") };
}

/** Imports fixtures; they must import with no error and lose nothing. */
function importShapes(...names: string[]) {
  const result = run(...names.map(fixture), "--content", content);
  expect(result.code, result.output).toBe(0);
  const entries = entriesIn(content);
  for (const name of names) {
    const source = entries.filter((e) => e.data.source === name);
    expect(noLossViolations(readFileSync(fixture(name), "utf8"), source), name).toEqual([]);
  }
  return { ...result, entries };
}

const explain = (name: string) => run("--explain", fixture(name));
const questionsOf = (entries: ReturnType<typeof entriesIn>) =>
  entries.filter((e) => !e.name.startsWith("topic-notes/") && !e.name.startsWith("session-notes/"));

describe("every shape imports with no error and no loss", () => {
  test.each(ALL)("%s", (name) => {
    importShapes(name);
  });

  test("all of them together, in two orders: each question gets its own entry, and re-importing changes nothing", () => {
    const { entries } = importShapes(...ALL);
    const questions = questionsOf(entries);
    const keys = questions.map((q) => `${q.data.source}:${q.data.line}`);
    expect(new Set(keys).size).toBe(keys.length);
    const before = Object.fromEntries(listFiles(content).map((f) => [f, readFileSync(path.join(content, f), "utf8")]));
    const again = run(...ALL.map(fixture), "--content", content);
    expect(again.output).toContain("added 0, updated 0");
    expect(Object.fromEntries(listFiles(content).map((f) => [f, readFileSync(path.join(content, f), "utf8")]))).toEqual(before);

    rmSync(content, { recursive: true });
    const reversed = importShapes(...[...ALL].reverse());
    const keysReversed = questionsOf(reversed.entries).map((q) => `${q.data.source}:${q.data.line}`);
    expect(keysReversed.sort()).toEqual([...keys].sort());
  });
});

describe("1. titles: course, session and track", () => {
  test("`# MSP T3 - mspt3_24-1차 (AWS Track)`: the course-id prefix goes, the track is kept", () => {
    const { entries } = importShapes("1-title-track.md");
    expect(entries[0]?.data).toMatchObject({ course: "MSP T3", session: "24-1", track: "AWS" });
    expect(explain("1-title-track.md").output).toContain("course: MSP T3 · session: 24-1차 · track: AWS  (read from the title)");
  });

  test("`# Docker & Kubernetes 노트 (MSP T2 10차)  (✿◡‿◡)` after a blank first line", () => {
    const { entries } = importShapes("1-title-parentheses.md");
    expect(entries[0]?.data).toMatchObject({ course: "MSP T2", session: "10" });
    expect(entries[0]?.data).not.toHaveProperty("track");
  });

  test("frontmatter is honoured over a title no pattern reads", () => {
    const { entries } = importShapes("1-title-frontmatter.md");
    expect(entries[0]?.data).toMatchObject({ course: "MSP T2", session: "23-2", track: "SCP", line: 11 });
    expect(explain("1-title-frontmatter.md").output).toContain(
      "course: MSP T2 · session: 23-2차 · track: SCP  (read from the frontmatter)",
    );
  });

  test("a title nothing reads is an error that says how to fix it", () => {
    const file = path.join(work, "bad-title.md");
    writeFileSync(file, "# 2주차 정리\n\n## Docker\n\n- q?\n  - a\n");
    const { code, output } = run(file, "--content", content);
    expect(code).toBe(1);
    expect(output).toContain(
      `${file}:1: error: the title "# 2주차 정리" names no course and session: write the title as \`# MSP T3 - 23-5차\``,
    );
    expect(output).toContain("or put frontmatter at the top of the file: `---` / `course: MSP T3` / `session: 23-5`");
    expect(existsSync(content)).toBe(false);
  });
});

describe("2. topics at any heading level", () => {
  test("`## Q&A` groups `### Docker` and `### Kubernetes`; `## Playlist` and `## 설문요약` are session notes", () => {
    const { entries } = importShapes("2-topic-levels.md");
    expect(
      questionsOf(entries)
        .map((e) => e.name)
        .sort(),
    ).toEqual(["docker/d1.md", "kubernetes/k1.md"]);
    const notes = entries.filter((e) => e.name.startsWith("session-notes/")).sort((a, b) => a.line - b.line);
    expect(notes.map((n) => n.data.title)).toEqual(["Playlist", "설문요약"]);
    expect(notes.find((n) => n.data.title === "설문요약")?.body).toBe(
      "- 실습 시간이 더 있었으면 좋겠어요.\n  - 다음 기수부터 실습을 30분 늘립니다.",
    );
    const { output } = explain("2-topic-levels.md");
    expect(output).toContain("    Docker: 1 question (line 7)");
    expect(output).toContain("    Kubernetes: 1 question (line 12)");
    expect(output).toContain('    lines 15–17  "Playlist"');
    expect(output).toContain('    lines 19–22  "설문요약"');
  });
});

describe("3. notes inside a topic", () => {
  test("`#### Docker summary`, `### Docker commands` (a table) and a heading with a link are topic notes", () => {
    const { entries } = importShapes("3-topic-notes.md");
    const notes = entries.filter((e) => e.name.startsWith("topic-notes/"));
    expect(notes.map((n) => [n.data.topic, n.data.title])).toEqual([
      ["docker", "Docker commands"],
      ["docker", "Docker summary"],
      ["kubernetes", "Kubernetes commands - [kubectl](https://kubernetes.io/docs/reference/kubectl/)"],
    ]);
    expect(notes[0]?.body.split("\n")).toHaveLength(4);
    const { output } = explain("3-topic-notes.md");
    expect(output).toContain('    Docker · lines 8–10  "Docker summary"');
    expect(output).toContain('    Docker · lines 12–17  "Docker commands"');
  });
});

describe("4. content outside any topic is a session note", () => {
  test("a curriculum table, `##MSP T3 강의계획` with its nested plan, and `* Markdown viewer`", () => {
    const { entries } = importShapes("4-session-notes.md");
    const notes = entries.filter((e) => e.name.startsWith("session-notes/"));
    expect(notes).toHaveLength(1);
    expect(notes[0]?.data).toMatchObject({ course: "MSP T3", session: "23-3", line: 3 });
    expect(notes[0]?.data).not.toHaveProperty("title");
    expect(notes[0]?.body).toContain("##MSP T3 강의계획\n- 1일차\n  - 이론 : 컨테이너 개요");
    expect(notes[0]?.body).toContain("* Markdown viewer\n  * [Typora](https://typora.io)");
    expect(explain("4-session-notes.md").output).toContain("    lines 3–14  (untitled)");
  });
});

describe("5. bullets", () => {
  test("`* ` questions and answers; 1- and 3-space indents nest like their two-space neighbours", () => {
    const { entries, output } = importShapes("5-bullets.md");
    expect(questionsOf(entries).map((e) => e.data.question)).toEqual(["볼륨과 바인드 마운트의 차이는?", "이미지 태그는 왜 쓰나요?"]);
    expect(entries.find((e) => e.name === "docker/d1.md")?.body).toBe(
      "* 볼륨은 Docker가 관리합니다.\n- 엄밀히 말하자면 바인드 마운트는 호스트 경로를 그대로 씁니다.\n- 컨테이너가 생성되면 마운트가 연결됩니다.\n* 둘 다 데이터가 남습니다.",
    );
    expect(output).toContain("7: warning: answer indented by an odd number of spaces");
  });
});

describe("6. answer text at column 0", () => {
  test("blockquotes, paragraphs and fences belong to the question above; text after `---` or before a question is an untitled note", () => {
    const { entries } = importShapes("6-column-zero.md");
    const first = entries.find((e) => e.name === "docker/d1.md");
    expect(first?.body).toContain("> `-init`이 안붙은 디렉토리의 lower가 실제 레이어입니다.");
    expect(first?.body).toContain("위의 부분은 아래와 같이 처리하는 것이 맞음.");
    expect(first?.body).toContain("ubuntu $ ls /var/lib/docker/overlay2");
    const notes = entries.filter((e) => e.name.startsWith("topic-notes/"));
    expect(notes.map((n) => [n.data.topic, n.body])).toEqual([
      ["docker", "참고 링크: https://docs.docker.com/storage/storagedriver/"],
      ["kubernetes", "https://kubernetes.io/docs/concepts/"],
    ]);
    expect(explain("6-column-zero.md").output).toContain("    Kubernetes · line 25  (untitled)");
  });
});

describe("7. code blocks", () => {
  test("lines that look like Markdown inside fences never become headings, questions or topics", () => {
    const { entries } = importShapes("7-fences.md");
    expect(questionsOf(entries).map((e) => e.data.question)).toEqual(["테스트 스크립트는 어떻게 쓰나요?", "챗봇 답변을 붙여도 되나요?"]);
    expect(entries.filter((e) => e.name.includes("notes/"))).toEqual([]);
    expect(entries.find((e) => e.name === "docker/d2.md")?.body).toContain("## Kubernetes");
  });
});

describe("8. images", () => {
  test("Markdown escapes in an image path are removed before the file is looked up and copied", () => {
    const { output } = importShapes("8-images.md", "3-topic-notes.md");
    expect(output).not.toContain("not found");
    expect(existsSync(path.join(content, "docker/img/docker_layers_23-2.png"))).toBe(true);
    expect(existsSync(path.join(content, "topic-notes/img/docker_summary_23-7.png"))).toBe(true);
  });
});

describe("9. two courses on one site", () => {
  test("the same question in MSP T2 and MSP T3 gets two entries, each with its course", () => {
    const { entries } = importShapes("9-two-courses.md", "3-topic-notes.md");
    const same = questionsOf(entries).filter((e) => e.data.question === "컨테이너 로그는 어디서 보나요?");
    expect(same.map((e) => [e.data.course, e.data.session]).sort()).toEqual([
      ["MSP T2", "11"],
      ["MSP T3", "23-7"],
    ]);
  });
});

describe("--explain", () => {
  test("describes the combined fixture and writes nothing", () => {
    const { code, output } = run("--explain", fixture("combined.md"), "--content", content);
    expect(code).toBe(0);
    expect(existsSync(content)).toBe(false);
    expect(output.split("\n")).toEqual([
      fixture("combined.md"),
      "  course: MSP T2 · session: 7차 · track: none  (read from the title)",
      "  questions: 2",
      "    Docker: 1 question (line 16)",
      "    Kubernetes: 1 question (line 41)",
      "  topic notes: 3",
      '    Docker · lines 33–35  "Docker summary"',
      "    Kubernetes · line 39  (untitled)",
      '    Kubernetes · lines 46–50  "Kubernetes commands - [kubectl](https://kubernetes.io/docs/reference/kubectl/)"',
      "  session notes: 3",
      "    lines 4–10  (untitled)",
      '    lines 52–54  "Playlist"',
      '    lines 56–59  "설문요약"',
      "  problems: 2",
      `    ${fixture("combined.md")}:18: warning: answer indented by an odd number of spaces; read as the two-space level just below it (1 or 3 spaces → 2) (also on line 19)`,
      expect.stringContaining(`${fixture("combined.md")}:56: warning: "설문요약" names no topic`),
    ]);
  });

  test("every fixture is explained with no error", () => {
    for (const name of ALL) {
      const { code, output } = explain(name);
      expect(code, output).toBe(0);
      expect(output).toMatch(/course: MSP T[23] · session: [\d-]+차/);
    }
  });
});

describe("the notes generator (tools/generate-notes.ts) writes the new shapes", () => {
  test("15 files, 500 questions, three shapes, two courses: every file imports with no error and no loss", () => {
    const corpus = shapeCorpus(15, 500);
    const files = corpus.map((notes) => {
      const file = path.join(work, notes.name);
      writeFileSync(file, notes.text);
      return file;
    });
    const { code, output } = run(...files, "--content", content);
    expect(code, output).toBe(0);
    const entries = entriesIn(content);
    expect(questionsOf(entries)).toHaveLength(500);
    expect(new Set(entries.map((e) => e.data.course))).toEqual(new Set(["MSP T2", "MSP T3"]));
    expect(entries.some((e) => e.data.track === "AWS")).toBe(true);
    expect(entries.filter((e) => e.name.startsWith("session-notes/")).length).toBeGreaterThan(0);
    for (const notes of corpus) {
      const own = entries.filter((e) => e.data.source === notes.name);
      expect(noLossViolations(notes.text, own), notes.name).toEqual([]);
    }
  });
});
