import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { answerProse, excerpt } from "../../src/browse/answer-text";

const body = (file: string) => readFileSync(file, "utf8").replace(/^---[\s\S]*?---\n/, "");

test("the prose of an answer leaves out terminal transcripts and keeps the bullets' text", () => {
  const prose = answerProse(body("content/docker/d5.md"));
  expect(prose.split("\n")).toEqual([
    "먼저 docker 명령어를 이용한 이미지 삭제(docker rmi)는 안됩니다. (아래 참조. -> 에러가 발생함.)",
    "강제로 이미지 레이어의 파일(/var/lib/docker/overlay2/.... 에 있는)을 root권한으로 삭제할 수는 있지만, 문제가 될 수 있습니다.",
  ]);
  expect(prose).not.toContain("ubuntu $");
});

test("prose drops markup: list markers, images, links to their text, code to its text, headings", () => {
  const md =
    "## 정리\n\n1. [공식 문서](https://kubernetes.io) 참고\n   - **굵게** `kubectl get pods`\n![](img/a.png)\n~~~\ncode\n~~~\n> 인용";
  expect(answerProse(md)).toBe("정리\n공식 문서 참고\n굵게 kubectl get pods\n인용");
});

test("a fence closes only with the same kind of fence at least as long", () => {
  expect(answerProse("````\n```\ninside\n````\nafter")).toBe("after");
});

test("an excerpt keeps short text whole and cuts long text at a space with an ellipsis", () => {
  expect(excerpt("  짧은   답변\n입니다 ", 20)).toBe("짧은 답변 입니다");
  const cut = excerpt("컨테이너는 이미지에서 만들어지며 이미지가 지워져도 실행 중인 컨테이너는 계속 동작합니다", 30);
  expect([...cut].length).toBeLessThanOrEqual(30);
  expect(cut).toBe("컨테이너는 이미지에서 만들어지며 이미지가 지워져도…");
});

test("an excerpt of one long word is cut inside the word", () => {
  expect(excerpt("a".repeat(50), 10)).toBe(`${"a".repeat(9)}…`);
});
