import { describe, expect, test } from "vitest";
import { inlineMarkdownToText, renderInlineMarkdown } from "../../src/markdown/inline-markdown";

describe("renderInlineMarkdown", () => {
  test("renders code spans, links, strong and emphasis", () => {
    expect(renderInlineMarkdown("`docker commit`을 **꼭** *확인* [문서](https://docs.docker.com/)")).toBe(
      '<code>docker commit</code>을 <strong>꼭</strong> <em>확인</em> <a href="https://docs.docker.com/">문서</a>',
    );
  });

  // Since issue 14 question lines go through the answers' remark pipeline, whose HTML escapes `<` and
  // `&` (a `>` in text is harmless and stays as written).
  test("escapes HTML in text and in code", () => {
    expect(renderInlineMarkdown("<script>alert(1)</script> `<b>`")).toBe("&lt;script>alert(1)&lt;/script> <code>&lt;b></code>");
  });

  test("a question line is never a block: a leading #, >, - or 1. stays text", () => {
    expect(renderInlineMarkdown("# 제목처럼 보이는 질문?")).toBe("# 제목처럼 보이는 질문?");
    expect(renderInlineMarkdown("> 인용?")).toBe("> 인용?");
    expect(renderInlineMarkdown("- `docker ps`?")).toBe("- <code>docker ps</code>?");
    expect(renderInlineMarkdown("1. 첫째?")).toBe("1. 첫째?");
    expect(inlineMarkdownToText("## `a` **b**")).toBe("## a b");
  });

  test("GFM strikethrough, as in answers", () => {
    expect(renderInlineMarkdown("~~옛날~~ 방법")).toBe("<del>옛날</del> 방법");
  });

  test("keeps a `javascript:` link as literal text", () => {
    expect(renderInlineMarkdown("[x](javascript:alert)")).toBe("[x](javascript:alert)");
  });

  test("leaves a lone asterisk in parentheses alone", () => {
    expect(renderInlineMarkdown("(* test파일은 컨테이너 실행 후 생성된 파일)")).toBe("(* test파일은 컨테이너 실행 후 생성된 파일)");
  });

  test("renders links as text when asked (the question is already inside a link)", () => {
    expect(renderInlineMarkdown("[OCI](https://opencontainers.org/) spec", { links: false })).toBe("OCI spec");
  });
});

test("inlineMarkdownToText gives the text a reader sees", () => {
  expect(inlineMarkdownToText("`docker run`을 실행하면 `docker pull`은 같이 수행되나요?")).toBe(
    "docker run을 실행하면 docker pull은 같이 수행되나요?",
  );
});

test("sameQuestionKey reads through Markdown: link targets, entities and raw HTML leave nothing behind", async () => {
  const { sameQuestionKey } = await import("../../src/notes/question-key");
  expect(sameQuestionKey("[Docker 문서](https://docs.docker.com/)를 보면 되나요?")).toBe(sameQuestionKey("Docker 문서를 보면 되나요?"));
  expect(sameQuestionKey("a &amp; b?")).toBe(sameQuestionKey("a & b?"));
  expect(sameQuestionKey("**꼭** `docker run`?")).toBe(sameQuestionKey("꼭 docker run?"));
});
