import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { expect, test } from "vitest";
import { remarkMissingImages } from "../../src/markdown/remark-missing-images";
import { remarkRawHtmlAsText } from "../../src/markdown/remark-raw-html-as-text";

async function render(markdown: string, exists: (file: string) => boolean) {
  const file = await unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkRawHtmlAsText)
    .use(remarkMissingImages, { exists })
    .use(remarkRehype)
    .use(rehypeStringify)
    .process({ value: markdown, path: "/site/content/docker/d1.md" });
  return String(file);
}

test("a missing local image becomes a placeholder naming the file", async () => {
  const html = await render("![](img/gone.png)", () => false);
  expect(html).toBe(
    '<p><span class="missing-image" role="img" aria-label="이미지 없음: img/gone.png">이미지 없음: img/gone.png</span></p>',
  );
});

test("an image that exists beside the entry stays an image", async () => {
  const seen: string[] = [];
  const html = await render("![화면](img/a%20b.png)", (f) => (seen.push(f), true));
  expect(html).toBe('<p><img src="img/a%20b.png" alt="화면"></p>');
  expect(seen).toEqual(["/site/content/docker/img/a b.png"]);
});

test("an image that exists and has no alt text gets its file name (Astro would render it with no alt)", async () => {
  expect(await render("![](img/docker\\_summary\\_23-7.png)", () => true)).toBe(
    '<p><img src="img/docker_summary_23-7.png" alt="이미지: docker_summary_23-7.png"></p>',
  );
});

test("remote images are left alone", async () => {
  expect(await render("![](https://example.com/x.png)", () => false)).toContain('<img src="https://example.com/x.png"');
});

test("raw HTML in notes shows as text", async () => {
  const html = await render('- <script>alert(1)</script> and <img src=x onerror="alert(1)">\n- `<컨테이너ID>` <컨테이너ID>', () => true);
  expect(html).toContain("&#x3C;script>alert(1)&#x3C;/script>");
  expect(html).not.toContain("<script>");
  expect(html).not.toContain("<img");
  expect(html).toContain("&#x3C;컨테이너ID>");
});
