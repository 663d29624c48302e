import { expect, test } from "vitest";
import { renderLikeTheSite as render } from "../helpers/transcripts";

/**
 * Code blocks through the site's own Markdown pipeline (the `markdown` options of astro.config.mjs,
 * Astro's Shiki included): transcripts get our rendering, every other block keeps its language, and
 * every block ends up in a `<code-block>` (where its copy button goes).
 */
const fence = (lang: string, code: string) => `\`\`\`${lang}\n${code}\n\`\`\`\n`;
const preOf = (html: string) => /<pre[^>]*>/.exec(html)?.[0] ?? "";

test.each([
  ["bash", "#!/bin/bash\n$ docker ps", "bash"],
  ["bash", "docker run -d nginx\ndocker ps", "bash"],
  ["sh", "export A=1\necho $A", "sh"],
  ["yaml", "$ not: a prompt\napiVersion: v1", "yaml"],
  ["dockerfile", "FROM nginx\nEXPOSE 80", "dockerfile"],
  ["json", '{ "$ ": 1 }', "json"],
  ["", "plain text\nmore", "plaintext"],
])("a ```%s block that is a script or data keeps its language", async (lang, code, highlightedAs) => {
  const html = await render(fence(lang, code));
  expect(preOf(html)).toContain(`data-language="${highlightedAs}"`);
  expect(preOf(html)).not.toContain("transcript");
  expect(html).not.toContain("data-copy");
  expect(html).toMatch(/^<code-block><pre [^>]*class="astro-code/);
  expect(html).toMatch(/<\/pre><\/code-block>$/);
});

test.each(["bash", "sh", "shell", "console", "shellsession", ""])(
  "a ```%s block that starts with a prompt is a transcript",
  async (lang) => {
    const html = await render(fence(lang, "$ docker ps\nCONTAINER ID"));
    expect(preOf(html)).toContain("transcript");
    expect(preOf(html)).toContain('data-copy="docker ps"');
    expect(html).toContain('<span class="prompt" data-pagefind-ignore="">$ </span><kbd>');
    expect(html).toMatch(/<span class="output" data-pagefind-weight="0\.2">CONTAINER ID<\/span>/);
    expect(html).toMatch(/^<code-block><pre [^>]*class="astro-code[^"]*transcript"/);
  },
);

test("identical transcripts in one document render identically (the second from the cache)", async () => {
  const block = fence("bash", "ubuntu $ kubectl get pods -o yaml\nkind: List");
  const html = await render(`${block}\n${block}`);
  const blocks = html.split("</code-block>").filter((b) => b.includes("<pre"));
  expect(blocks).toHaveLength(2);
  expect(blocks[1]?.trim()).toBe(blocks[0]?.trim());
  expect(blocks[0]).toContain('class="output output-yaml"');
});
