import { describe, expect, test } from "vitest";
import { renderInlineMarkdown } from "../../src/markdown/inline-markdown";
import { decodeNotesBytes, firstInvalidUtf8 } from "../../src/notes/decode-notes";
import { expandIndent, removeColumns, rescaleIndent } from "../../src/notes/indentation";
import { wrapDestinationsWithSpaces } from "../../src/notes/link-destinations";
import { parseCourseNotes } from "../../src/notes/parse-course-notes";
import { sameQuestionKey } from "../../src/notes/question-key";
import { isSafeHref, isSafeImageSrc } from "../../src/core/safe-url";
import { devSearchRecord } from "../../src/search/dev-search-records";

describe("safe URLs", () => {
  test.each([
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:x",
    "\u0001javascript:x",
    "vbscript:msgbox(1)",
    "data:text/html,<script>alert(1)</script>",
    "file:///etc/passwd",
  ])("refuses %j", (url) => {
    expect(isSafeHref(url)).toBe(false);
    expect(isSafeImageSrc(url)).toBe(false);
  });

  test.each(["https://docs.docker.com/", "http://x.io", "../d5/", "/docker/d5/", "#top", "img/a b.png", "도커.png", "?q=1"])(
    "allows %j",
    (url) => {
      expect(isSafeHref(url)).toBe(true);
      expect(isSafeImageSrc(url)).toBe(true);
    },
  );

  test("mail links are links, not images", () => {
    expect(isSafeHref("mailto:a@b.c")).toBe(true);
    expect(isSafeImageSrc("mailto:a@b.c")).toBe(false);
  });

  test("a question line keeps unsafe links as text and renders links with parentheses or spaces", () => {
    expect(renderInlineMarkdown("[x](JaVaScRiPt:alert(1))")).toBe("[x](JaVaScRiPt:alert(1))");
    expect(renderInlineMarkdown("[x](data:text/html,hi)")).toBe("[x](data:text/html,hi)");
    expect(renderInlineMarkdown("[위키](https://ko.wikipedia.org/wiki/도커_(소프트웨어))")).toBe(
      // Percent-encoded by the answers' pipeline (mdast-util-to-hast), as links in answers are.
      `<a href="${encodeURI("https://ko.wikipedia.org/wiki/도커_(소프트웨어)")}">위키</a>`,
    );
    expect(renderInlineMarkdown("[가이드](<docs/설치 가이드.pdf>)")).toBe(`<a href="${encodeURI("docs/설치 가이드.pdf")}">가이드</a>`);
  });
});

describe("reading notes bytes", () => {
  const utf8 = (s: string) => new TextEncoder().encode(s);

  test("UTF-8 text comes back as it is, byte-order mark included (the parser reports it)", () => {
    expect(decodeNotesBytes(utf8("\uFEFF# 제목\n"), "n.md")).toEqual({ text: "\uFEFF# 제목\n", problems: [] });
  });

  test("the first bad byte is found on its line; overlong forms and surrogates are not UTF-8", () => {
    expect(firstInvalidUtf8(Uint8Array.from([0x61, 0xc0, 0x80]))).toBe(1);
    expect(firstInvalidUtf8(Uint8Array.from([0xed, 0xa0, 0x80]))).toBe(0);
    expect(firstInvalidUtf8(utf8("한글 😀"))).toBe(-1);
    const bad = decodeNotesBytes(Uint8Array.from([...utf8("# a\n\n- b\n"), 0xff, 0x0a]), "n.md");
    expect(bad.problems).toEqual([
      expect.objectContaining({
        line: 4,
        severity: "error",
        message: expect.stringContaining("byte 0xFF here; it is in another encoding"),
      }),
    ]);
  });

  test("UTF-16 without a byte-order mark is recognised", () => {
    const utf16 = Uint8Array.from(Buffer.from("# MSP T3 - 23-7차\n\n## Docker\n", "utf16le"));
    expect(decodeNotesBytes(utf16, "n.md").problems[0]?.message).toContain("UTF-16 text (every other byte is 0)");
  });

  test("a NUL byte means the file is not text", () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(decodeNotesBytes(png, "x.png").problems[0]).toMatchObject({ line: 3, message: expect.stringContaining("NUL byte") });
  });
});

describe("indentation", () => {
  test("tabs go to the next multiple of four columns; look-alike spaces become spaces", () => {
    expect(expandIndent("\t- a")).toEqual({ text: "    - a", columns: 4, hadTab: true, oddSpaces: [] });
    expect(expandIndent("  \t- a").columns).toBe(4);
    expect(expandIndent("\u3000- a")).toMatchObject({ text: "  - a", oddSpaces: ["U+3000 IDEOGRAPHIC SPACE"] });
    expect(expandIndent("- a\tb").text).toBe("- a\tb");
  });

  test("fence content loses exactly the fence's indentation", () => {
    expect(removeColumns("      key: v", 4)).toBe("  key: v");
    expect(removeColumns("\tkey: v", 2)).toBe("  key: v");
    expect(removeColumns("x", 4)).toBe("x");
  });

  test("a four-space level becomes a two-space level, and an indented line never reaches column 0", () => {
    expect(rescaleIndent("        - b", 8, 4)).toBe("    - b");
    expect(rescaleIndent("  - c", 2, 4)).toBe(" - c");
  });
});

describe("paths with spaces", () => {
  test("wrapped in <…> for links and images, not for titles, code spans or stray brackets", () => {
    expect(wrapDestinationsWithSpaces("![a](img/a b.png) [b](c d.md)")).toEqual({
      text: "![a](<img/a b.png>) [b](<c d.md>)",
      wrapped: ["img/a b.png", "c d.md"],
    });
    expect(wrapDestinationsWithSpaces('[a](https://x.io "제목")').wrapped).toEqual([]);
    expect(wrapDestinationsWithSpaces("`[a](b c)` 와 ](d e)").wrapped).toEqual([]);
    expect(wrapDestinationsWithSpaces("![a](img/a (1).png)").text).toBe("![a](<img/a (1).png>)");
  });
});

test("the same question despite spacing, case, punctuation and backticks", () => {
  expect(sameQuestionKey("`docker run`을 하면 되나요?")).toBe(sameQuestionKey("Docker run을  하면 되나요 ?"));
  expect(sameQuestionKey("파드가 뭔가요?")).not.toBe(sameQuestionKey("노드가 뭔가요?"));
});

describe("very long lines stay linear (a quadratic pattern would take minutes here)", () => {
  const n = 200_000;
  test.each([
    ["[ without ]", "[a".repeat(n / 2)],
    ["![ without ]", "![a".repeat(n / 3)],
    ["]( without )", "[a](".repeat(n / 4)],
    ["backtick runs of every length", Array.from({ length: 600 }, (_, i) => "`".repeat(i + 1) + "a").join("")],
  ])(
    "%s",
    (_name, line) => {
      const notes = `# MSP T3 - 1-1차\n## Docker\n- ${line}\n  - ${line}\n`;
      const parsed = parseCourseNotes(notes, "long.md");
      expect(parsed.questions[0]?.body).toBe(`- ${line}`);
      expect(renderInlineMarkdown(line).length).toBeGreaterThanOrEqual(line.length);
      // About a second on a quiet machine; the limit leaves room for a loaded one, while a quadratic
      // pattern would still take minutes.
    },
    30_000,
  );
});

test("the dev search record of a question: its URL, its title as text, its topic, its words", () => {
  const record = devSearchRecord(
    {
      topic: "docker",
      id: "d5",
      question: "`docker rmi`는 언제 실패하나요?",
      body: "- 컨테이너가 **쓰는** 이미지\n\n```bash\nubuntu $ docker rmi nginx\n```",
    },
    "/mspt3/",
  );
  expect(record).toEqual({
    url: "/mspt3/docker/d5/",
    content: "docker rmi는 언제 실패하나요?\n컨테이너가 쓰는 이미지\nubuntu $ docker rmi nginx",
    language: "ko",
    meta: { title: "docker rmi는 언제 실패하나요?" },
    filters: { topic: ["Docker"] },
  });
});
