import { describe, expect, test } from "vitest";
import { chunkRanges, cutDepth, planChunks, type IndexWord } from "../../src/build/pagefind-chunks";

/** Words as Pagefind stores them: Hangul decomposed (NFD), sorted by their UTF-8 bytes. */
const words = (...texts: string[]): IndexWord[] =>
  texts.map((t) => [t.normalize("NFD"), []] as IndexWord).sort((a, b) => Buffer.compare(Buffer.from(a[0]), Buffer.from(b[0])));
const texts = (chunk: { words: IndexWord[] }) => chunk.words.map((w) => w[0].normalize("NFC"));

describe("cutDepth: how far a cut between two neighbouring words reaches into a word family", () => {
  test("words with different first letters: no query word starts both", () => {
    expect(cutDepth("apple", "banana")).toBe(0);
  });
  test("Hangul sharing only the initial consonant (`라…` | `레…`): a query word is at least a syllable", () => {
    expect(cutDepth("라우트".normalize("NFD"), "레이어".normalize("NFD"))).toBe(0);
  });
  test("words sharing a start: the cut would separate that start's forms", () => {
    expect(cutDepth("containers", "containerd")).toBe(9);
    expect(cutDepth("로".normalize("NFD"), "롤백".normalize("NFD"))).toBe(2);
    expect(cutDepth("ca", "co")).toBe(1);
  });
});

describe("planChunks", () => {
  const one = () => 1;

  test("cuts only between word families while a chunk is within twice the target", () => {
    const chunks = planChunks(words("a1", "a2", "a3", "b1", "b2", "c1"), 2, one);
    expect(chunks.map(texts)).toEqual([["a1", "a2", "a3"], ["b1", "b2"], ["c1"]]);
    expect(chunks.every((c) => c.carried.length === 0)).toBe(true);
  });

  test("keeps a Hangul word family (one syllable) in one chunk, and cuts between syllables", () => {
    const chunks = planChunks(words("로그", "로드", "로컬", "롤백", "리소스", "라벨"), 2, one);
    const families = chunks.map((c) => [...new Set(texts(c).map((t) => t[0]))]);
    // 로, 롤 and 리 are different first syllables; 로그/로드/로컬 stay together.
    expect(chunks.map(texts).find((c) => c.includes("로그"))).toEqual(expect.arrayContaining(["로그", "로드", "로컬"]));
    expect(families.flat().length).toBe(new Set(families.flat()).size);
  });

  test("a family many times the target is cut one character deeper, carrying the short words it separates", () => {
    const family = words("c", "ca1", "ca2", "ca3", "ca4", "co1", "co2", "co3", "co4");
    const chunks = planChunks(family, 2, one);
    expect(chunks.map(texts)).toEqual([
      ["c", "ca1", "ca2", "ca3", "ca4"],
      ["co1", "co2", "co3", "co4"],
    ]);
    // `c` is the longest word `cx…` starts with: the fallback for `cx` must still find it next to `co…`.
    expect(chunks[1]!.carried.map((w) => w[0])).toEqual(["c"]);
  });

  test("loses no word and keeps the order", () => {
    const all = words(...Array.from({ length: 200 }, (_, i) => `w${(i * 7919) % 1000}`), "가", "나다", "나라");
    const chunks = planChunks(all, 10, one);
    expect(chunks.flatMap((c) => c.words)).toEqual(all);
  });
});

test("chunkRanges writes each chunk's bounds as Pagefind does: one character past what neighbours share", () => {
  const chunks = [
    { words: words("apple", "apricot"), carried: [] },
    { words: words("banana", "blueberry"), carried: [] },
  ];
  expect(chunkRanges(chunks)).toEqual([
    ["apple", "a"],
    ["b", "blueberry"],
  ]);
});
