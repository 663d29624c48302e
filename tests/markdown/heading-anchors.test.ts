import type { Root } from "hast";
import rehypeStringify from "rehype-stringify";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { expect, test } from "vitest";
import { rehypeHeadingAnchors } from "../../src/markdown/heading-anchors";

const render = async (md: string) =>
  String(await unified().use(remarkParse).use(remarkRehype).use(rehypeHeadingAnchors).use(rehypeStringify).process(md));

test("a heading in an answer gets an id and a link to itself after it", async () => {
  expect(await render("## 참고 자료")).toBe(
    '<div class="heading-wrapper level-h2"><h2 id="참고-자료">참고 자료</h2><a class="heading-anchor" href="#참고-자료" data-pagefind-ignore=""><span aria-hidden="true">#</span><span class="visually-hidden">‘참고 자료’ 제목으로 바로 가는 링크</span></a></div>',
  );
});

test("ids are unique on the page and punctuation is dropped", async () => {
  const html = await render("### Pod란?\n\n### Pod란?\n\n- item\n\n#### `kubectl` 명령");
  expect([...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1])).toEqual(["pod란", "pod란-1", "kubectl-명령"]);
});

test("an id already on a heading is kept and its link points at it", async () => {
  const tree: Root = {
    type: "root",
    children: [
      { type: "element", tagName: "h2", properties: { id: "kept" }, children: [{ type: "text", value: "A" }] },
      { type: "element", tagName: "h2", properties: {}, children: [{ type: "text", value: "A" }] },
    ],
  };
  const processor = unified().use(rehypeHeadingAnchors).use(rehypeStringify);
  const html = processor.stringify((await processor.run(tree)) as Root);
  expect([...html.matchAll(/ (?:id|href)="([^"]+)"/g)].map((m) => m[1])).toEqual(["kept", "#kept", "a", "#a"]);
});
