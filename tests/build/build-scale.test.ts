import { expect, test } from "vitest";
import { buildHeapLimitMb } from "../../src/build/build-heap.mjs";
import { buildSettings } from "../../src/core/build-settings.mjs";
import { memoizeByString } from "../../src/search/memoize";
import { topicPath } from "../../src/core/site-paths";
import { splitTopicPages, topicPageOf, TOPIC_PAGE_SIZE } from "../../src/browse/topic-pages";

test("a topic page holds a fixed id range, so a question's page follows from its number", () => {
  expect(TOPIC_PAGE_SIZE).toBe(200);
  expect([1, 200, 201, 400, 401].map(topicPageOf)).toEqual([1, 1, 2, 2, 3]);
  expect(topicPath("kubernetes", topicPageOf(523))).toBe("kubernetes/page/3/");
  expect(topicPath("kubernetes", 1)).toBe("kubernetes/");
});

test("splitTopicPages keeps the given order within a page and every page up to the last", () => {
  const ids = [3, 450, 1, 205, 2];
  expect(splitTopicPages(ids, (n) => n)).toEqual([[3, 1, 2], [205], [450]]);
  expect(splitTopicPages([410], (n) => n)).toEqual([[], [], [410]]);
  expect(splitTopicPages([], (n: number) => n)).toEqual([[]]);
});

test("the build's heap limit grows with the content and never drops below the floor", () => {
  expect(buildHeapLimitMb(50)).toBe(352);
  expect(buildHeapLimitMb(2_000)).toBe(352);
  expect(buildHeapLimitMb(10_000)).toBe(656);
  expect(buildHeapLimitMb(20_000)).toBeGreaterThan(buildHeapLimitMb(10_000));
});

test("build settings come from the environment, the base path always between slashes", () => {
  expect(buildSettings({})).toEqual({
    site: "http://localhost:4321",
    base: "/",
    outDir: "./dist",
    contentDir: "./content",
    cacheDir: "./node_modules/.astro",
  });
  expect(buildSettings({ BASE_PATH: "mspt3" }).base).toBe("/mspt3/");
  expect(buildSettings({ BASE_PATH: "/mspt3/" }).base).toBe("/mspt3/");
  expect(buildSettings({ SITE_URL: "https://example.github.io", OUT_DIR: "out" })).toMatchObject({
    site: "https://example.github.io",
    outDir: "out",
  });
});

test("memoizeByString computes once per text and stays bounded", () => {
  let calls = 0;
  const twice = memoizeByString((t) => (calls++, t + t), 2);
  expect([twice("a"), twice("a"), twice("b")]).toEqual(["aa", "aa", "bb"]);
  expect(calls).toBe(2);
  twice("c"); // the cache was full: cleared, then c stored
  twice("a");
  expect(calls).toBe(4);
});
