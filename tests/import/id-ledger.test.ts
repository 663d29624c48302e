import { describe, expect, test } from "vitest";
import { parseLedger, removedRecords, renderLedger, syncLedger, usedIds, type IdLedger } from "../../src/import/id-ledger";
import { nextIdNumbers } from "../../src/import/question-ids";
import { planNewEntry } from "../../src/entries/new-entry";
import { formatProblem } from "../../src/core/problems";

const ledger: IdLedger = {
  records: [
    { id: "d1", topic: "docker", question: "첫 질문" },
    { id: "d2", topic: "docker", question: "두 번째 질문" },
    { id: "k1", topic: "kubernetes", question: "Pod?" },
  ],
};

describe("the id ledger (content/ids.json)", () => {
  test("round-trips, one record a line, in id order", () => {
    const text = renderLedger({ records: [...ledger.records].reverse() });
    expect(parseLedger(text, "ids.json")).toEqual({ ledger, problems: [] });
    expect(text.split("\n").filter((l) => l.includes('"id":'))).toHaveLength(3);
    expect(text.indexOf('"d1"')).toBeLessThan(text.indexOf('"d2"'));
  });

  test("an id recorded twice is an error naming both lines", () => {
    const text = renderLedger(ledger).replace('    {"id":"k1"', '    {"id":"d1","topic":"docker","question":"복사"},\n    {"id":"k1"');
    const { problems } = parseLedger(text, "content/ids.json");
    expect(problems.map(formatProblem)).toEqual([
      "content/ids.json:6: error: id d1 is recorded twice (first on line 4); an id names one question",
    ]);
  });

  test("bad JSON or a bad record is an error, not a crash", () => {
    expect(parseLedger("{", "ids.json").problems[0]?.message).toMatch(/not valid JSON/);
    expect(parseLedger('{"ids":[{"id":"x1","topic":"docker","question":""}]}', "ids.json").problems[0]?.message).toMatch(/question id/);
  });

  test("a deleted entry's id stays used: the next number is past it", () => {
    const live = [{ id: "d1" }]; // d2's file was deleted
    expect(removedRecords(ledger, live).map((r) => r.id)).toEqual(["d2", "k1"]);
    expect(nextIdNumbers(usedIds(ledger, live)).get("d")).toBe(3);
    const planned = planNewEntry(
      [{ path: "docker/d1.md", data: { course: "MSP T3", session: "23-5", line: 1 } }],
      { topic: "docker" },
      ledger.records.map((r) => r.id),
    );
    expect("path" in planned && planned.path).toBe("docker/d3.md");
  });

  test("sync records new ids, refreshes the text, and records a topic change as a move", () => {
    const synced = syncLedger(ledger, [
      { topic: "docker", id: "d1", question: "첫 질문 (고침)" },
      { topic: "kubernetes", id: "d2", question: "두 번째 질문" },
      { topic: "helm", id: "h1", question: "차트?" },
    ]);
    const byId = new Map(synced.records.map((r) => [r.id, r]));
    expect(byId.get("d1")?.question).toBe("첫 질문 (고침)");
    expect(byId.get("d2")).toMatchObject({ topic: "kubernetes", movedFrom: ["docker"] });
    expect(byId.get("h1")).toMatchObject({ topic: "helm", question: "차트?" });
    expect(byId.get("k1")).toEqual(ledger.records[2]); // removed: kept as it was
    // Moving back drops the topic from the history: its URL is the question again.
    const back = syncLedger(synced, [{ topic: "docker", id: "d2", question: "두 번째 질문" }]);
    expect(back.records.find((r) => r.id === "d2")).toMatchObject({ topic: "docker", movedFrom: ["kubernetes"] });
  });

  test("an id in two folders is ambiguous and left alone", () => {
    const synced = syncLedger(ledger, [
      { topic: "docker", id: "d1", question: "a" },
      { topic: "kubernetes", id: "d1", question: "b" },
    ]);
    expect(synced.records.find((r) => r.id === "d1")).toEqual(ledger.records[0]);
  });
});
