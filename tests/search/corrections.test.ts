import { describe, expect, test } from "vitest";
import { allowedEdits, chunksFor, correctRareMatch, correctWord, jamoDistance, jamoOf } from "../../src/search/corrections";
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

describe("a word that matches very little (a prefix of words on one page)", () => {
  // The real notes' own misspelling `구저여서` (one page) next to 구조 (three pages), and the
  // partial words a student may be typing: `알고` of 알고리즘 is one edit from 않고, `creati` of
  // creationTimestamp one from create — an edit, not a confused vowel, so they stay as typed.
  const LITTLE: [string, number][] = [
    ["구조", 3],
    ["구저여서", 1],
    ["않고", 4],
    ["알고리즘", 1],
    ["create", 17],
    ["creationtimestamp", 1],
    ["레이어", 12],
    ["레이어드", 2],
    ["태그", 2],
    ["테그라", 1],
    ["tiller", 1],
    ["kubectl", 5],
    ["kubectl-plugin", 1],
    ["8080", 3],
    ["8081포트", 1],
  ];
  async function correctLittle(word: string) {
    const vocabulary = Vocabulary.fromWords(LITTLE);
    await vocabulary.load(chunksFor(word));
    // Only asked about words the vocabulary knows as a prefix (the others go to correctWord).
    expect(vocabulary.knowsPrefix(word), word).toBe(true);
    return correctRareMatch(word, vocabulary);
  }

  test("구저 (one page, the notes' own misspelling) → 구조 (three pages): ㅓ for ㅗ costs half an edit", async () => {
    expect(await correctLittle("구저")).toEqual({ from: "구저", to: "구조", kind: "typo" });
  });

  test("with a particle: 구저가 → 구조", async () => {
    expect((await correctLittle("구저가"))?.to).toBe("구조");
  });

  test.each([
    ["a correct rare word", "tiller"],
    ["a command", "kubectl"],
    ["a number", "8080"],
    ["a number being typed", "808"],
    ["a word the vocabulary holds", "레이어"],
    ["a prefix of a rare word, one edit (not a confused vowel) from a frequent one", "알고"],
    ["a Latin prefix of a rare word, one edit from a frequent one", "creati"],
    ["a longer word the vocabulary holds", "레이어드"],
    ["a confused vowel, but the other word is on only two pages", "테그"],
  ])("not corrected — %s: %s", async (_, word) => {
    expect(await correctLittle(word)).toBeUndefined();
  });

  test("the thresholds: one page matched, three times as many for the correction", async () => {
    const twoPages = Vocabulary.fromWords([
      ["구조", 5],
      ["구저여서", 2],
    ]);
    await twoPages.load(["ㄱ"]);
    expect(correctRareMatch("구저", twoPages)).toBeUndefined();
    const threeTimes = Vocabulary.fromWords([
      ["구조", 3],
      ["구저여서", 1],
      ["구저분", 0],
    ]);
    await threeTimes.load(["ㄱ"]);
    expect(correctRareMatch("구저", threeTimes)?.to).toBe("구조");
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
