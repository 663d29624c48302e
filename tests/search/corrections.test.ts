import { describe, expect, test } from "vitest";
import { allowedEdits, chunksFor, correctWord, jamoDistance, jamoOf } from "../../src/search/corrections";
import { Vocabulary } from "../../src/search/vocabulary";

/**
 * Each correction kind on a small vocabulary (the real index's vocabulary is tested in
 * tests/e2e/search-corrections.test.ts), and the words that must never be corrected.
 */
const WORDS: [string, number][] = [
  ["롤백", 3],
  ["볼륨", 6],
  ["레이블", 4],
  ["레이어", 12],
  ["디플로이먼트", 9],
  ["쿠버네티스", 14],
  ["인그레스", 5],
  ["다이제스트", 2],
  ["레플리카셋", 8],
  ["docker", 20],
  ["kubectl", 5],
  ["도커", 18],
  ["이미지", 20],
  ["덮어쓰기", 1],
  ["컨테이너", 25],
  ["순서", 3],
  ["kubelet", 1],
  ["업데이트", 4],
  ["tiller", 1],
];

async function correct(word: string) {
  const vocabulary = Vocabulary.fromWords(WORDS);
  await vocabulary.load(chunksFor(word));
  return correctWord(word, vocabulary);
}

describe("keyboard layout", () => {
  test.each([
    ["fhfqor", "롤백"],
    ["qhffba", "볼륨"],
    ["fpdlqmf", "레이블"],
    ["elvmffhdlajsxm", "디플로이먼트"],
  ])("%s typed with the IME off is %s", async (typed, meant) => {
    expect(await correct(typed)).toEqual({ from: typed, to: meant, kind: "keyboard" });
  });

  test("Hangul typed with the IME on converts back to a known Latin word: 애찯ㄱ → docker", async () => {
    expect(await correct("애찯ㄱ")).toEqual({ from: "애찯ㄱ", to: "docker", kind: "keyboard" });
  });

  test("a Latin word whose conversion is not a known Korean word stays (gibberish is not Korean)", async () => {
    expect(await correct("zzqxj")).toBeUndefined();
  });
});

describe("jamo prefix (a syllable still being composed)", () => {
  test.each([
    ["쿠버네팃", "쿠버네티스"],
    ["인그렛", "인그레스"],
    ["디플로이먼ㅌ", "디플로이먼트"],
  ])("%s → %s", async (typed, meant) => {
    expect(await correct(typed)).toEqual({ from: typed, to: meant, kind: "prefix" });
  });
});

describe("jamo edit distance", () => {
  test.each([
    ["롤벡", "롤백"], // ㅔ for ㅐ: half an edit
    ["쿠버내티스", "쿠버네티스"],
    ["다이재스트", "다이제스트"],
    ["레플리카셑", "레플리카셋"], // a wrong final consonant: one edit
    ["업대이트", "업데이트"],
    ["dokcer", "docker"], // two letters swapped: one edit
  ])("%s → %s", async (typed, meant) => {
    expect(await correct(typed)).toEqual({ from: typed, to: meant, kind: "typo" });
  });

  test("the vowels students confuse cost half an edit; other vowels a whole one", () => {
    expect(jamoDistance(jamoOf("롤벡"), jamoOf("롤백"))).toBe(0.5);
    expect(jamoDistance(jamoOf("롤복"), jamoOf("롤백"))).toBe(1);
    expect(jamoDistance(jamoOf("로드"), jamoOf("러드"))).toBe(0.5);
  });

  test("short words allow one edit, long words two", async () => {
    expect(allowedEdits("롤백")).toBe(1);
    expect(allowedEdits("쿠버네티스")).toBe(2);
    expect(allowedEdits("pods")).toBe(1);
    expect(allowedEdits("kubernetes")).toBe(2);
    // Two whole edits away from 롤백 is too far for a two-syllable word.
    expect(await correct("룰박")).toBeUndefined();
  });

  test("a word past the allowed distance is left alone rather than replaced by something else", async () => {
    expect(await correct("파이프라인")).toBeUndefined();
  });
});

describe("segmentation against the whole vocabulary", () => {
  test("도커이미지덮어쓰기 → 도커 이미지 덮어쓰기", async () => {
    expect(await correct("도커이미지덮어쓰기")).toEqual({ from: "도커이미지덮어쓰기", to: "도커 이미지 덮어쓰기", kind: "split" });
  });

  test("컨테이너레이어순서 → 컨테이너 레이어 순서 (words that are not glossary terms too)", async () => {
    expect((await correct("컨테이너레이어순서"))?.to).toBe("컨테이너 레이어 순서");
  });
});

describe("never corrected", () => {
  test.each([
    ["a correct rare word", "tiller"],
    ["a command", "kubectl"],
    ["a correct word with a particle", "롤백을"],
    ["a number", "8080"],
    ["a version", "1.27"],
    ["a joined word", "pod-template-hash"],
    ["one syllable", "롤"],
  ])("%s: %s", async (_, word) => {
    expect(await correct(word)).toBeUndefined();
  });

  test("a rare word one edit from a frequent one stays itself (kubelet is not kubectl)", async () => {
    expect(await correct("kubelet")).toBeUndefined();
  });
});

test("a vocabulary chunk asked for again while it downloads is fetched once", async () => {
  const fetched: string[] = [];
  const vocabulary = new Vocabulary(async (file) => {
    fetched.push(file);
    await new Promise((resolve) => setTimeout(resolve, 5));
    return file.endsWith("manifest.json") ? { pages: 1, chunks: { ㄹ: "r.json" } } : [["롤백", 3]];
  });
  // The search page starts loading a query's chunks early; the query layer then asks again.
  await Promise.all([vocabulary.load(["ㄹ"]), vocabulary.load(["ㄹ"])]);
  expect(fetched.filter((f) => f.endsWith("r.json"))).toHaveLength(1);
  expect(vocabulary.frequency("롤백")).toBe(3);
});

test("the vocabulary's page count comes from its manifest, 0 without one", async () => {
  const withManifest = new Vocabulary(async () => ({ pages: 2000, chunks: {} }));
  expect(await withManifest.pageCount()).toBe(2000);
  const without = new Vocabulary(async () => {
    throw new Error("HTTP 404");
  });
  expect(await without.pageCount()).toBe(0);
});

test("hasLoaded says whether load would fetch anything; knowsPrefix answers the same before and after it remembers", async () => {
  const vocabulary = Vocabulary.fromWords(WORDS);
  expect(vocabulary.hasLoaded(["ㄹ"])).toBe(false);
  // Before its chunk is loaded a word is unknown, and that answer is not kept.
  expect(vocabulary.knowsPrefix("롤백")).toBe(false);
  await vocabulary.load(["ㄹ", "ㄷ", "k"]);
  expect(vocabulary.hasLoaded(["ㄹ", "ㄷ"])).toBe(true);
  expect(vocabulary.hasLoaded(["ㄹ", "ㅂ"])).toBe(false);
  expect(vocabulary.hasLoaded([])).toBe(true);
  for (let round = 0; round < 2; round++) {
    expect(vocabulary.knowsPrefix("롤백")).toBe(true);
    expect(vocabulary.knowsPrefix("롤")).toBe(true);
    expect(vocabulary.knowsPrefix("롤백을")).toBe(true); // its stem
    expect(vocabulary.knowsPrefix("레이블이")).toBe(true);
    expect(vocabulary.knowsPrefix("롤벡")).toBe(false);
    expect(vocabulary.knowsPrefix("kube")).toBe(true);
    expect(vocabulary.knowsPrefix("kubex")).toBe(false);
    expect(vocabulary.knowsPrefix("덮어쓰면")).toBe(true); // a stem whose ending merged into its syllable
  }
});
