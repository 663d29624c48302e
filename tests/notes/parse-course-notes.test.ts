import { describe, expect, test } from "vitest";
import { parseCourseNotes } from "../../src/notes/parse-course-notes";
import { lineOf, readRealNotes } from "../helpers/notes";

const real = parseCourseNotes(readRealNotes(), "msp-t3-23-5.md");
const byLine = (line: number) => {
  const q = real.questions.find((x) => x.line === line);
  if (!q) throw new Error(`no question at line ${line}`);
  return q;
};

describe("parseCourseNotes on the real notes", () => {
  test("reads course and session from the title and reports no problems", () => {
    expect(real.course).toBe("MSP T3");
    expect(real.session).toBe("23-5");
    expect(real.problems).toEqual([]);
  });

  test("finds 50 questions: 21 Docker, 27 Kubernetes, 2 Helm", () => {
    const count = (topic: string) => real.questions.filter((q) => q.topic === topic).length;
    expect(real.questions).toHaveLength(50);
    expect([count("docker"), count("kubernetes"), count("helm")]).toEqual([21, 27, 2]);
    expect(real.questions.filter((q) => q.sectionTopic === "docker")).toHaveLength(21);
    expect(real.questions.filter((q) => q.sectionTopic === "kubernetes")).toHaveLength(29);
  });

  test("moves the two Helm questions out of the Kubernetes section by keyword", () => {
    const helm = real.questions.filter((q) => q.topic === "helm");
    expect(helm).toHaveLength(2);
    expect(helm[0]?.question.startsWith("Helm은 K8s에서")).toBe(true);
    expect(helm[1]?.question.startsWith("보통 values.yaml파일은")).toBe(true);
    expect(helm.every((q) => q.sectionTopic === "kubernetes" && q.topicReason === "keyword")).toBe(true);
  });

  test("keeps inline Markdown in the question text", () => {
    expect(byLine(lineOf("- `docker commit`")).question).toBe("`docker commit`을 하게되면 image에 변경되어 저장되나요?");
  });

  test("attaches each of the three transcripts to the question above it", () => {
    const withFences = real.questions.filter((q) => q.body.includes("```"));
    expect(withFences.map((q) => q.line)).toEqual([
      lineOf("- 이미지로부터 컨테이너를 run하여"),
      lineOf("- EXPOSE는 80으로"),
      lineOf("- Deployment에서 select할 label"),
    ]);
    expect(byLine(lineOf("- 이미지로부터 컨테이너를 run하여")).body).toContain("ubuntu $ docker rmi nginx\nError response from daemon");
    expect(byLine(lineOf("- EXPOSE는 80으로")).body).toContain("ubuntu $ netstat -tnlp");
    expect(byLine(lineOf("- Deployment에서 select할 label")).body).toContain("controlplane $ kubectl describe replicasets");
  });

  test("keeps the indentation of YAML printed inside a transcript", () => {
    const body = byLine(lineOf("- Deployment에서 select할 label")).body;
    expect(body).toContain("metadata:\n  name: my-nginx-deployment\n  labels:\n    app: my-nginx");
    expect(body).toContain("      containers:\n      - image: nginx:1.19.3");
  });

  test("attaches the image after the EXPOSE transcript to the EXPOSE question", () => {
    const expose = byLine(lineOf("- EXPOSE는 80으로"));
    expect(expose.images).toEqual([{ src: "img/expose-nginx_23-5.png", line: lineOf("![](img/expose-nginx_23-5.png)") }]);
    expect(expose.body.trimEnd().endsWith("![](img/expose-nginx_23-5.png)")).toBe(true);
  });

  test("turns the answer bullets into a top-level list and keeps nested bullets nested", () => {
    const rollback = byLine(lineOf("- ReplicaSet을 사용할 경우"));
    expect(rollback.body.split("\n").slice(0, 5)).toEqual([
      "- [kubectl rollout](https://kubernetes.io/docs/reference/generated/kubectl/kubectl-commands#rollout) 명령어를 이용하여 롤백을 하는데, 이 때 대상으로 삼을 수 있는 오브젝트는",
      "  - deployments",
      "  - daemonsets",
      "  - statefulsets",
      "- 가 있습니다.",
    ]);
  });

  test("makes `### Docker Summary` a topic note of Docker, not a question", () => {
    expect(real.topicNotes).toHaveLength(1);
    expect(real.topicNotes[0]).toMatchObject({ topic: "docker", title: "Docker Summary", body: "![](img/docker_summary_23-5.png)" });
    expect(real.questions.some((q) => q.question.includes("Summary"))).toBe(false);
  });

  test("records the notes line of every body line", () => {
    const q = byLine(lineOf("- digest는 뭔가요?"));
    expect(q.bodyLines).toEqual([q.line + 1, q.line + 2]);
  });
});

describe("parseCourseNotes on small inputs", () => {
  const notes = (body: string) => `# MSP T3 - 23-6차\n\n## Kubernetes\n\n${body}\n`;

  test("an author moves one question with <!-- topic: … -->", () => {
    const parsed = parseCourseNotes(notes("- Helm 차트와 비슷한 Kustomize는요? <!-- topic: kubernetes -->\n  - 네."), "n.md");
    expect(parsed.questions[0]).toMatchObject({
      topic: "kubernetes",
      topicReason: "override",
      question: "Helm 차트와 비슷한 Kustomize는요?",
    });
  });

  test("reports a title that does not name a session, with its line", () => {
    const parsed = parseCourseNotes("# MSP T3\n\n## Docker\n\n- q?\n  - a\n", "bad.md");
    expect(parsed.problems).toContainEqual(expect.objectContaining({ file: "bad.md", line: 1, severity: "error" }));
  });

  test("reports an unknown `##` topic with the known ones, and keeps it as a session note", () => {
    const parsed = parseCourseNotes("# MSP T3 - 1-1차\n\n## Terraform\n\n- q?\n  - a\n", "t.md");
    const problem = parsed.problems.find((p) => p.line === 3);
    expect(problem?.severity).toBe("warning");
    expect(parsed.sessionNotes).toEqual([expect.objectContaining({ title: "Terraform", line: 3, body: "- q?\n  - a", bodyLines: [5, 6] })]);
    expect(problem?.message).toContain("Docker");
    expect(problem?.message).toContain("src/core/topics.ts");
  });

  test("reports an unclosed fence at the line that opens it", () => {
    const parsed = parseCourseNotes(notes("- q?\n  - a\n\n```bash\n$ ls"), "f.md");
    expect(parsed.problems).toContainEqual(expect.objectContaining({ line: 8, severity: "error" }));
  });

  test("reads a question with no answer and flags it", () => {
    const parsed = parseCourseNotes(notes("- 답이 없는 질문?\n\n- 다음 질문?\n  - 답"), "e.md");
    expect(parsed.questions.map((q) => q.body)).toEqual(["", "- 답"]);
    expect(parsed.problems).toEqual([expect.objectContaining({ line: 5, severity: "warning" })]);
  });

  test("normalises CRLF, a byte-order mark and decomposed Hangul", () => {
    const parsed = parseCourseNotes("\uFEFF" + notes("- 파드?\n  - 네").normalize("NFD").replace(/\n/g, "\r\n"), "w.md");
    expect(parsed.course).toBe("MSP T3");
    expect(parsed.questions[0]?.question).toBe("파드?");
    expect(parsed.questions[0]?.body).toBe("- 네");
  });
});
