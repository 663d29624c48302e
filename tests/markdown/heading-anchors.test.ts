import rehypeStringify from "rehype-stringify";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { expect, test } from "vitest";
import { rehypeHeadingAnchors, uniqueSlug } from "../../src/markdown/rehype-heading-anchors";

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

test("slugs never collide with ids already taken", () => {
  const used = new Set(["a", "a-1"]);
  expect(uniqueSlug("A", used)).toBe("a-2");
  expect(uniqueSlug("?!", used)).toBe("section");
});
