/**
 * `npm run bench:browse [-- --build]`: prints what issue 5's parts cost, to compare with the
 * build budget (issue 7: the whole build at 2,000 questions ≤ 25 s).
 *
 * 1. Unfurl cards: milliseconds per card (cold, then warm), and what one card per question would cost.
 * 2. Tags and related questions for 2,000 and 10,000 questions (the real 50, repeated).
 * 3. With `--build`: a real `astro build` of 2,000 questions (40 sessions of the real notes), its
 *    time, and the largest question, topic, tag and session pages. `--repo=<dir>` builds another
 *    checkout (e.g. the foundation's commit) from the same generated content, for a ratio.
 */
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { listFiles } from "../src/core/replace-folder";
import { questionTags } from "../src/browse/question-tags";
import { relatedQuestions } from "../src/browse/related-questions";
import { cardText } from "../src/seo/og/cards";
import { TOPICS } from "../src/core/topics";
import { astroBuildEnv } from "../tools/build-env";

const ms = (t0: number) => `${(performance.now() - t0).toFixed(0)} ms`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

interface Entry {
  topic: string;
  file: string;
  text: string;
  question: string;
  body: string;
}

function realEntries(): Entry[] {
  return TOPICS.flatMap((topic) =>
    readdirSync(`content/${topic.id}`)
      .filter((f) => f.endsWith(".md"))
      .map((file) => {
        const text = readFileSync(`content/${topic.id}/${file}`, "utf8");
        const question = JSON.parse(/^question: (.*)$/m.exec(text)![1]!) as string;
        return { topic: topic.id, file, text, question, body: text.replace(/^---[\s\S]*?---\n/, "") };
      }),
  );
}

async function benchCards() {
  console.log("\n## Unfurl cards (satori + resvg, 1200×630 PNG)");
  // A fresh card cache, so every card below is really rendered (the module reads the folder on load).
  const cacheDir = mkdtempSync(path.join(tmpdir(), "bench-cards-"));
  process.env.ASTRO_CACHE_DIR = cacheDir;
  const { renderCard } = await import("../src/site/data/og-cards");
  try {
    let t0 = performance.now();
    await renderCard(cardText("site", "example.github.io/mspt3"));
    console.log(`first card (loads the renderer and fonts): ${ms(t0)}`);
    const entries = realEntries();
    const cards = entries.map((e) => ({
      kicker: `강의 Q&A · ${e.topic}`,
      title: e.question.slice(0, 60),
      subtitle: "MSP T3 · 23-5차",
      footer: "example.github.io/mspt3",
    }));
    t0 = performance.now();
    for (const card of cards) await renderCard(card);
    const perCard = (performance.now() - t0) / cards.length;
    console.log(`a card showing a question, rendered: ${perCard.toFixed(1)} ms per card (mean of ${cards.length})`);
    t0 = performance.now();
    for (const card of cards) await renderCard(card);
    console.log(`the same cards from the build cache: ${((performance.now() - t0) / cards.length).toFixed(1)} ms per card`);
    console.log(
      `→ one card per question would add ≈ ${((perCard * 2000) / 1000).toFixed(0)} s to a first build at 2,000 questions, ${((perCard * 10000) / 1000).toFixed(0)} s at 10,000; the site has ${TOPICS.length + 1} cards (one per topic and one for the site)`,
    );
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

function benchBrowse() {
  console.log("\n## Tags and related questions (computed once per build)");
  const entries = realEntries();
  for (const n of [2000, 10000]) {
    const items = Array.from({ length: n }, (_, i) => entries[i % entries.length]!);
    const rssBefore = process.memoryUsage().rss;
    let t0 = performance.now();
    const tags = items.map((e) => questionTags(e.question, e.body).map((t) => t.id));
    const tagTime = ms(t0);
    t0 = performance.now();
    const order = items.map((e, i) => ({ e, i, tags: tags[i]! })).sort((a, b) => a.e.topic.localeCompare(b.e.topic));
    const related = relatedQuestions(order.map((o) => ({ topic: o.e.topic, terms: o.tags })));
    const relTime = ms(t0);
    const counts = related.map((r) => r.length);
    console.log(
      `${n} questions: tags ${tagTime}, related ${relTime} (${Math.min(...counts)}–${Math.max(...counts)} each), rss +${mb(process.memoryUsage().rss - rssBefore)}`,
    );
  }
}

function benchBuild(repo: string) {
  console.log(`\n## astro build of 2,000 questions (40 sessions × the real 50) in ${repo}`);
  const work = mkdtempSync(path.join(tmpdir(), "bench-browse-"));
  try {
    const content = path.join(work, "content");
    const entries = realEntries();
    const next = new Map<string, number>();
    for (let k = 0; k < 40; k++) {
      for (const e of entries) {
        const prefix = TOPICS.find((t) => t.id === e.topic)!.idPrefix;
        const n = (next.get(prefix) ?? 0) + 1;
        next.set(prefix, n);
        mkdirSync(path.join(content, e.topic), { recursive: true });
        writeFileSync(
          path.join(content, e.topic, `${prefix}${n}.md`),
          e.text.replace(/^session: "23-5"$/m, `session: "23-${5 + k}"`).replace(/^importHash: .*\n/m, ""),
        );
      }
    }
    cpSync("content/topic-notes", path.join(content, "topic-notes"), { recursive: true });
    const out = path.join(work, "dist");
    const astro = path.join(repo, "node_modules/.bin/astro");
    // CPU time (user + sys) says more than wall time on a shared, busy machine: /usr/bin/time when present.
    const timeFile = path.join(work, "time.txt");
    const timed = existsSync("/usr/bin/time");
    const [command, args] = timed ? ["/usr/bin/time", ["-f", "%U %S %M", "-o", timeFile, astro, "build"]] : [astro, ["build"]];
    const t0 = performance.now();
    execFileSync(command, args, {
      cwd: repo,
      stdio: "ignore",
      env: astroBuildEnv({ CONTENT_DIR: content, OUT_DIR: out, ASTRO_CACHE_DIR: path.join(work, "cache") }),
    });
    const wall = ms(t0);
    if (timed) {
      const [user, sys, maxKb] = readFileSync(timeFile, "utf8").trim().split(/\s+/).slice(-3).map(Number);
      console.log(
        `build (astro + Pagefind, cold cache): ${wall} wall, ${(user! + sys!).toFixed(1)} s CPU, peak RSS ${(maxKb! / 1024).toFixed(0)} MB`,
      );
    } else {
      console.log(`build (astro + Pagefind, cold cache): ${wall} wall`);
    }
    const pages = listFiles(out).filter((f) => f.endsWith(".html"));
    const size = (f: string) => statSync(path.join(out, f)).size;
    const largest = (pattern: RegExp) => {
      const matching = pages.filter((p) => pattern.test(p));
      if (matching.length === 0) return "none";
      const top = matching.reduce((a, b) => (size(a) >= size(b) ? a : b));
      return `${kb(size(top))} (${top}; ${matching.length} pages)`;
    };
    console.log(`pages: ${pages.length}`);
    console.log(`largest question page: ${largest(/^(docker|kubernetes|helm)\/[a-z]\d+\/index\.html$/)}`);
    console.log(`largest topic page: ${largest(/^(docker|kubernetes|helm)\/index\.html$/)}`);
    console.log(`largest tag page: ${largest(/^tags\/[^/]+\/(\d+\/)?index\.html$/)}`);
    console.log(`largest session page: ${largest(/^sessions\/[^/]+\/[^/]+\/index\.html$/)}`);
    const total = pages.filter((p) => /^(docker|kubernetes|helm)\/[a-z]\d+\/index\.html$/.test(p)).reduce((sum, p) => sum + size(p), 0);
    console.log(`question pages: ${(total / 1024 / 1024).toFixed(1)} MB in all, ${kb(total / 2000)} on average`);
    console.log(`home page: ${kb(size("index.html"))}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const repo = path.resolve(process.argv.find((a) => a.startsWith("--repo="))?.slice("--repo=".length) ?? ".");
if (process.argv.includes("--build-only")) {
  benchBuild(repo);
} else {
  await benchCards();
  benchBrowse();
  if (process.argv.includes("--build")) benchBuild(repo);
}
