import { describe, expect, test } from "vitest";
import { standardSpelling } from "../../src/search/hangul";
import { isOnlyParticleOrEnding, stemKorean, stripParticles } from "../../src/search/korean-endings";

describe("stripParticles", () => {
  test.each([
    ["컨테이너를", "컨테이너"],
    ["이미지를", "이미지"],
    ["볼륨을", "볼륨"],
    ["컨테이너가", "컨테이너"],
    ["볼륨이", "볼륨"],
    ["서비스는", "서비스"],
    ["레이블은", "레이블"],
    ["노드에", "노드"],
    ["레이어에서", "레이어"],
    ["도커로", "도커"],
    ["파일로", "파일"],
    ["볼륨으로", "볼륨"],
    ["서비스로는", "서비스"],
    ["레플리카셋의", "레플리카셋"],
    ["파일도", "파일"],
    ["디렉토리만", "디렉토리"],
    ["노드와", "노드"],
    ["볼륨과", "볼륨"],
    ["리소스까지", "리소스"],
    ["쿠버네티스부터", "쿠버네티스"],
    ["컨테이너들에서는", "컨테이너"],
    ["삭제시", "삭제"],
  ])("%s → %s", (word, stem) => expect(stripParticles(word)).toBe(stem));

  test("a particle only follows the sound it fits: 이 after a consonant, 가 after a vowel", () => {
    expect(stripParticles("게이트웨이")).toBe("게이트웨이"); // 이 after a vowel is part of the word
    expect(stripParticles("전문가")).toBe("전문가"); // 가 after a consonant is part of the word
  });

  test("never cuts a word below two syllables", () => {
    for (const word of ["추가", "하나", "정의", "차이", "포도", "것으로"]) expect(stripParticles(word)).toBe(word);
    expect(stripParticles("정의를")).toBe("정의");
  });
});

describe("stemKorean", () => {
  test.each([
    ["삭제하면", "삭제"],
    ["삭제되면", "삭제"],
    ["생성됩니다", "생성"],
    ["설정했나요", "설정"],
    ["사용하는", "사용"],
    ["저장된", "저장"],
    ["사용될", "사용"],
    ["연결되어", "연결"],
    ["체크되는건가요", "체크"],
    ["관계인가요", "관계"],
    ["가능한가요", "가능"],
    ["하나이니까", "하나"],
    ["동작한다고", "동작"],
    ["독립적으로", "독립적"],
    ["지우면", "지우"],
    ["사라지나요", "사라지"],
    ["만들어야", "만들"],
    ["지웁니다", "지우"],
    ["지울까요", "지우"],
    ["바뀌나요", "바뀌"],
  ])("%s → %s", (word, stem) => expect(stemKorean(word)).toBe(stem));

  test("leaves whole words, too-short stems and non-Hangul words alone", () => {
    for (const word of ["이미지", "스토리지", "도메인", "스타일", "되나요", "있나요", "맞습니다", "ReplicaSet", "k8s", "컨테이ㄴ"]) {
      expect(stemKorean(word)).toBe(word);
    }
  });

  test("a stem is always a prefix of its word, so Pagefind's prefix match still finds the word", () => {
    for (const word of ["컨테이너들에서는", "삭제됩니다", "지웁니다", "독립적으로", "레플리카셋을"]) {
      const stem = stemKorean(word);
      expect(word.normalize("NFD").startsWith(stem.normalize("NFD")), `${word} → ${stem}`).toBe(true);
    }
  });
});

test("isOnlyParticleOrEnding recognises runs that carry no meaning of their own", () => {
  for (const run of ["을", "에서", "시에", "하면", "되나요", "인가요", "으로는", "들과"])
    expect(isOnlyParticleOrEnding(run), run).toBe(true);
  for (const run of ["레이어", "파일", "삭제", "하나"]) expect(isOnlyParticleOrEnding(run), run).toBe(false);
});

test("standardSpelling writes y-vowels after ㅈ/ㅊ as the plain vowel they sound like", () => {
  expect(standardSpelling("버젼")).toBe("버전");
  expect(standardSpelling("스케쥴링")).toBe("스케줄링");
  expect(standardSpelling("스케쥴러가")).toBe("스케줄러가");
  expect(standardSpelling("컨테이너 ReplicaSet")).toBe("컨테이너 ReplicaSet");
});
