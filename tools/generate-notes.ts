/**
 * A large, valid notes file made up for tests and benchmarks that need volume (the interrupted
 * import test, bench/author-tools.ts): `count` questions spread over the Docker and
 * Kubernetes sections, each with a few answer lines, nested bullets, and every tenth a transcript.
 */
export function generateNotes(options: { session: string; count: number; variant?: string }): string {
  const { session, count, variant = "" } = options;
  const lines = [`# MSP T3 - ${session}차`, ""];
  const sections = [
    { heading: "## Docker", noun: "컨테이너" },
    { heading: "## Kubernetes", noun: "파드" },
  ];
  sections.forEach((section, s) => {
    lines.push(section.heading, "");
    const share = s === 0 ? Math.ceil(count / 2) : Math.floor(count / 2);
    for (let i = 1; i <= share; i++) {
      lines.push(`- ${section.noun} 질문 ${session}-${s}-${i}: \`run\`을 ${i}번 하면 어떻게 되나요?`);
      lines.push(`  - ${section.noun} 답변 ${i}${variant}입니다.`);
      lines.push(`    - 하위 항목 ${i}`);
      lines.push(`  - 두 번째 답변 줄 ${"가나다".repeat(i % 7)}`);
      if (i % 10 === 0) lines.push("", "```bash", `ubuntu $ docker run nginx:${i}`, `container ${i} started`, "```");
      lines.push("");
    }
    lines.push("---", "");
  });
  return lines.join("\n");
}
