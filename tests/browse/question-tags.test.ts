import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { groupByTag, questionTags } from "../../src/browse/question-tags";
import { GLOSSARY } from "../../src/search/glossary";

function entry(file: string) {
  const text = readFileSync(file, "utf8");
  const question = JSON.parse(/^question: (.*)$/m.exec(text)![1]!) as string;
  return { question, body: text.replace(/^---[\s\S]*?---\n/, "") };
}

test("tags come from the question and its answer: the `docker rmi` question is about images and containers", () => {
  const { question, body } = entry("content/docker/d5.md");
  const ids = questionTags(question, body).map((t) => t.id);
  expect(ids).toEqual(expect.arrayContaining(["container", "image", "layer"]));
});

test("terms that only appear in a transcript do not tag the question", () => {
  const ids = questionTags("파드를 지우면?", "- 지워집니다.\n\n```bash\ncontrolplane $ kubectl get svc\nNAME  TYPE  CLUSTER-IP\n```").map(
    (t) => t.id,
  );
  expect(ids).toEqual(["pod"]);
});

test("terms marked `tag: false` never become tags", () => {
  const untaggable = GLOSSARY.filter((t) => !t.tag);
  expect(untaggable.length).toBeGreaterThan(0);
  // Their spellings may contain other, taggable terms (스케일아웃 holds 스케일); only they themselves must not tag.
  const text = untaggable.flatMap((t) => t.variants).join(" ");
  const ids = questionTags(text, "").map((t) => t.id);
  for (const term of untaggable) expect(ids).not.toContain(term.id);
  const { question, body } = entry("content/kubernetes/k20.md"); // says "궂이"
  expect(questionTags(question, body).map((t) => t.id)).not.toContain("gubi");
});

test("groupByTag makes one group per tag in glossary order, items in the given order", () => {
  const pod = GLOSSARY.find((t) => t.id === "pod")!;
  const docker = GLOSSARY.find((t) => t.id === "docker")!;
  const groups = groupByTag(["a", "b", "c"], (item) => (item === "a" ? [pod] : item === "b" ? [pod, docker] : []));
  expect(groups.map((g) => [g.term.id, g.items])).toEqual([
    ["docker", ["b"]],
    ["pod", ["a", "b"]],
  ]);
});
