import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { runImport } from "../../cli/import";
import { listFiles } from "../../src/core/replace-folder";
import { readEntryFile } from "../../src/import/entry-file";
import { entriesIn } from "../helpers/entries";
import { noLossViolations } from "../helpers/no-loss";
import { REAL_NOTES, readRealNotes } from "../helpers/notes";

let work: string;
let content: string;

beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), "import-test-"));
  content = path.join(work, "content");
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

function importNotes(...args: string[]) {
  const lines: string[] = [];
  const code = runImport([...args, "--content", content], { log: (l) => lines.push(l), error: (l) => lines.push(l) });
  return { code, output: lines.join("\n") };
}

/** Every file under the content folder with its bytes, to compare whole trees. */
function snapshot(dir = content): Record<string, string> {
  return Object.fromEntries(listFiles(dir).map((p) => [p, readFileSync(path.join(dir, p)).toString("base64")]));
}

function writeNotes(name: string, text: string): string {
  const file = path.join(work, name);
  writeFileSync(file, text);
  return file;
}

describe("importing the real notes", () => {
  test("writes 50 entries (21 Docker, 27 Kubernetes, 2 Helm) and one topic note", () => {
    const { code, output } = importNotes(REAL_NOTES);
    expect(code).toBe(0);
    const files = listFiles(content).filter((f) => f.endsWith(".md"));
    const count = (dir: string) => files.filter((f) => f.startsWith(`${dir}/`)).length;
    expect([count("docker"), count("kubernetes"), count("helm"), count("topic-notes")]).toEqual([21, 27, 2, 1]);
    expect(output).toContain("added 51");
  });

  test("gives short ASCII ids per topic in notes order", () => {
    importNotes(REAL_NOTES);
    const docker = listFiles(path.join(content, "docker"));
    expect(docker).toContain("d1.md");
    expect(docker).toContain("d21.md");
    const first = readEntryFile(readFileSync(path.join(content, "docker/d1.md"), "utf8"));
    expect(first?.data.question).toBe("컨테이너 환경은 OS가 24시간 동작한다고 생각하면 되겠네요.");
    expect(listFiles(path.join(content, "helm"))).toEqual(["h1.md", "h2.md"]);
  });

  test("importing the same notes again changes nothing", () => {
    importNotes(REAL_NOTES);
    const before = snapshot();
    const { code, output } = importNotes(REAL_NOTES);
    expect(code).toBe(0);
    expect(snapshot()).toEqual(before);
    expect(output).toContain("added 0, updated 0");
    expect(output).toContain("unchanged 51");
  });

  test("--dry-run prints the plan and writes nothing", () => {
    const { code, output } = importNotes(REAL_NOTES, "--dry-run");
    expect(code).toBe(0);
    expect(existsSync(content)).toBe(false);
    expect(output).toContain("+ add");
    expect(output).toContain("docker/d5.md");
    expect(output).toContain("dry run: nothing was written");
  });

  test("keeps an entry edited by hand and reports it; --force replaces it", () => {
    importNotes(REAL_NOTES);
    const entry = path.join(content, "docker/d9.md");
    const edited = readFileSync(entry, "utf8").replace("고유한 값입니다.", "고유한 값입니다. (강사 보충: sha256 해시)");
    writeFileSync(entry, edited);
    // The notes change too, so the importer would otherwise refresh this entry.
    const notes = writeNotes(
      "msp-t3-23-5.md",
      readRealNotes().replace("이미지에 주어지는 고유한 값입니다.", "이미지마다 주어지는 고유한 값입니다."),
    );

    const kept = importNotes(notes);
    expect(kept.code).toBe(0);
    expect(readFileSync(entry, "utf8")).toBe(edited);
    expect(kept.output).toContain("docker/d9.md  edited by hand");
    expect(kept.output).toContain("kept because edited by hand 1");

    const forced = importNotes(notes, "--force");
    expect(forced.code).toBe(0);
    expect(readFileSync(entry, "utf8")).toContain("이미지마다 주어지는 고유한 값입니다.");
    expect(readFileSync(entry, "utf8")).not.toContain("강사 보충");
  });

  test("an entry edited by hand is not refreshed even when its notes did not change", () => {
    importNotes(REAL_NOTES);
    const entry = path.join(content, "kubernetes/k3.md");
    writeFileSync(entry, `${readFileSync(entry, "utf8")}\n- 덧붙인 설명\n`);
    const before = snapshot();
    importNotes(REAL_NOTES);
    expect(snapshot()).toEqual(before);
  });

  test("a later session adds its entries with the next free ids and leaves the old ones alone", () => {
    importNotes(REAL_NOTES);
    const before = snapshot();
    const later = writeNotes(
      "msp-t3-23-6.md",
      "# MSP T3 - 23-6차\n\n## Docker\n\n- 멀티 스테이지 빌드는 왜 쓰나요?\n  - 이미지 크기를 줄이려고 씁니다.\n\n---\n\n## Kubernetes\n\n- Helm 차트의 values는 어디에 두나요?\n  - 차트 폴더의 values.yaml입니다.\n",
    );
    const { code, output } = importNotes(later);
    expect(code).toBe(0);
    expect(output).toContain("added 2");
    const after = snapshot();
    // Every entry is byte for byte as it was; the id record (ids.json) keeps every record line and gains the new ids.
    for (const [file, bytes] of Object.entries(before)) if (file !== "ids.json") expect(after[file]).toBe(bytes);
    const recordLines = (base64: string | undefined) =>
      Buffer.from(base64 ?? "", "base64")
        .toString()
        .split("\n")
        .filter((l) => l.includes('"id":'))
        .map((l) => l.trim().replace(/,$/, ""));
    const added = recordLines(after["ids.json"]).filter((l) => !recordLines(before["ids.json"]).includes(l));
    expect(recordLines(after["ids.json"])).toEqual(expect.arrayContaining(recordLines(before["ids.json"])));
    expect(added.map((l) => JSON.parse(l).id)).toEqual(["d22", "h3"]);
    expect(readEntryFile(readFileSync(path.join(content, "docker/d22.md"), "utf8"))?.data).toMatchObject({
      session: "23-6",
      question: "멀티 스테이지 빌드는 왜 쓰나요?",
    });
    expect(existsSync(path.join(content, "helm/h3.md"))).toBe(true);
  });

  test("a question the notes now put in another topic stays, with a warning; --force moves it, keeping its id", () => {
    importNotes(REAL_NOTES);
    // The question now mentions Helm, so the keyword rule puts it in helm; same session and line.
    const notes = writeNotes("msp-t3-23-5.md", readRealNotes().replace("- tag와 label의 차이는", "- Helm 차트의 tag와 label의 차이는"));
    const kept = importNotes(notes);
    expect(kept.code).toBe(0);
    expect(kept.output).toContain("docker/d21.md is in docker but the notes now put this question in helm; it stays where it is");
    expect(existsSync(path.join(content, "docker/d21.md"))).toBe(true);

    const moved = importNotes(notes, "--force");
    expect(moved.code, moved.output).toBe(0);
    expect(moved.output).toContain("> move             helm/d21.md");
    expect(existsSync(path.join(content, "docker/d21.md"))).toBe(false);
    expect(readFileSync(path.join(content, "helm/d21.md"), "utf8")).toContain("Helm 차트의 tag와 label");
    expect(readFileSync(path.join(content, "ids.json"), "utf8")).toMatch(/\{"id":"d21","topic":"helm",.*"movedFrom":\["docker"\]\}/);
    // Importing again changes nothing: the moved entry is found in its new folder.
    expect(importNotes(notes).output).toContain("added 0, updated 0");
  });

  test("a question whose entry was deleted is not imported again, and its id is not reused", () => {
    importNotes(REAL_NOTES);
    rmSync(path.join(content, "docker/d21.md"));
    const again = importNotes(REAL_NOTES);
    expect(again.output).toContain("x removed          docker/d21.md  tag와 label의 차이는 뭔가요?");
    expect(again.output).toContain("added 0");
    expect(existsSync(path.join(content, "docker/d21.md"))).toBe(false);
    const later = writeNotes("msp-t3-23-6.md", "# MSP T3 - 23-6차\n\n## Docker\n\n- 새 질문인가요?\n  - 네.\n");
    importNotes(later);
    expect(existsSync(path.join(content, "docker/d22.md"))).toBe(true);
    expect(existsSync(path.join(content, "docker/d21.md"))).toBe(false);
  });

  test("fixing a typo in a question keeps its id", () => {
    importNotes(REAL_NOTES);
    const notes = writeNotes("msp-t3-23-5.md", readRealNotes().replace("- Raplica status를", "- Replica status를"));
    const { output } = importNotes(notes);
    expect(output).toContain("updated 1");
    const entry = listFiles(path.join(content, "kubernetes"))
      .map((f) => ({ f, data: readEntryFile(readFileSync(path.join(content, "kubernetes", f), "utf8"))?.data }))
      .filter((e) => String(e.data?.question).includes("Replica status를"));
    expect(entry.map((e) => e.f)).toEqual(["k8.md"]);
  });

  test("a missing image is a warning naming file and line; the entry still imports", () => {
    const { code, output } = importNotes(REAL_NOTES);
    expect(code).toBe(0);
    const line = readRealNotes().split("\n").indexOf("![](img/expose-nginx_23-5.png)") + 1;
    expect(output).toContain(`${REAL_NOTES}:${line}: warning: image img/expose-nginx_23-5.png not found`);
    expect(readFileSync(path.join(content, "docker/d19.md"), "utf8")).toContain("![](img/expose-nginx_23-5.png)");
  });

  test("copies images that exist beside the notes next to the entries", () => {
    const notes = path.join(work, "notes", "msp-t3-23-5.md");
    mkdirSync(path.join(work, "notes", "img"), { recursive: true });
    copyFileSync(REAL_NOTES, notes);
    writeFileSync(path.join(work, "notes", "img", "expose-nginx_23-5.png"), "png bytes");
    const { output } = importNotes(notes);
    expect(readFileSync(path.join(content, "docker/img/expose-nginx_23-5.png"), "utf8")).toBe("png bytes");
    expect(output).toContain("images copied 1");
  });

  test("on an error it lists every problem and writes nothing", () => {
    importNotes(REAL_NOTES);
    const before = snapshot();
    const bad = writeNotes(
      "bad.md",
      "# MSP T3 - 23-7차\n\n## Terraform\n\n- q?\n  - a\n\n## Docker\n\n- 새 질문? <!-- topic: nope -->\n  - 답\n\n```bash\n$ ls\n",
    );
    const { code, output } = importNotes(bad);
    expect(code).toBe(1);
    // `## Terraform` names no topic: a session note and a warning (issue 11), listed with the errors.
    expect(output).toContain(`${bad}:3: warning: "Terraform" names no topic`);
    expect(output).toContain(`${bad}:10: error: unknown topic "nope" in topic override`);
    expect(output).toContain(`${bad}:13: error: code fence`);
    expect(output).toContain("nothing was written");
    expect(snapshot()).toEqual(before);
  });

  test("a file that is not UTF-8 is an error naming the file and the line of the first bad byte", () => {
    const file = path.join(work, "euc-kr.md");
    writeFileSync(file, Buffer.from([0x23, 0x20, 0xb0, 0xa1, 0x0a]));
    const { code, output } = importNotes(file);
    expect(code).toBe(1);
    expect(output).toContain(`${file}:1: error: not UTF-8 text (byte 0xB0 here; it reads as EUC-KR (CP949)`);
  });
});

describe("no loss", () => {
  test("every non-blank question and answer line of the notes ends up in exactly one entry", () => {
    importNotes(REAL_NOTES);
    expect(noLossViolations(readRealNotes(), entriesIn(content))).toEqual([]);
  });

  test("the check can fail: an entry missing one answer line is reported", () => {
    importNotes(REAL_NOTES);
    const entries = entriesIn(content).map((e) => (e.name === "docker/d2.md" ? { ...e, body: e.body.split("\n").slice(1).join("\n") } : e));
    expect(noLossViolations(readRealNotes(), entries).length).toBeGreaterThan(0);
  });
});

describe("the committed content", () => {
  test("is exactly what the importer writes from the real notes", () => {
    cpSync("content", content, { recursive: true });
    const before = snapshot();
    const { code, output } = importNotes(REAL_NOTES);
    expect(code).toBe(0);
    expect(output).toContain("added 0, updated 0");
    expect(output).toContain("kept because edited by hand 0");
    expect(snapshot()).toEqual(before);
  });
});
