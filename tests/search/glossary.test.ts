import { describe, expect, test } from "vitest";
import { GLOSSARY } from "../../src/search/glossary";
import { splitCompound, termSpelledBy, variantSearchWords } from "../../src/search/glossary-lookup";
import { splitWords } from "../../src/search/words";

const idOf = (text: string) => termSpelledBy(splitWords(text))?.id;

describe("the glossary, looked up the way students type", () => {
  test("every spelling finds its own term (no two terms collide once case, spaces, particles and spelling are evened out)", () => {
    for (const term of GLOSSARY) {
      for (const variant of term.variants) expect(idOf(variant), `${variant} (${term.id})`).toBe(term.id);
    }
  });

  test.each([
    ["파드", "pod"],
    ["Pod", "pod"],
    ["pods", "pod"],
    ["레플리카셋", "replicaset"],
    ["ReplicaSet을", "replicaset"],
    ["Replica Set", "replicaset"],
    ["디플로이먼트", "deployment"],
    ["Deployment에서", "deployment"],
    ["인그레스", "ingress"],
    ["Ingress를", "ingress"],
    ["로드밸런서", "loadbalancer"],
    ["load balancer", "loadbalancer"],
    ["LoadBalancer와", "loadbalancer"],
    ["헬름", "helm"],
    ["Helm은", "helm"],
    ["도커", "docker"],
    ["Docker", "docker"],
    ["쿠버네티스", "kubernetes"],
    ["K8s의", "kubernetes"],
    ["볼륨이", "volume"],
    ["volumes", "volume"],
    ["라벨", "label"],
    ["레이블을", "label"],
    ["labels", "label"],
    ["태그", "tag"],
    ["tags", "tag"],
    ["스케줄러", "scheduler"],
    ["스케쥴러가", "scheduler"],
    ["scheduler", "scheduler"],
    ["오토스케일링", "autoscaling"],
    ["HPA에서", "autoscaling"],
    ["autoscaling", "autoscaling"],
    ["버전", "version"],
    ["버젼", "version"],
    ["스케쥴링", "scheduling"],
    ["도커 허브에", "docker-hub"],
    ["bind mount", "bind-mount"],
    ["마운트를", "mount"],
    ["지우면", "delete"],
    ["삭제되면", "delete"],
  ])("%s → %s", (text, id) => expect(idOf(text)).toBe(id));

  test("words that are no term find none", () => {
    for (const text of ["먼저", "노드가 하나", "zzqxj", "24시간"]) expect(idOf(text), text).toBeUndefined();
  });

  test("a variant is searched as stemmed, lower-case words", () => {
    expect(variantSearchWords("Load Balancer")).toEqual(["load", "balancer"]);
    expect(variantSearchWords("지우다")).toEqual(["지우"]);
    expect(variantSearchWords("ReplicaSets")).toEqual(["replicasets"]);
  });

  test("splitCompound splits Hangul written without spaces into glossary terms, whole terms first", () => {
    expect(splitCompound("도커이미지삭제")).toEqual(["도커", "이미지", "삭제"]);
    expect(splitCompound("노드스토리지를")).toEqual(["노드", "스토리지를"]);
    expect(splitCompound("서비스포트")).toEqual(["서비스", "포트"]);
    expect(splitCompound("컨테이너레이어")).toBeUndefined(); // a term of its own
    expect(splitCompound("오토스케일링")).toBeUndefined();
    expect(splitCompound("실행결과")).toBeUndefined();
  });

  test("covers the course: every Latin term the notes use three times or more in prose is a glossary spelling or a plain word", async () => {
    const { readRealNotes } = await import("../helpers/notes");
    const { proseOf } = await import("../../src/search/page-keywords");
    const counts = new Map<string, number>();
    for (const word of splitWords(proseOf(readRealNotes()))) {
      if (!/^[A-Za-z][A-Za-z0-9]*$/.test(word)) continue;
      const key = word.toLowerCase();
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    // Ordinary English and notes vocabulary that is not a course term.
    const plain = new Set([
      "to",
      "and",
      "of",
      "a",
      "can",
      "be",
      "in",
      "e",
      "g",
      "n",
      "f",
      "msp",
      "t3",
      "test",
      "chapter2",
      "true",
      "false",
      "mspt3",
      "values",
    ]);
    const missing = [...counts].filter(([word, n]) => n >= 3 && !plain.has(word) && !termSpelledBy([word])).map(([word]) => word);
    expect(missing).toEqual([]);
  });
});
