import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { runImport } from "../../cli/import";
import { listFiles } from "../../src/core/replace-folder";
import { renderInlineMarkdown } from "../../src/markdown/inline-markdown";
import { askedInOtherSessions, indexSameQuestions } from "../../src/browse/same-question";
import { entriesIn } from "../helpers/entries";
import { noLossViolations } from "../helpers/no-loss";
import { REAL_NOTES } from "../helpers/notes";
import { renderEntryBody } from "../helpers/render-markdown";

/**
 * One fixture per bad input of issue #8 (tests/fixtures/bad-notes/), each imported with the real
 * importer: the test shows the message the author gets (file:line) and what ends up in content/.
 */
const FIXTURES = path.resolve("tests/fixtures/bad-notes");
const fixture = (name: string) => path.join(FIXTURES, name);

let work: string;
let content: string;
beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), "bad-notes-"));
  content = path.join(work, "content");
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

function importFiles(...files: string[]) {
  const lines: string[] = [];
  const code = runImport([...files, "--content", content], { log: (l) => lines.push(l), error: (l) => lines.push(l) });
  return { code, output: lines.join("\n") };
}

/** Imports one fixture; it must succeed and lose nothing. Returns the output and the entries. */
function importCleanly(name: string) {
  const file = fixture(name);
  const result = importFiles(file);
  expect(result.code, result.output).toBe(0);
  const entries = entriesIn(content);
  expect(noLossViolations(readFileSync(file, "utf8"), entries)).toEqual([]);
  return { file, output: result.output, entries, body: (entry: string) => entries.find((e) => e.name === entry)?.body };
}

/** Imports one fixture that must fail: exit 1, every error listed, nothing written. */
function importFailing(name: string) {
  const file = fixture(name);
  const result = importFiles(file);
  expect(result.code).toBe(1);
  expect(result.output).toContain("nothing was written");
  expect(existsSync(content)).toBe(false);
  return { file, output: result.output };
}

describe("errors: the import stops, names file and line, and writes nothing", () => {
  test("an unclosed code fence is reported at the line that opens it", () => {
    const { file, output } = importFailing("unclosed-fence.md");
    expect(output).toContain(`${file}:8: error: code fence \`\`\` opened here is never closed; close it with \`\`\` on a line of its own`);
  });

  test("a file in EUC-KR (not UTF-8) names the line of the first bad byte and the likely encoding", () => {
    const { file, output } = importFailing("euc-kr.md");
    expect(output).toContain(
      `${file}:1: error: not UTF-8 text (byte 0xC2 here; it reads as EUC-KR (CP949), the old Korean Windows encoding); save the notes as UTF-8`,
    );
  });

  test("a file in UTF-16 says so", () => {
    const { file, output } = importFailing("utf-16.md");
    expect(output).toContain(`${file}: error: UTF-16 text (it starts with a UTF-16 byte-order mark); save the notes as UTF-8`);
  });
});

describe("warnings: the import goes on, names file and line, and loses nothing", () => {
  // Issue 11: a heading that names no topic (`## Playlist`, `## 설문요약`) is a session note, never an
  // error. When it holds bullets, as a topic would, the warning lists the known topics and how to add one.
  test("an unknown `##` topic is kept as a session note; the warning lists the known topics and how to add one", () => {
    const { file, output, entries, body } = importCleanly("unknown-topic.md");
    expect(output).toContain(
      `${file}:3: warning: "Terraform" names no topic (known topics: Docker / 도커, Kubernetes / K8s / 쿠버네티스, Helm / 헬름); ` +
        "its bullets are kept as a session note, shown on the session's page. " +
        "If it is a topic, add a row to src/core/topics.ts and a collection to src/site/content.config.ts",
    );
    const note = entries.find((e) => e.name.startsWith("session-notes/"));
    expect(note?.data).toMatchObject({ title: "Terraform", course: "MSP T3", session: "23-7", line: 3 });
    expect(note && body(note.name)).toBe("- state 파일은 어디에 두나요?\n  - 원격 백엔드(S3 등)에 둡니다.");
    expect(entries.filter((e) => e.name.startsWith("docker/")).map((e) => e.data.question)).toEqual(["이 질문은 괜찮습니다."]);
  });

  test("a question with no answer is imported and flagged; its page says it is unanswered", () => {
    const { file, output, body } = importCleanly("no-answer.md");
    expect(output).toContain(`${file}:5: warning: question has no answer yet; it is imported and marked as unanswered`);
    expect(body("kubernetes/k1.md")).toBe("");
  });

  test("answers indented with tabs import as if indented by two spaces, with one warning listing the lines", () => {
    const { file, output, body } = importCleanly("tab-indent.md");
    expect(output).toContain(
      `${file}:6: warning: indented with a tab; each tab is read as four columns and the answer as if indented by two spaces per level (also on lines 7, 8, 9, 12)`,
    );
    expect(body("docker/d1.md")).toBe(
      "- 볼륨은 Docker가 관리하는 저장소입니다.\n- 바인드 마운트는 호스트의 경로를 그대로 연결합니다.\n  - 예: `-v /home/user/app:/app`\n- 둘 다 컨테이너가 지워져도 데이터가 남습니다.",
    );
  });

  test("answers indented by four spaces import as two-space levels, a fence at that level included", () => {
    const { file, output, body } = importCleanly("four-space-indent.md");
    expect(output).toContain(
      `${file}:6: warning: answer indented by 4 spaces or more; read as one level per 4 spaces (the format indents by two spaces per level) (also on line 16)`,
    );
    expect(body("kubernetes/k1.md")).toBe(
      [
        "- 네, Deployment가 소유한 ReplicaSet과 Pod가 함께 지워집니다.",
        "  - `--cascade=orphan`을 주면 남길 수 있습니다.",
        "- 확인해 보면 다음과 같습니다.",
        "",
        "```bash",
        "controlplane $ kubectl delete deploy web",
        'deployment.apps "web" deleted',
        "```",
      ].join("\n"),
    );
  });

  test("look-alike spaces in indentation (no-break space, U+3000) are read as spaces", () => {
    const { file, output, body } = importCleanly("odd-spaces.md");
    expect(output).toContain(`${file}:6: warning: indentation contains U+00A0 NO-BREAK SPACE; read as plain spaces`);
    expect(output).toContain(`${file}:7: warning: indentation contains U+3000 IDEOGRAPHIC SPACE; read as plain spaces`);
    expect(body("docker/d1.md")).toBe(
      "- 줄 앞의 NO-BREAK SPACE는 보통 공백으로 읽습니다.\n- 한글 입력기의 전각 공백(U+3000)도 공백으로 읽습니다.",
    );
  });

  test("CRLF line endings are read as LF; no entry keeps a carriage return", () => {
    const { file, output, body } = importCleanly("crlf.md");
    expect(readFileSync(file, "latin1")).toContain("\r\n");
    expect(output).toContain(`${file}:1: warning: line endings are Windows (CRLF); read as plain line ends (LF)`);
    expect(body("docker/d1.md")).toBe("- 네, CRLF 줄바꿈은 LF로 읽습니다.\n- 내용은 그대로입니다.");
    for (const f of listFiles(content)) expect(readFileSync(path.join(content, f), "utf8")).not.toContain("\r");
  });

  test("a UTF-8 byte-order mark is ignored and reported", () => {
    const { file, output, entries } = importCleanly("bom.md");
    expect(output).toContain(`${file}:1: warning: the file starts with a UTF-8 byte-order mark (BOM); it is ignored`);
    expect(entries[0]?.data).toMatchObject({ course: "MSP T3", session: "23-7" });
  });

  test("decomposed Hangul (NFD) is composed (NFC)", () => {
    const { file, output, entries } = importCleanly("nfd.md");
    expect(readFileSync(file, "utf8")).not.toBe(readFileSync(file, "utf8").normalize("NFC"));
    expect(output).toContain(`${file}:1: warning: decomposed Hangul (NFD, as macOS writes it) normalised to NFC`);
    expect(entries[0]?.heading).toBe("맥에서 쓴 노트는 한글이 풀어져 저장되나요?".normalize("NFC"));
    const text = readFileSync(path.join(content, "docker/d1.md"), "utf8");
    expect(text).toBe(text.normalize("NFC"));
  });

  test("the same question twice in one file: both are imported with their own answers, the second names the first", () => {
    const { file, output, entries } = importCleanly("repeated-question.md");
    expect(output).toContain(
      `${file}:11: warning: the same question as line 5; both are imported as separate entries, each with its own answer. If they are one question, merge them in the notes`,
    );
    expect(entries.map((e) => [e.name, e.line])).toEqual([
      ["docker/d1.md", 5],
      ["docker/d2.md", 8],
      ["docker/d3.md", 11],
    ]);
    expect(entries[2]?.body).toContain("볼륨에 둔 데이터는 남습니다.");
  });

  test("very long lines are imported whole and reported", () => {
    const { file, output, entries } = importCleanly("long-lines.md");
    const notes = readFileSync(file, "utf8").split("\n");
    expect(output).toContain(`${file}:5: warning: question is 335 characters long (more than 300); is its answer on the same line?`);
    expect(output).toContain(`${file}:9: warning: line is 4,404 characters long; it is imported whole`);
    expect(entries[0]?.heading).toBe(notes[4]!.slice(2));
    expect(entries[1]?.body).toContain(notes[8]!.slice(2));
    // A long transcript line is normal; it is kept and not reported.
    expect(entries[1]?.body).toContain(`ubuntu $ echo ${"x".repeat(3000)}`);
    expect(output).not.toContain(`${file}:14:`);
  });

  test("image and link paths with spaces or Hangul: wrapped in <…>, reported, images copied (a Mac's NFD file name too)", () => {
    const { file, output, body } = importCleanly("paths/msp-t3-23-8.md");
    expect(output).toContain(
      `${file}:8: warning: the path "img/스크린샷 2023-05-10 오후 3.15.20.png" contains spaces; written as <img/스크린샷 2023-05-10 오후 3.15.20.png>`,
    );
    expect(output).toContain(`${file}:14: warning: the path "https://example.com/설치 가이드/" contains spaces`);
    expect(output).toContain("images copied 3");
    expect(listFiles(path.join(content, "docker/img"))).toEqual([
      "맥에서 복사.png",
      "스크린샷 2023-05-10 오후 3.15.20.png",
      "아키텍처.png",
    ]);
    expect(body("docker/d1.md")).toContain("![화면](<img/스크린샷 2023-05-10 오후 3.15.20.png>)\n![구성도](img/아키텍처.png)");
    expect(body("docker/d2.md")).toContain("[위키백과](https://ko.wikipedia.org/wiki/도커_(소프트웨어))");
    // Inside a code span nothing is rewritten.
    expect(body("docker/d2.md")).toContain("`![코드 안](img/이건 그대로.png)`");
  });

  test("paths with spaces and Hangul render as an image and a link", async () => {
    const { body } = importCleanly("paths/msp-t3-23-8.md");
    const html = await renderEntryBody(body("docker/d1.md")!);
    expect(html).toContain(
      '<img src="img/%EC%8A%A4%ED%81%AC%EB%A6%B0%EC%83%B7%202023-05-10%20%EC%98%A4%ED%9B%84%203.15.20.png" alt="화면">',
    );
    const links = await renderEntryBody(body("docker/d2.md")!);
    expect(links).toContain(
      `<a href="https://ko.wikipedia.org/wiki/${encodeURIComponent("도커")}_(${encodeURIComponent("소프트웨어")})">위키백과</a>`,
    );
    expect(links).toContain(
      `<a href="https://example.com/${encodeURIComponent("설치")}%20${encodeURIComponent("가이드")}/">공백이 있는 링크</a>`,
    );
  });
});

describe("the same question in two sessions", () => {
  test("becomes two entries, each of which finds the other", () => {
    expect(importFiles(REAL_NOTES).code).toBe(0);
    const later = importFiles(fixture("msp-t3-23-6.md"));
    expect(later.code).toBe(0);
    expect(later.output).toContain("added 2");
    const entries = entriesIn(content).filter((e) => e.heading === "digest는 뭔가요?");
    expect(entries.map((e) => e.data.session).sort()).toEqual(["23-5", "23-6"]);

    const all = entriesIn(content).filter((e) => !e.name.startsWith("topic-notes/"));
    const asked = (e: (typeof all)[number]) => ({
      question: e.heading,
      course: String(e.data.course),
      session: String(e.data.session),
      line: e.line,
    });
    const index = indexSameQuestions(all, asked);
    const [first, second] = entries.sort((a, b) => String(a.data.session).localeCompare(String(b.data.session)));
    expect(askedInOtherSessions(index, first!, asked).map((e) => e.name)).toEqual([second!.name]);
    expect(askedInOtherSessions(index, second!, asked).map((e) => e.name)).toEqual([first!.name]);
    // A question asked in one session only has no other session.
    const only = all.find((e) => e.heading.startsWith("멀티 스테이지"))!;
    expect(askedInOtherSessions(index, only, asked)).toEqual([]);
  });
});

describe("content that must render as written", () => {
  test("raw HTML in a question or an answer is text, never markup", async () => {
    const { entries } = importCleanly("raw-html.md");
    const html = await renderEntryBody(entries[0]!.body);
    expect(renderInlineMarkdown(entries[0]!.heading)).toBe("노트에 &lt;script>alert(1)&lt;/script>를 쓰면 실행되나요?");
    expect(html).toContain('&#x3C;img src=x onerror="window.__pwned=1">');
    expect(html).toContain('&#x3C;iframe src="javascript:alert(1)">&#x3C;/iframe>');
    expect(html).toContain("&#x3C;!-- 주석도 보입니다 -->");
    expect(html).toContain("&#x3C;script>window.__pwned = 1&#x3C;/script>");
    expect(html).not.toMatch(/<(?:script|img|iframe|b)[\s>]/);
  });

  test("no javascript:, data: or vbscript: link survives, however it is written; safe links stay", async () => {
    const { entries } = importCleanly("unsafe-links.md");
    const html = await renderEntryBody(entries[0]!.body);
    const hrefs = [...html.matchAll(/(?:href|src)="([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs).toEqual(["https://docs.docker.com/"]);
    for (const written of [
      "[클릭](javascript:alert(1))",
      "javascript:alert(1)",
      "[VB](vbscript:msgbox(1))",
      "[참조 링크][나쁜참조]",
      "![그림](javascript:alert(1))",
    ]) {
      expect(html).toContain(written);
    }
    expect(html).toContain("[나쁜참조]: javascript:alert(1)");
    expect(renderInlineMarkdown(entries[0]!.heading)).toBe("[이 질문의 링크](javascript:alert(1))는 살아남나요?");
  });

  test("text that looks like MDX or a template ({{ }}, <컨테이너ID>, import/export) renders as written", async () => {
    const { entries } = importCleanly("mdx-lookalike.md");
    expect(renderInlineMarkdown(entries[0]!.heading)).toBe("템플릿의 {{ .Values.image.tag }}는 어디서 값을 가져오나요?");
    const html = await renderEntryBody(entries[0]!.body);
    expect(html).toContain("본문에서도 {{ .Values.image.tag }} 그대로");
    expect(html).toContain("<code>docker exec -it &#x3C;컨테이너ID> sh</code>");
    expect(html).toContain("본문의 &#x3C;컨테이너ID>도");
    expect(html).toContain("{props.name} 과 {/* 주석 */} 도");
    expect(html).toContain('import Chart from "./chart" 와 export const a = 1');
    expect(html).toContain("&#x3C;Chart values={values} /> 도");
  });
});
