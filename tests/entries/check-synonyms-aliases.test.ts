import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { runCheck } from "../../cli/check";
import { validateSynonyms } from "../../src/entries/check/validate-synonyms";
import { formatProblem } from "../../src/core/problems";
import { pageKeywordsMeta } from "../../src/search/page-keywords";

/** The synonym table and the entries' `aliases:` field, as `npm run check` validates them. */
describe("synonym table validation", () => {
  const file = "src/search/synonyms.json";

  test("the real synonym table is valid", () => {
    expect(validateSynonyms(readFileSync(file, "utf8"), file)).toEqual([]);
  });

  test("reports empty phrases and meanings, a phrase in two entries, a phrase meaning itself, with lines", () => {
    const text = [
      "{",
      '  "synonyms": [',
      '    { "phrases": ["되돌리다"], "means": ["롤백"] },',
      '    { "phrases": ["되돌리다", "삭제"], "means": ["삭제"] },',
      '    { "phrases": [], "means": ["x"] },',
      '    { "phrases": ["a"], "means": [" "] }',
      "  ]",
      "}",
    ].join("\n");
    expect(validateSynonyms(text, file).map(formatProblem)).toEqual([
      `${file}:5: error: entry #3 phrases: an entry needs at least one phrase`,
      `${file}:6: error: entry #4 means.0: a meaning is empty`,
    ]);
    const shapeOk = text.replace('"phrases": []', '"phrases": ["y"]').replace('"means": [" "]', '"means": ["b"]');
    expect(validateSynonyms(shapeOk, file).map(formatProblem)).toEqual([
      `${file}:4: error: the phrase "되돌리다" is in two entries (#1 and #2); merge their meanings into one entry`,
      `${file}:4: error: entry #2: the phrase "삭제" means itself; list it only where it means something else`,
    ]);
  });

  test("invalid JSON names its line", () => {
    const messages = validateSynonyms('{\n  "synonyms": [\n    { "phrases": ["a"] "means": ["b"] }\n  ]\n}', file).map(formatProblem);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(new RegExp(`^${file}:3: error: not valid JSON`));
  });
});

describe("aliases on an entry", () => {
  let work: string;
  let content: string;
  beforeEach(() => {
    work = mkdtempSync(path.join(tmpdir(), "check-aliases-"));
    content = path.join(work, "content");
    cpSync("content", content, { recursive: true });
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  const check = () => {
    const lines: string[] = [];
    const code = runCheck(["--content", content], { log: (l) => lines.push(l), error: (l) => lines.push(l) });
    return { code, output: lines.join("\n") };
  };
  const addFrontmatter = (file: string, yaml: string) => {
    const full = path.join(content, file);
    writeFileSync(full, readFileSync(full, "utf8").replace(/^---\n/, `---\n${yaml}\n`));
  };

  test("valid aliases pass the check", () => {
    addFrontmatter("docker/d5.md", 'aliases:\n  - "이미지 날아가요"\n  - "이미지 지우기"');
    expect(check()).toEqual({ code: 0, output: "check: 51 entries and the glossary: 0 error(s), 0 warning(s)" });
  });

  test("an empty alias, a repeated one and a list of the wrong type are errors naming file and field", () => {
    addFrontmatter("docker/d5.md", 'aliases:\n  - "  "');
    addFrontmatter("docker/d6.md", 'aliases:\n  - "롤백"\n  - "롤백"');
    addFrontmatter("docker/d7.md", 'aliases: "롤백"');
    const { code, output } = check();
    expect(code).toBe(1);
    expect(output).toMatch(
      new RegExp(`${path.join(content, "docker/d5.md").replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:\\d+: error: aliases.0: an alias is empty`),
    );
    expect(output).toContain("an alias is listed twice");
    expect(output).toMatch(/d7\.md:\d+: error: aliases/);
  });

  test("aliases are searched: they become keywords of the page, stemmed and with glossary spellings", () => {
    const without = pageKeywordsMeta("이미지를 삭제하면?", "답");
    const withAliases = pageKeywordsMeta("이미지를 삭제하면?", "답", ["이미지 날아가요", "롤백이 안돼요"]);
    expect(without).not.toContain("날아가");
    expect(withAliases).toContain("날아가");
    expect(withAliases).toContain("rollback"); // 롤백's glossary spelling
  });
});
