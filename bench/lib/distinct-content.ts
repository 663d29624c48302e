import { cpSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * Content whose pages differ, for measuring compression honestly. bench/scale's synthetic sessions
 * repeat the real answers 40 times, so anything compressed across pages (a pack) gains from
 * repetition a real course would not have. This copies a content folder and, in every entry but
 * the first session's, shuffles the words of each question and answer line, seeded by the entry's
 * file: the real vocabulary (so the search index keeps a realistic size), the same lengths and
 * Markdown structure, but no two pages share a sentence. Code blocks and front matter other than
 * the question are left alone, so links, ids and fences still work.
 */
export function writeDistinctContent(from: string, to: string): number {
  cpSync(from, to, { recursive: true });
  let changed = 0;
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (name.endsWith(".md")) {
        const text = readFileSync(file, "utf8");
        if (/^session: "\d+-1"$/m.test(text) || !/^session: /m.test(text)) continue;
        writeFileSync(file, shuffleEntry(text, seedOf(path.relative(to, file))));
        changed++;
      }
    }
  };
  walk(to);
  return changed;
}

/** Shuffles the words of the question and of every answer line outside code fences. */
export function shuffleEntry(text: string, seed: number): string {
  const random = mulberry32(seed);
  const end = text.indexOf("\n---", 4);
  const head = text
    .slice(0, end)
    .replace(/^(question: ")(.*?)( \(S\d+\))?(")$/m, (_m, a: string, q: string, s = "", b: string) => a + shuffleWords(q, random) + s + b);
  let inFence = false;
  const body = text
    .slice(end)
    .split("\n")
    .map((line) => {
      if (/^\s*```/.test(line)) inFence = !inFence;
      if (inFence || !/^\s*[-*+] /.test(line) || /[[\]()`]/.test(line)) return line;
      const [, lead = "", rest = ""] = /^(\s*[-*+] )(.*)$/.exec(line) ?? [];
      return lead + shuffleWords(rest, random);
    })
    .join("\n");
  return head + body;
}

function shuffleWords(text: string, random: () => number): string {
  const words = text.split(" ");
  for (let i = words.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [words[i], words[j]] = [words[j]!, words[i]!];
  }
  return words.join(" ");
}

function seedOf(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
