import type { BrowserContext, Page } from "playwright-core";
import { beforeAll, describe, expect, inject, test } from "vitest";
import { keepRendererAlive, useChromium } from "../helpers/browser";
import { realTranscriptPage, REAL_TRANSCRIPTS, renderLikeTheSite, type RealTranscriptName } from "../helpers/transcripts";

const siteUrl = inject("siteUrl");
const origin = new URL(siteUrl).origin;
// A host name that is not localhost: pages served from it are not a secure context, like a site on
// plain http, so the browser offers no Clipboard API there.
const PLAIN_HTTP_HOST = "course-qa.test";
const plainHttpUrl = siteUrl.replace("127.0.0.1", PLAIN_HTTP_HOST);

const DOCKER_RMI_COMMANDS = ["docker run -d nginx", "docker ps", "docker images", "docker rmi nginx"].join("\n");
const names = Object.keys(REAL_TRANSCRIPTS) as RealTranscriptName[];

const browser = useChromium({ args: [`--host-resolver-rules=MAP ${PLAIN_HTTP_HOST} 127.0.0.1`] });
let context: BrowserContext;

beforeAll(async () => {
  context = await browser.newContext();
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin });
  await keepRendererAlive(context, siteUrl);
});

async function openTranscript(name: RealTranscriptName, options: { base?: string; page?: Page } = {}): Promise<Page> {
  const page = options.page ?? (await context.newPage());
  await page.goto(`${options.base ?? siteUrl}${realTranscriptPage(name)}`);
  await page.locator("code-block .copy-button").first().waitFor();
  return page;
}

/** The clipboard as another program would paste it (read on a page that may read it). */
async function clipboardText(): Promise<string> {
  const reader = await context.newPage();
  await reader.goto(siteUrl);
  const text = await reader.evaluate(() => navigator.clipboard.readText());
  await reader.close();
  return text;
}

async function setClipboard(text: string) {
  const writer = await context.newPage();
  await writer.goto(siteUrl);
  await writer.evaluate((t) => navigator.clipboard.writeText(t), text);
  await writer.close();
}

describe("copy buttons", () => {
  test("the docker rmi transcript's button copies exactly its four commands, one per line, and says so", async () => {
    await setClipboard("before");
    const page = await openTranscript("docker-rmi");
    await page.getByRole("button", { name: "명령어 복사" }).click();
    await expect.poll(clipboardText).toBe(DOCKER_RMI_COMMANDS);
    await expect.poll(() => page.locator("[role=status][data-copy-status]").textContent()).toBe("복사됨");
    await page.close();
  });

  test("the button is reached with Tab and pressed with Enter", async () => {
    await setClipboard("before");
    const page = await openTranscript("docker-rmi");
    let focused = "";
    for (let i = 0; i < 40 && focused !== "copy-button"; i++) {
      await page.keyboard.press("Tab");
      focused = await page.evaluate(() => document.activeElement?.className ?? "");
    }
    expect(focused).toBe("copy-button");
    await page.keyboard.press("Enter");
    await expect.poll(clipboardText).toBe(DOCKER_RMI_COMMANDS);
    await page.close();
  });

  test("without the Clipboard API (a site on plain http) the button still copies the commands", async () => {
    await setClipboard("before");
    const page = await openTranscript("docker-rmi", { base: plainHttpUrl });
    expect(await page.evaluate(() => [window.isSecureContext, typeof navigator.clipboard])).toEqual([false, "undefined"]);
    await page.getByRole("button", { name: "명령어 복사" }).focus();
    await page.keyboard.press("Space");
    await expect.poll(clipboardText).toBe(DOCKER_RMI_COMMANDS);
    await expect.poll(() => page.locator("[role=status][data-copy-status]").textContent()).toBe("복사됨");
    expect(await page.evaluate(() => document.activeElement?.className)).toBe("copy-button");
    expect(await page.locator("textarea").count()).toBe(0);
    await page.close();
  });

  test("when no way of copying works, the button says so", async () => {
    const failing = await browser.newContext();
    await failing.addInitScript(() => (document.execCommand = () => false));
    const page = await openTranscript("docker-rmi", { base: plainHttpUrl, page: await failing.newPage() });
    await page.getByRole("button", { name: "명령어 복사" }).click();
    await expect.poll(() => page.locator("[role=status][data-copy-status]").textContent()).toBe("복사하지 못했습니다");
    await failing.close();
  });

  test("the other real transcripts copy their commands", async () => {
    const expected: Record<string, string> = {
      "expose-netstat": "docker run -dp 8080:8080 nginx\nnetstat -tnlp",
      "nginx-deployment":
        "cat nginx-deployment.yaml\nkubectl describe deployments my-nginx-deployment\nkubectl describe replicasets my-nginx-deployment-7d985f5478",
    };
    for (const [name, commands] of Object.entries(expected)) {
      const page = await openTranscript(name as RealTranscriptName);
      await page.getByRole("button", { name: "명령어 복사" }).click();
      await expect.poll(clipboardText).toBe(commands);
      await page.close();
    }
  });

  test("a block that is not a transcript copies its code as written", async () => {
    const script = '#!/bin/bash\n# 이미지를 지웁니다\ndocker rmi "$1"  \n\n$ echo done';
    const html = await renderLikeTheSite(`\`\`\`bash\n${script}\n\`\`\`\n`);
    const page = await openTranscript("docker-rmi");
    await page.locator(".answer").evaluate((answer, h) => answer.insertAdjacentHTML("beforeend", h), html);
    const button = page.locator("code-block").nth(1).getByRole("button", { name: "복사", exact: true });
    await button.click();
    await expect.poll(clipboardText).toBe(script);
    await page.close();
  });

  test("every code block has one copy button", async () => {
    for (const name of names) {
      const page = await openTranscript(name);
      expect(await page.locator("code-block").count(), name).toBe(1);
      expect(await page.locator("code-block > .copy-button").count(), name).toBe(1);
      await page.close();
    }
  });
});

describe("how transcripts look", () => {
  test("at 320 px wide, long lines scroll inside the block and the page does not widen", async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 320, height: 640 });
    for (const name of names) {
      await openTranscript(name, { page });
      const { pageWidth, viewport, preScrolls } = await page.evaluate(() => {
        const pre = document.querySelector("code-block pre")!;
        return { pageWidth: document.documentElement.scrollWidth, viewport: innerWidth, preScrolls: pre.scrollWidth > pre.clientWidth };
      });
      expect(pageWidth, name).toBeLessThanOrEqual(viewport);
      expect(preScrolls, name).toBe(true);
    }
    await page.close();
  });

  test("prompts are not selected with the text around them", async () => {
    const page = await openTranscript("docker-rmi");
    const selected = await page.evaluate(() => {
      getSelection()!.selectAllChildren(document.querySelector("code-block pre")!);
      return getSelection()!.toString();
    });
    expect(selected).toContain("docker run -d nginx");
    expect(selected).toContain("(must force)");
    expect(selected).not.toContain("ubuntu $");
    await page.close();
  });

  for (const scheme of ["light", "dark"] as const) {
    test(`in ${scheme} mode, prompt, command, output and YAML are told apart`, async () => {
      const page = await context.newPage();
      await page.emulateMedia({ colorScheme: scheme });
      await openTranscript("nginx-deployment", { page });
      const colours = await page.evaluate(() => {
        const colour = (selector: string) => getComputedStyle(document.querySelector(selector)!).color;
        return {
          background: getComputedStyle(document.querySelector("code-block pre")!).backgroundColor,
          prompt: colour(".transcript .prompt"),
          command: colour(".transcript kbd > span"),
          output: colour(".transcript .output:not(.output-yaml)"),
          yamlKey: colour(".transcript .output-yaml .line > span"),
        };
      });
      const expected =
        scheme === "light"
          ? {
              background: "rgb(255, 255, 255)",
              prompt: "rgb(110, 119, 129)",
              command: "rgb(111, 66, 193)",
              output: "rgb(87, 96, 106)",
              yamlKey: "rgb(34, 134, 58)",
            }
          : {
              background: "rgb(36, 41, 46)",
              prompt: "rgb(139, 148, 158)",
              command: "rgb(179, 146, 240)",
              output: "rgb(168, 177, 187)",
              yamlKey: "rgb(133, 232, 157)",
            };
      expect(colours).toEqual(expected);
      await page.close();
    });
  }

  test("Hangul in output takes exactly two columns (with a coding font of the stack installed)", async () => {
    const page = await openTranscript("docker-rmi");
    const widths = await page.evaluate(() => {
      const output = document.querySelector(".transcript .output")!;
      const measure = (text: string) => {
        const span = document.createElement("span");
        span.textContent = text;
        output.append("\n", span);
        return span.getBoundingClientRect().width;
      };
      return { hangul: measure("컨테이너가 삭제"), latin: measure("containers dele") };
    });
    expect(widths.hangul).toBeGreaterThan(0);
    expect(Math.abs(widths.hangul - widths.latin), "install a font of the stack: bash tools/ensure-fonts.sh").toBeLessThan(0.5);
    await page.close();
  });
});
