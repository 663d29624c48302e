import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { runCheck } from "../../cli/check";
import { runNewEntry } from "../../cli/new-entry";
import { runRemoveEntry } from "../../cli/remove-entry";
import { runImport } from "../../cli/import";
import { validateGlossary } from "../../src/entries/check/validate-glossary";
import { formatProblem } from "../../src/core/problems";

/** `npm run check` on a copy of the real content with things broken in it, one kind per test. */
let work: string;
let content: string;
beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), "check-test-"));
  content = path.join(work, "content");
  cpSync("content", content, { recursive: true });
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

function check() {
  const lines: string[] = [];
  const code = runCheck(["--content", content], { log: (l) => lines.push(l), error: (l) => lines.push(l) });
  return { code, output: lines.join("\n") };
}

const entry = (p: string) => path.join(content, p);
const edit = (p: string, change: (text: string) => string) => writeFileSync(entry(p), change(readFileSync(entry(p), "utf8")));

test("the committed content and glossary pass", () => {
  const { code, output } = check();
  expect(output).toBe("check: 51 entries and the glossary: 0 error(s), 0 warning(s)");
  expect(code).toBe(0);
});

test("prints every problem at once, each with file and line, and exits non-zero", () => {
  edit("docker/d3.md", (t) => t.replace('session: "23-5"', 'session: "fifth"'));
  edit("docker/d4.md", (t) => t.replace(/^question: .*$/m, 'question: "   "'));
  edit("kubernetes/k2.md", (t) => `${t}\n- [없는 질문](/docker/d99/)과 [있는 질문](../k3/), [상대 경로 깨짐](../k98/)\n`);
  mkdirSync(entry("terraform"));
  writeFileSync(entry("terraform/t1.md"), readFileSync(entry("docker/d1.md")));
  cpSync(entry("helm/h1.md"), entry("helm/h9.md"));
  writeFileSync(entry("docker/k5.md"), readFileSync(entry("kubernetes/k5.md")));

  const { code, output } = check();
  expect(code).toBe(1);
  const k2Lines = readFileSync(entry("kubernetes/k2.md"), "utf8").split("\n");
  const linkLine = k2Lines.findIndex((l) => l.includes("없는 질문")) + 1;
  for (const expected of [
    `${entry("docker/d3.md")}:4: error: session: the session must look like 23-5`,
    `${entry("docker/d4.md")}:2: error: question: the question is empty`,
    `${entry("kubernetes/k2.md")}:${linkLine}: error: broken link /docker/d99/: there is no entry docker/d99.md`,
    `${entry("kubernetes/k2.md")}:${linkLine}: error: broken link ../k98/: there is no entry kubernetes/k98.md`,
    `${entry("terraform/t1.md")}: error: unknown topic folder "terraform"; the topics are docker, kubernetes, helm (and topic-notes/ for topic notes, session-notes/ for session notes, topic-intros/ for topic introductions). To add a topic, add a row to src/core/topics.ts`,
    `${entry("helm/h9.md")}:6: error: duplicate entry: ${entry("helm/h1.md")} comes from the same notes line`,
    `${entry("docker/k5.md")}: error: "k5" is not a question id of Docker: name the file d followed by a number, e.g. d1.md`,
    `${entry("docker/k5.md")}: error: duplicate id k5: also ${entry("kubernetes/k5.md")}`,
    `${entry("kubernetes/k5.md")}: error: duplicate id k5: also ${entry("docker/k5.md")}`,
    `${entry("kubernetes/k5.md")}:6: error: duplicate entry: ${entry("docker/k5.md")} comes from the same notes line`,
    // A file copied by hand under a new id: the id was never issued, so the importer could issue it again.
    `${entry("helm/h9.md")}: error: id h9 is not recorded in ${entry("ids.json")} (the record of every id ever issued)`,
  ]) {
    expect(output).toContain(expected);
  }
  expect(output).not.toContain("../k3/");
  expect(output).toMatch(/check: 54 entries and the glossary: 11 error\(s\), 0 warning\(s\)$/);
});

test("reports a missing field, bad YAML and a missing frontmatter", () => {
  edit("kubernetes/k4.md", (t) => t.replace(/^question: .*\n/m, ""));
  edit("kubernetes/k5.md", (t) => t.replace('course: "MSP T3"', 'course: "MSP T3'));
  writeFileSync(entry("helm/h3.md"), "그냥 글\n");
  const { code, output } = check();
  expect(code).toBe(1);
  expect(output).toContain(`${entry("kubernetes/k4.md")}:1: error: question: Required`);
  expect(output).toMatch(new RegExp(`${entry("kubernetes/k5.md")}:3: error: frontmatter is not valid YAML`));
  expect(output).toContain(`${entry("helm/h3.md")}:1: error: no frontmatter`);
});

test("an interrupted import (content/ moved aside) is an error that says how to recover", () => {
  rmSync(content, { recursive: true });
  cpSync("content", `${content}.import-old`, { recursive: true });
  const { code, output } = check();
  expect(code).toBe(1);
  expect(output).toContain(
    `${content}: error: an import was interrupted while swapping folders; the content is safe in ${content}.import-old. Run \`npm run import -- --recover\``,
  );
});

describe("npm run new", () => {
  const run = (...args: string[]) => {
    const lines: string[] = [];
    const code = runNewEntry([...args, "--content", content], { log: (l) => lines.push(l), error: (l) => lines.push(l) });
    return { code, output: lines.join("\n") };
  };

  test("scaffolds the next free id in the latest session; check refuses the placeholders until they are replaced", () => {
    const { code, output } = run("--topic", "docker");
    expect(code).toBe(0);
    expect(output).toContain(`created ${entry("docker/d22.md")}`);
    const text = readFileSync(entry("docker/d22.md"), "utf8");
    expect(text).toBe(
      '---\nquestion: "여기에 질문을 쓰세요"\ncourse: "MSP T3"\nsession: "23-5"\nsource: "npm run new"\nline: 378\n---\n\n- 여기에 답변을 쓰세요. 두 칸 들여쓴 줄은 하위 항목이 됩니다.\n',
    );
    const refused = check();
    expect(refused.code).toBe(1);
    expect(refused.output).toContain(`${entry("docker/d22.md")}:2: error: question: still the placeholder written by \`npm run new\``);
    expect(refused.output).toContain(`${entry("docker/d22.md")}:9: error: the answer is still the placeholder written by \`npm run new\``);

    writeFileSync(
      entry("docker/d22.md"),
      text.replace("여기에 질문을 쓰세요", "멀티 스테이지 빌드는 왜 쓰나요?").replace(/^- 여기에.*$/m, "- 이미지를 작게 만들려고 씁니다."),
    );
    expect(check().code).toBe(0);
    expect(run("--topic", "docker").output).toContain("docker/d23.md");
  });

  test("takes the question, course and session when given; refuses an unknown topic", () => {
    expect(run("--topic", "helm", "--question", "`helm lint`는 뭘 보나요?", "--session", "23-6").code).toBe(0);
    expect(readFileSync(entry("helm/h3.md"), "utf8")).toContain(
      'question: "`helm lint`는 뭘 보나요?"\ncourse: "MSP T3"\nsession: "23-6"\nsource: "npm run new"\nline: 1\n',
    );
    const bad = run("--topic", "terraform");
    expect(bad.code).toBe(2);
    expect(bad.output).toContain('unknown topic "terraform"');
  });
});

describe("the id record (content/ids.json)", () => {
  const ledger = () => readFileSync(entry("ids.json"), "utf8");
  const run = (command: typeof runNewEntry, ...args: string[]) => {
    const lines: string[] = [];
    const code = command([...args, "--content", content], { log: (l) => lines.push(l), error: (l) => lines.push(l) });
    return { code, output: lines.join("\n") };
  };

  test("a deleted entry is fine: its id stays recorded (its URL shows a tombstone)", () => {
    rmSync(entry("docker/d21.md"));
    expect(check().code).toBe(0);
    expect(ledger()).toContain('{"id":"d21","topic":"docker"');
  });

  test("an id recorded twice is an error with its line", () => {
    const text = ledger();
    const d3 = text.split("\n").find((l) => l.includes('{"id":"d3",'))!;
    writeFileSync(entry("ids.json"), text.replace(d3, `${d3}\n${d3}`));
    const { code, output } = check();
    expect(code).toBe(1);
    const line = text.split("\n").findIndex((l) => l === d3) + 2;
    expect(output).toContain(`${entry("ids.json")}:${line}: error: id d3 is recorded twice (first on line ${line - 1})`);
  });

  test("a published site without its id record is an error", () => {
    rmSync(entry("ids.json"));
    const { code, output } = check();
    expect(code).toBe(1);
    expect(output).toContain(`${entry("ids.json")}: error: not found: the ids of these entries are not recorded`);
  });

  test("npm run new records the id it issues, and never issues it again after the entry is deleted", () => {
    expect(run(runNewEntry, "--topic", "docker", "--question", "지울 질문").code).toBe(0);
    expect(ledger()).toContain('{"id":"d22","topic":"docker","question":"지울 질문"');
    rmSync(entry("docker/d22.md"));
    expect(run(runNewEntry, "--topic", "docker").output).toContain("docker/d23.md");
  });

  test("--record-ids records a move; a link to the old URL is a warning (it redirects), to a URL it never had an error", () => {
    mkdirSync(entry("helm"), { recursive: true });
    writeFileSync(entry("helm/d21.md"), readFileSync(entry("docker/d21.md")));
    rmSync(entry("docker/d21.md"));
    expect(check().output).toContain(`${entry("helm/d21.md")}: error: "d21" is not a question id of Helm`);
    expect(run(runImport, "--record-ids").code).toBe(0);
    expect(ledger()).toMatch(/\{"id":"d21","topic":"helm",.*"movedFrom":\["docker"\]\}/);
    edit("kubernetes/k2.md", (t) => `${t}\n- [옮긴 질문](/docker/d21/), [없던 주소](/kubernetes/d21/)\n`);
    const { code, output } = check();
    expect(output).toContain("warning: link /docker/d21/: d21 moved to helm/; link to /helm/d21/ instead");
    expect(output).toContain("error: broken link /kubernetes/d21/: there is no entry kubernetes/d21.md");
    expect(output).toMatch(/1 error\(s\), 1 warning\(s\)$/);
    expect(code).toBe(1);
  });

  test("npm run remove deletes the entry and records its replacement; check passes", () => {
    const removed = run(runRemoveEntry, "d2", "--replaced-by", "d1");
    expect(removed.code, removed.output).toBe(0);
    expect(existsSync(entry("docker/d2.md"))).toBe(false);
    expect(ledger()).toMatch(/\{"id":"d2","topic":"docker",.*"replacedBy":"d1"\}/);
    expect(check().code).toBe(0);
    expect(run(runRemoveEntry, "d3", "--replaced-by", "d2").output).toContain("--replaced-by d2: there is no entry with that id");
    expect(run(runRemoveEntry, "d99").output).toContain("d99 is not a recorded id");
  });
});

describe("glossary validation", () => {
  const file = "src/search/glossary.json";
  const glossary = (terms: unknown[]) => JSON.stringify({ terms }, null, 2);

  test("the real glossary is valid", () => {
    expect(validateGlossary(readFileSync(file, "utf8"), file)).toEqual([]);
  });

  test("reports non-ASCII or duplicate ids, empty variants and a variant in two terms, with lines", () => {
    const text = [
      "{",
      '  "terms": [',
      '    { "id": "pod", "label": "Pod", "variants": ["Pod", "파드"] },',
      '    { "id": "pods", "label": "Pods", "variants": ["pod"] },',
      '    { "id": "pod", "label": "Pod again", "variants": ["포드"] },',
      '    { "id": "파드", "label": "파드", "variants": ["x"] },',
      '    { "id": "empty", "label": "Empty", "variants": [] },',
      '    { "id": "blank", "label": "Blank", "variants": ["  "] }',
      "  ]",
      "}",
    ].join("\n");
    const messages = validateGlossary(text, file).map(formatProblem);
    expect(messages).toEqual([
      `${file}:6: error: term "파드" id: the id must be lower-case ASCII words joined by \`-\` (it is a URL segment)`,
      `${file}:7: error: term "empty" variants: a term needs at least one variant`,
      `${file}:8: error: term "blank" variants.0: a variant is empty`,
    ]);
    const shapeOk = text
      .replace('"id": "파드"', '"id": "pa-deu"')
      .replace('"variants": []', '"variants": ["e"]')
      .replace('["  "]', '["b"]');
    expect(validateGlossary(shapeOk, file).map(formatProblem)).toEqual([
      `${file}:4: error: the variant "pod" is in two terms, "pod" and "pods"; a spelling may belong to one term only`,
      `${file}:5: error: duplicate id "pod" (first on line 3); ids must be unique`,
    ]);
    expect(glossary([])).toContain("terms");
  });

  test("reports JSON syntax errors with their line", () => {
    expect(validateGlossary('{\n  "terms": [\n    { "id": "a", }\n  ]\n}', file).map(formatProblem)[0]).toMatch(
      new RegExp(`^${file}:3: error: not valid JSON`),
    );
  });

  test("check validates the glossary of the project it runs in", () => {
    // The CLI reads src/search/glossary.json from the working directory; the real one passes.
    expect(check().output).toContain("and the glossary: 0 error(s)");
  });
});
