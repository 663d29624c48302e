import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, test } from "vitest";
import { TRANSCRIPT_CLASS } from "../../src/markdown/transcripts/transcript-hast";
import { useFixtureSite } from "../helpers/fixture-site";
import { attr, find, findAll, matches, textContent } from "../helpers/html";
import { loadPagefindFromDist } from "../helpers/pagefind-node";

/**
 * Hand-written MDX under the same schemas and checks as imported entries: the real content plus
 * tests/fixtures/mdx/ (a topic introduction with a command table, `<Callout>` and `<Transcript>`,
 * and a hand-written `.mdx` entry, d30: an id past the imported ones, on the topic's first page),
 * built for real once.
 */
const FIXTURE = path.resolve("tests/fixtures/mdx");
const site = useFixtureSite({
  name: "mdx",
  prepare(work) {
    const content = path.join(work, "content");
    cpSync("content", content, { recursive: true });
    cpSync(FIXTURE, content, { recursive: true });
    return content;
  },
});
const read = (file: string) => readFileSync(path.join(site().dist, file), "utf8");

test("the topic introduction shows on the topic page, with its table, callout and transcript", () => {
  const html = read("docker/index.html");
  const intro = find(html, matches("section", { class: "topic-intro" }))!;
  expect(intro).toBeDefined();
  expect(textContent(find(intro, matches("h2"))!)).toBe("Docker 수업 소개");
  const callout = find(intro, matches("aside", { class: "callout-tip" }))!;
  expect(attr(callout, "aria-label")).toBe("준비 확인");
  expect(textContent(callout)).toContain("docker version");
  expect(findAll(intro, matches("td")).map(textContent)).toContain("docker rmi <이미지>");
  const transcript = find(intro, matches("pre", { class: TRANSCRIPT_CLASS.block }))!;
  const commands = findAll(transcript, matches("span", { class: TRANSCRIPT_CLASS.command }));
  expect(commands.map((line) => textContent(find(line, matches("kbd"))!))).toEqual(["docker run -d --name web nginx", "docker ps"]);
  // Only the first page of a topic carries it, and a topic without one has none.
  expect(find(read("kubernetes/index.html"), matches("section", { class: "topic-intro" }))).toBeUndefined();
});

test("a hand-written .mdx entry is a question page like the others, components rendered", () => {
  const html = read("docker/d30/index.html");
  expect(textContent(find(html, matches("h1"))!)).toBe("컨테이너를 지우기 전에 무엇을 확인해야 하나요?");
  const answer = find(html, matches("div", { class: "answer" })) ?? find(html, (e) => attr(e, "class")?.includes("answer") ?? false);
  expect(answer).toBeDefined();
  expect(find(answer!, matches("aside", { class: "callout-warning" }))).toBeDefined();
  // A fenced transcript in MDX goes through the same remark plugin as in .md answers.
  expect(find(answer!, matches("pre", { class: TRANSCRIPT_CLASS.block }))).toBeDefined();
  // Listed on its topic page with the imported questions.
  expect(find(read("docker/index.html"), (e) => e.tagName === "li" && attr(e, "id") === "d30")).toBeDefined();
});

test("search indexes the .mdx entry (topic pages, and so introductions, are not in the index)", async () => {
  const pagefind = await loadPagefindFromDist(site().dist);
  const urls = async (query: string) => {
    const response = await pagefind.search(query);
    if (!response) throw new Error(`search for ${query} was superseded`);
    return (await Promise.all(response.results.map((r) => r.data()))).map((d) => d.url);
  };
  expect(await urls("엠디엑스확인낱말")).toEqual(["/docker/d30/"]);
  expect(await urls("소개확인낱말")).toEqual([]);
});

const work = mkdtempSync(path.join(tmpdir(), "mdx-check-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

test("a schema error in an .mdx entry is reported with file and field, like in a .md entry", () => {
  const content = path.join(work, "content");
  cpSync("content", content, { recursive: true });
  cpSync(path.resolve("tests/fixtures/mdx-broken"), content, { recursive: true });
  const check = spawnSync("node_modules/.bin/tsx", ["cli/check.ts"], { encoding: "utf8", env: { ...process.env, CONTENT_DIR: content } });
  expect(check.status).not.toBe(0);
  const file = path.join(content, "docker/d901.mdx");
  expect(check.stdout + check.stderr).toMatch(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}:\\d+: error: question: `));
  expect(check.stdout + check.stderr).toContain("session: the session must look like 23-5");
});
