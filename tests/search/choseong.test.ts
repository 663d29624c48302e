import { expect, test } from "vitest";
import { choseongSuggestions, isChoseongQuery } from "../../src/search/choseong";
import { planQuery } from "../../src/search/query-plan";

const labels = (query: string) => choseongSuggestions(query).map((s) => s.spelling);

test("consonants only suggest glossary terms by their initials", () => {
  expect(labels("ㄹㅂ")).toEqual(expect.arrayContaining(["롤백", "라벨"]));
  expect(labels("ㄷㅋ")[0]).toBe("도커");
  expect(labels("ㅋㅂㄴㅌㅅ")).toEqual(["쿠버네티스"]);
});

test("a double consonant an IME leaves (ㄼ) counts as its two consonants", () => {
  expect(labels("ㄼ")).toEqual(labels("ㄹㅂ"));
});

test("exact matches come before longer words", () => {
  const spellings = labels("ㄷㅋ");
  expect(spellings.indexOf("도커")).toBeLessThan(spellings.indexOf("도커파일"));
});

test("anything but consonants, or a single consonant, is not a 초성 query", () => {
  for (const q of ["롤백", "ㄹ", "ㄹㅂ a", "rb", "ㅏㅂ"]) expect(isChoseongQuery(q), q).toBe(false);
  expect(choseongSuggestions("롤백")).toEqual([]);
});

test("초성 are never used for ranking: the query plan searches them as typed, nothing more", () => {
  expect(planQuery("ㄹㅂ").concepts.flatMap((c) => c.alternatives.map((a) => a.words.join(" ")))).toEqual(["ㄹㅂ"]);
});
