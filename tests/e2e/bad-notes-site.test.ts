import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, test } from "vitest";
import { runImport } from "../../cli/import";
import { listFiles } from "../../src/core/replace-folder";
import { entriesIn } from "../helpers/entries";
import { findAll } from "../helpers/html";
import { REAL_NOTES } from "../helpers/notes";
import { SHAPE_FILES, SHAPES_DIR } from "../helpers/shapes";
import { useChromium } from "../helpers/browser";
import { useFixtureSite } from "../helpers/fixture-site";
import { axeViolations } from "../helpers/axe";

/**
 * The real site built from the real notes plus every bad-notes fixture that imports (with
 * warnings), served as a static host would and opened in Chromium: what a student would see.
 */
const FIXTURES = path.resolve("tests/fixtures/bad-notes");
const URL_ATTRIBUTES = new Set(["href", "src", "action", "formaction", "srcset", "poster", "data"]);
const IMPORTABLE = [
  "no-answer.md",
  "tab-indent.md",
  "four-space-indent.md",
  "odd-spaces.md",
  "crlf.md",
  "bom.md",
  "nfd.md",
  "repeated-question.md",
  "long-lines.md",
  "raw-html.md",
  "unsafe-links.md",
  "mdx-lookalike.md",
  "msp-t3-23-6.md",
  "paths/msp-t3-23-8.md",
  "unknown-topic.md",
];

const browser = useChromium();
const site = useFixtureSite({
  name: "bad-notes-site",
  prepare(work) {
    const content = path.join(work, "content");
    const output: string[] = [];
    const notes = [REAL_NOTES, ...IMPORTABLE.map((f) => path.join(FIXTURES, f)), ...SHAPE_FILES.map((f) => path.join(SHAPES_DIR, f))];
    const code = runImport([...notes, "--content", content], {
      log: (l) => output.push(l),
      error: (l) => output.push(l),
    });
    expect(code, output.join("\n")).toBe(0);
    return content;
  },
});
let page: Page;
const dialogs: string[] = [];

/** The page of the entry whose question starts with `prefix`. */
function pageOf(prefix: string): string {
  const entry = entriesIn(site().content).find((e) => e.heading.startsWith(prefix) && !e.name.includes("notes/"));
  if (!entry) throw new Error(`no entry starts with ${prefix}`);
  return `${site().url}${entry.name.replace(/\.md$/, "/")}`;
}

beforeAll(async () => {
  page = await browser.newPage();
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
});

/** Opens a page and returns what would show that script from the notes ran. */
async function open(url: string) {
  await page.goto(url);
  await page.waitForLoadState("load");
  return page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);
}

describe("notes text is shown, never run", () => {
  test("raw HTML in a question and its answer appears literally; nothing from it runs or becomes an element", async () => {
    expect(await open(pageOf("노트에 <script>"))).toBeUndefined();
    await expect(page.locator("h1").textContent()).resolves.toBe("노트에 <script>alert(1)</script>를 쓰면 실행되나요?");
    const answer = (await page.locator(".answer").textContent()) ?? "";
    for (const literal of [
      '<img src=x onerror="window.__pwned=1">',
      '<iframe src="javascript:alert(1)"></iframe>',
      '<b onmouseover="window.__pwned=1">굵게</b>',
      "<!-- 주석도 보입니다 -->",
      "<script>window.__pwned = 1</script>",
    ]) {
      expect(answer).toContain(literal);
    }
    // The question and the answer are what the notes wrote; tags and buttons around them are the site's own.
    expect(await page.locator("h1, .answer").locator("script, iframe, img, b").count()).toBe(0);
    expect(await page.title()).toContain("노트에 <script>alert(1)</script>를");
    expect(dialogs).toEqual([]);
  });

  test("no built page has a javascript:, data: or vbscript: link or image, whatever the notes wrote", () => {
    const unsafe: string[] = [];
    for (const file of listFiles(site().dist).filter((f) => f.endsWith(".html"))) {
      const html = readFileSync(path.join(site().dist, file), "utf8");
      // Attributes of real tags only, as the browser's parser reads them (entities decoded): text such
      // as `&#x3C;iframe src="javascript:…">` (the notes shown literally) is text, not a tag.
      for (const element of findAll(html, () => true)) {
        for (const { name: attr, value } of element.attrs.filter((a) => URL_ATTRIBUTES.has(a.name))) {
          // A browser drops control characters and spaces when it reads a URL (`java\tscript:`).
          const decoded = [...value].filter((c) => c.codePointAt(0)! > 0x20).join("");
          if (/^(javascript|data|vbscript):/i.test(decoded)) unsafe.push(`${file}: ${attr}=${value}`);
        }
      }
    }
    expect(unsafe).toEqual([]);
  });

  test("unsafe links show as the text the author wrote; the safe link still works", async () => {
    await open(pageOf("[이 질문의 링크]"));
    await expect(page.locator("h1").textContent()).resolves.toBe("[이 질문의 링크](javascript:alert(1))는 살아남나요?");
    const hrefs = await page.locator("h1 a, .answer a").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
    expect(hrefs).toEqual(["https://docs.docker.com/"]);
    const answer = (await page.locator(".answer").textContent()) ?? "";
    for (const literal of [
      "[클릭](javascript:alert(1))",
      "[데이터](data:text/html;base64,",
      "[VB](vbscript:msgbox(1))",
      "[참조 링크][나쁜참조]",
      "![그림](javascript:alert(1))",
    ]) {
      expect(answer).toContain(literal);
    }
  });

  test("text that looks like MDX or a template renders as written", async () => {
    await open(pageOf("템플릿의 {{"));
    await expect(page.locator("h1").textContent()).resolves.toBe("템플릿의 {{ .Values.image.tag }}는 어디서 값을 가져오나요?");
    const answer = (await page.locator(".answer").innerText()) ?? "";
    for (const literal of [
      "{{ .Values.image.tag }} 그대로",
      "docker exec -it <컨테이너ID> sh",
      "본문의 <컨테이너ID>도",
      "{props.name} 과 {/* 주석 */} 도",
      'import Chart from "./chart" 와 export const a = 1',
      "<Chart values={values} /> 도",
    ]) {
      expect(answer).toContain(literal);
    }
  });
});

describe("bad notes that import with a warning look right", () => {
  test("answers indented with tabs or four spaces render as a list with a nested list, and the fence as code", async () => {
    await open(pageOf("볼륨과 바인드 마운트"));
    expect(await page.locator(".answer > ul > li").count()).toBe(3);
    await expect(page.locator(".answer > ul > li > ul > li").textContent()).resolves.toBe("예: -v /home/user/app:/app");
    await open(pageOf("Deployment를 지우면"));
    expect(await page.locator(".answer > ul > li").count()).toBe(2);
    await expect(page.locator(".answer pre").textContent()).resolves.toContain(
      'controlplane $ kubectl delete deploy web\ndeployment.apps "web" deleted',
    );
  });

  test("a question without an answer says so", async () => {
    await open(pageOf("Pod가 Pending에서"));
    await expect(page.locator(".unanswered").textContent()).resolves.toBe("아직 답변이 없습니다.");
  });

  test("very long lines wrap: no page scrolls sideways on a phone", async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    try {
      for (const prefix of ["매우 긴 질문입니다.", "줄바꿈이 사라진 답변은"]) {
        await open(pageOf(prefix));
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, prefix).toBeLessThanOrEqual(0);
      }
      // The 3,000-character transcript line scrolls inside its code block instead.
      expect(await page.locator("pre").evaluate((pre) => pre.scrollWidth > pre.clientWidth)).toBe(true);
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  });

  test("images whose names have spaces or Hangul (or came from a Mac) are shown; Hangul links keep their address", async () => {
    await open(pageOf("스크린샷 파일 이름에"));
    const images = page.locator(".answer img");
    expect(await images.count()).toBe(3);
    await page.waitForFunction(() => [...document.querySelectorAll(".answer img")].every((img) => (img as HTMLImageElement).complete));
    expect(await images.evaluateAll((imgs) => imgs.map((img) => (img as HTMLImageElement).naturalWidth))).toEqual([1, 1, 1]);
    expect(await page.locator(".missing-image").count()).toBe(0);
    await open(pageOf("한글이 들어간 링크도"));
    const hrefs = await page.locator(".answer a").evaluateAll((links) => links.map((a) => decodeURI((a as HTMLAnchorElement).href)));
    expect(hrefs).toEqual(["https://ko.wikipedia.org/wiki/도커_(소프트웨어)", "https://example.com/설치 가이드/"]);
  });

  test("the same question asked twice in one session is two pages with their own answers", async () => {
    await open(pageOf("컨테이너를 지우면 데이터도"));
    await expect(page.locator(".answer").textContent()).resolves.toContain("컨테이너 레이어의 데이터는 함께 지워집니다.");
    await open(pageOf("컨테이너를 지우면  데이터도"));
    await expect(page.locator(".answer").textContent()).resolves.toContain("볼륨에 둔 데이터는 남습니다.");
  });
});

test("the same question in two sessions: each page links to the other as 다른 기수에서도 나온 질문", async () => {
  const [first, second] = entriesIn(site().content)
    .filter((e) => e.heading === "digest는 뭔가요?")
    .sort((a, b) => String(a.data.session).localeCompare(String(b.data.session)));
  const url = (name: string) => `${site().url}${name.replace(/\.md$/, "/")}`;
  await open(url(first!.name));
  const box = page.locator("aside.other-sessions");
  await expect(box.locator("h2").textContent()).resolves.toBe("다른 기수에서도 나온 질문");
  await expect(box.locator("a").textContent()).resolves.toBe("MSP T3 · 23-6차");
  await box.locator("a").click();
  await page.waitForURL(url(second!.name));
  await expect(page.locator("aside.other-sessions a").textContent()).resolves.toBe("MSP T3 · 23-5차");
  await page.locator("aside.other-sessions a").click();
  await page.waitForURL(url(first!.name));
  // A question asked once has no such box.
  await open(pageOf("멀티 스테이지 빌드는"));
  expect(await page.locator("aside.other-sessions").count()).toBe(0);
});

test("search excerpts from hostile page text insert only Pagefind's marks", async () => {
  await open(`${site().url}search/?q=onerror`);
  await page.locator("[data-search-result]").first().waitFor();
  const results = page.locator("[data-search-result]");
  const found = await results.evaluateAll((links) =>
    links.map((link) => ({
      text: link.textContent ?? "",
      tags: [...link.querySelectorAll("*")].map((el) => el.tagName.toLowerCase()),
      markChildren: [...link.querySelectorAll("mark")].map((m) => m.children.length),
      handlers: [...link.querySelectorAll("*")].flatMap((el) => [...el.attributes].map((a) => a.name)).filter((n) => n.startsWith("on")),
    })),
  );
  const hostile = found.find((r) => r.text.includes("<img src=x onerror"));
  expect(hostile, JSON.stringify(found)).toBeDefined();
  expect(hostile!.text).toContain("노트에 <script>alert(1)</script>를 쓰면 실행되나요?");
  for (const result of found) {
    expect(result.tags.filter((t) => ["script", "img", "iframe", "b", "svg", "object", "embed"].includes(t))).toEqual([]);
    expect(result.markChildren.every((n) => n === 0)).toBe(true);
    expect(result.handlers).toEqual([]);
  }
  expect(await page.locator("[data-search-result] mark").count()).toBeGreaterThan(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
});

describe("real notes shapes (issue 11): each question has its page, each topic and session note is shown", () => {
  test("every question of every shape fixture has its own page, showing its course and session", async () => {
    const questions = entriesIn(site().content).filter((e) => SHAPE_FILES.includes(String(e.data.source)) && !e.name.includes("notes/"));
    expect(questions.length).toBeGreaterThanOrEqual(18);
    for (const q of questions) {
      const html = readFileSync(path.join(site().dist, q.name.replace(/\.md$/, "/index.html")), "utf8");
      expect(html, q.name).toContain(String(q.data.course));
    }
  });

  test("a track is shown where the session is (24-1차 · AWS 트랙) and has its own session page", async () => {
    await open(pageOf("ECR에 이미지를 올리려면"));
    await expect(page.locator("main").textContent()).resolves.toContain("MSP T3 · 24-1차 · AWS 트랙");
    // The track is part of the session's URL: another track of 24-1 has a page of its own.
    await open(`${site().url}sessions/msp-t3-24-1-aws/`);
    await expect(page.locator("main h1").textContent()).resolves.toContain("24-1차 · AWS 트랙");
  });

  test("a session's page shows its session notes: the curriculum and the plan", async () => {
    await open(`${site().url}sessions/msp-t3-23-3/`);
    const notes = page.locator("section.session-notes");
    await expect(notes.locator("h2").textContent()).resolves.toBe("수업 노트");
    await expect(notes.locator("table td").first().textContent()).resolves.toBe("1");
    await expect(notes.textContent()).resolves.toContain("이론 : 컨테이너 개요");
    await open(`${site().url}sessions/msp-t2-6/`);
    const titles = await page.locator("section.session-notes h3").allTextContents();
    expect(titles).toEqual(["Playlist", "설문요약"]);
  });

  test("pages with session notes, topic notes and both courses pass axe", async () => {
    for (const path of ["", "sessions/", "sessions/msp-t2-6/", "sessions/msp-t3-23-3/", "docker/", "kubernetes/"]) {
      await open(`${site().url}${path}`);
      expect(await axeViolations(page), path).toEqual([]);
    }
  });

  test("topic notes of every level are shown on their topic's page", async () => {
    await open(`${site().url}docker/`);
    const titles = await page.locator(".topic-notes h3").allTextContents();
    expect(titles.join("\n")).toContain("Docker commands");
    expect(titles.join("\n")).toContain("Docker summary");
  });

  test("the same question in MSP T2 and MSP T3 links across courses; home and /sessions/ list both courses", async () => {
    await open(pageOf("컨테이너 로그는 어디서 보나요?"));
    const others = await page.locator("aside.other-sessions a").allTextContents();
    expect(others.some((t) => t.startsWith("MSP T2")) || others.some((t) => t.startsWith("MSP T3"))).toBe(true);
    expect(others.length).toBeGreaterThanOrEqual(2);
    await open(site().url);
    const courses = await page.locator(".course-list .course-name").allTextContents();
    expect(courses).toEqual(["MSP T2", "MSP T3"]);
    await open(`${site().url}sessions/`);
    const labels = await page.locator(".session-list h2 a").allTextContents();
    expect(labels).toContain("MSP T2 · 10차");
    expect(labels).toContain("MSP T3 · 24-1차 · AWS 트랙");
  });
});
