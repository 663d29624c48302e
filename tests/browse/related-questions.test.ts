import { expect, test } from "vitest";
import { relatedQuestions } from "../../src/browse/related-questions";

const q = (topic: string, ...terms: string[]) => ({ topic, terms });

test("questions of the same topic come first, then by shared terms", () => {
  const items = [
    q("docker", "image", "layer", "container"), // 0
    q("docker", "network"), // 1: nothing shared with 0
    q("docker", "image"), // 2: one term
    q("kubernetes", "image", "layer", "container"), // 3: everything shared, other topic
    q("docker", "image", "layer"), // 4: two terms
  ];
  expect(relatedQuestions(items)[0]).toEqual([4, 2, 3]);
});

test("a rare shared term weighs more than a common one", () => {
  const items = [
    q("k", "pod", "hostpath"), // 0
    q("k", "pod"), // 1
    q("k", "pod"), // 2
    q("k", "pod"), // 3
    q("k", "hostpath"), // 4
  ];
  expect(relatedQuestions(items, { min: 1 })[0]![0]).toBe(4);
});

test("between equal scores the nearer question in notes order wins", () => {
  const items = [q("k", "x"), q("k", "x"), q("k", "x"), q("k", "x")];
  expect(relatedQuestions(items, { max: 2, min: 0 })[2]).toEqual([1, 3]);
});

test("at most `max`, never the question itself", () => {
  const items = Array.from({ length: 12 }, () => q("d", "image"));
  const related = relatedQuestions(items);
  related.forEach((list, i) => {
    expect(list).toHaveLength(5);
    expect(list).not.toContain(i);
    expect(new Set(list).size).toBe(list.length);
  });
});

test("too few sharing questions: nearby questions of the same topic fill up to `min`, those sharing any term first, same topic still first", () => {
  const items = [
    q("d", "common"), // 0
    q("d", "other"), // 1
    q("d", "lonely", "common"), // 2
    q("k", "lonely"), // 3: another topic, shares the rare term
    q("d", "other"), // 4
    q("d", "common"), // 5
  ];
  // "common" is too common to propose candidates here (maxPostings 1); "lonely" proposes 3.
  const related = relatedQuestions(items, { maxPostings: 2 });
  expect(related[2]).toEqual([0, 5, 3]);
});

test("terms shared by more than `maxPostings` questions propose no candidates", () => {
  const items = [q("d", "everywhere"), q("d", "everywhere"), q("d", "everywhere"), q("k", "everywhere")];
  expect(relatedQuestions(items, { maxPostings: 3, min: 0 })[3]).toEqual([]);
});

test("a question alone in its topic with no terms gets no related questions", () => {
  expect(relatedQuestions([q("h"), q("d", "x"), q("d", "x")])[0]).toEqual([]);
});
