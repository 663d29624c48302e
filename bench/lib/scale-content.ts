import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { TOPIC_IDS } from "../../src/core/topics";

/**
 * A content folder with every question repeated `times` times (new ids, sessions and lines), to
 * measure how search costs grow with the site: GUIDE §5 measured other tools at 2,000 questions.
 */
export function writeScaledContent(from: string, to: string, times: number): number {
  rmSync(to, { recursive: true, force: true });
  cpSync(path.join(from, "topic-notes"), path.join(to, "topic-notes"), { recursive: true });
  let count = 0;
  for (const topic of TOPIC_IDS) {
    mkdirSync(path.join(to, topic), { recursive: true });
    for (const file of readdirSync(path.join(from, topic)).filter((f) => f.endsWith(".md"))) {
      const [, prefix, number] = /^([a-z]+)(\d+)\.md$/.exec(file) ?? [];
      if (!prefix || !number) continue;
      const text = readFileSync(path.join(from, topic, file), "utf8");
      for (let copy = 0; copy < times; copy++) {
        const copied = text
          .replace(/^line: (\d+)$/m, (_, line: string) => `line: ${Number(line) + copy * 10_000}`)
          .replace(/^session: "[^"]*"$/m, `session: "${30 + Math.floor(copy / 9)}-${(copy % 9) + 1}"`);
        writeFileSync(path.join(to, topic, `${prefix}${Number(number) + copy * 1000}.md`), copied);
        count++;
      }
    }
  }
  return count;
}
