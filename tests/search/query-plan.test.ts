import { describe, expect, test } from "vitest";
import { planQuery, type Concept } from "../../src/search/query-plan";

const words = (concept: Concept | undefined) => concept?.alternatives.map((a) => a.words.join(" ")) ?? [];

describe("planQuery", () => {
  test("a word with a particle is searched as typed, as its stem and as the glossary's main spellings", () => {
    const [concept, ...rest] = planQuery("컨테이너가").concepts;
    expect(rest).toEqual([]);
    expect(words(concept)).toEqual(["컨테이너가", "컨테이너", "container"]);
    expect(concept!.term?.id).toBe("container");
  });

  test("a mixed Latin+Hangul word loses its particle and is also searched in Korean", () => {
    const [concept] = planQuery("ReplicaSet을").concepts;
    expect(words(concept)).toEqual(["replicaset", "레플리카셋"]);
  });

  test("the student's own word counts more than a glossary spelling", () => {
    const [concept] = planQuery("파드").concepts;
    const weight = (w: string) => concept!.alternatives.find((a) => a.words.join(" ") === w)?.weight;
    expect(weight("파드")).toBeGreaterThan(weight("pod")!);
  });

  test("spelling variants meet: 버젼 is also searched as 버전, 스케쥴링 as 스케줄링", () => {
    expect(words(planQuery("버젼").concepts[0])).toEqual(expect.arrayContaining(["버젼", "버전", "version"]));
    expect(words(planQuery("스케쥴링이").concepts[0])).toEqual(expect.arrayContaining(["스케쥴링", "스케줄링", "scheduling"]));
  });

  test("a glossary phrase is one concept whose multi-word spellings must stand together", () => {
    const { concepts } = planQuery("도커 허브 push");
    expect(concepts.map((c) => c.text)).toEqual(["도커 허브", "push"]);
    expect(concepts[0]!.alternatives).toEqual([
      { words: ["도커", "허브"], weight: 1, phrase: true },
      { words: ["docker", "hub"], weight: 0.6, phrase: true },
    ]);
  });

  test("question words and fillers are dropped, unless nothing else is left", () => {
    expect(planQuery("Probe는 어떻게 되나요").concepts.map((c) => c.text)).toEqual(["Probe"]);
    expect(planQuery("어떻게").concepts.map((c) => c.text)).toEqual(["어떻게"]);
  });

  test("Hangul written without spaces becomes its glossary parts, the whole word kept as an alternative", () => {
    const { concepts } = planQuery("노드스토리지마운트");
    expect(concepts.map((c) => c.text)).toEqual(["노드", "스토리지", "마운트"]);
    expect(words(concepts[0])).toContain("노드스토리지마운트");
  });

  test("the same term asked twice is one concept", () => {
    expect(planQuery("파드 Pod").concepts).toHaveLength(1);
  });

  test("a joined word is also searched by its parts, below the whole", () => {
    const [concept] = planQuery("pod-template-hash").concepts;
    const parts = concept!.alternatives.find((a) => a.words.length === 3);
    expect(parts).toMatchObject({ words: ["pod", "template", "hash"], phrase: false });
    expect(parts!.weight).toBeLessThan(1);
  });

  test("a quoted query is Pagefind's exact phrase search, unchanged", () => {
    expect(planQuery('"must force"')).toEqual({ concepts: [], exactPhrase: '"must force"' });
  });

  test("an empty query has no concepts", () => {
    expect(planQuery("   ").concepts).toEqual([]);
  });
});
