import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { pageKeywords, pageKeywordsMeta, proseOf, transcriptKeywords, transcriptKeywordsMeta } from "../../src/search/page-keywords";

/** A committed content entry: its question and its answer Markdown. */
function entry(file: string) {
  const text = readFileSync(`content/${file}`, "utf8");
  const question = JSON.parse(/^question: (".*")$/m.exec(text)![1]!) as string;
  return { question, answer: text.replace(/^---\n[\s\S]*?\n---\n/, "") };
}

test("keywords carry stems, the Latin halves of mixed words and the glossary spellings of mentioned terms", () => {
  const d7 = entry("docker/d7.md"); // "이미지 레이어(R/O layer)들과 컨테이너 레이너(R/W layer)가 …"
  const keywords = pageKeywords(d7.question, d7.answer);
  expect(keywords).toEqual(expect.arrayContaining(["컨테이너", "연결", "ro", "rw", "레이어", "layer", "layers", "container", "image"]));
  expect(keywords).not.toContain("컨테이너는");
  expect(keywords).not.toContain("들과");
});

test("a page that writes ReplicaSet and Pod is found by 레플리카셋 and 파드", () => {
  const k12 = entry("kubernetes/k12.md");
  expect(pageKeywords(k12.question, k12.answer)).toEqual(expect.arrayContaining(["replicaset", "레플리카셋", "파드", "디플로이먼트"]));
});

test("transcripts stay out of the prose keywords but their joined words get a field of their own", () => {
  const k12 = entry("kubernetes/k12.md");
  const keywords = pageKeywords(k12.question, k12.answer);
  expect(keywords).not.toContain("mynginxdeployment");
  expect(transcriptKeywords(k12.answer)).toEqual(expect.arrayContaining(["mynginxdeployment", "podtemplatehash", "7d985f5478"]));
  expect(transcriptKeywordsMeta(entry("docker/d1.md").answer)).toBeUndefined();
});

test("the meta attribute values have no commas (Pagefind would split the field there)", () => {
  const k12 = entry("kubernetes/k12.md");
  expect(pageKeywordsMeta(k12.question, k12.answer)).toMatch(/^keywords:[^,]+$/);
  expect(transcriptKeywordsMeta(k12.answer)).toMatch(/^transcript:[^,]+$/);
});

test("Hangul compounds give their glossary parts as keywords", () => {
  expect(pageKeywords("외부포트 30007 -> 서비스포트 80", "")).toEqual(
    expect.arrayContaining(["서비스포트", "서비스", "포트", "port", "service"]),
  );
});

test("proseOf drops fenced blocks, link targets and images but keeps link text and inline code", () => {
  const markdown = "- [디플로이먼트 생성](https://k8s.io/x)를 보세요 `docker rmi`\n\n```bash\nubuntu $ docker ps\n```\n![](img/a.png)";
  const prose = proseOf(markdown);
  expect(prose).toContain("디플로이먼트 생성를");
  expect(prose).toContain("docker rmi");
  expect(prose).not.toContain("k8s.io");
  expect(prose).not.toContain("docker ps");
  expect(prose).not.toContain("img/a.png");
});
