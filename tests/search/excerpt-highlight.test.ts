import { expect, test } from "vitest";
import { buildExcerpt } from "../../src/search/excerpt";
import { findHighlightRanges, highlightTermsFromUrl, withHighlight } from "../../src/search/highlight";

const marked = (segments: { text: string; marked: boolean }[]) => segments.filter((s) => s.marked).map((s) => s.text);
const text = (segments: { text: string }[]) => segments.map((s) => s.text).join("");

test("buildExcerpt shows the window with the most matches and marks every matched word", () => {
  const content = Array.from({ length: 60 }, (_, i) => `w${i}`).join(" ");
  const excerpt = buildExcerpt(content, [3, 40, 42, 45], { length: 10 });
  expect(marked(excerpt)).toEqual(["w40", "w42", "w45"]);
  expect(text(excerpt)).toBe("… w36 w37 w38 w39 w40 w41 w42 w43 w44 w45 …");
});

test("buildExcerpt skips the question (shown as the title) unless only it matched", () => {
  const content = "질문 제목 입니다 답변 첫 문장 컨테이너가 나옵니다";
  expect(text(buildExcerpt(content, [1, 6], { length: 4, skipWords: 3 }))).toBe("… 답변 첫 문장 컨테이너가 …");
  expect(text(buildExcerpt(content, [1], { length: 4, skipWords: 3 }))).toBe("… 답변 첫 문장 컨테이너가 …");
  expect(buildExcerpt("", [0])).toEqual([]);
});

test("findHighlightRanges: Hangul terms anywhere, Latin terms as whole words, longest first", () => {
  const sample = "Pod는 PodScheduled와 ipod, 도커컨테이너가 컨테이너";
  const found = findHighlightRanges(sample, ["pod", "컨테이너", "컨테이너가"]).map((r) => sample.slice(r.start, r.end));
  expect(found).toEqual(["Pod", "컨테이너가", "컨테이너"]);
});

test("highlight terms from the URL are NFC, including Pagefind's own decomposed-jamo parameter", () => {
  const decomposed = "컨테이너".normalize("NFD");
  expect(decomposed).not.toBe("컨테이너");
  const search = `?pagefind-highlight=${encodeURIComponent(decomposed)}&highlight=pod`;
  expect(highlightTermsFromUrl(search)).toEqual(["pod", "컨테이너"]);
  const ranges = findHighlightRanges("컨테이너를 지웁니다", highlightTermsFromUrl(search));
  expect(ranges).toEqual([{ start: 0, end: 4 }]);
});

test("withHighlight adds one parameter per term, before any hash", () => {
  expect(withHighlight("/docker/d5/", ["컨테이너", "rmi"])).toBe(`/docker/d5/?highlight=${encodeURIComponent("컨테이너")}&highlight=rmi`);
  expect(withHighlight("/a/?x=1#top", ["b"])).toBe("/a/?x=1&highlight=b#top");
  expect(withHighlight("/a/", [])).toBe("/a/");
});
