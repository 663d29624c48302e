import { expect, test } from "vitest";
import { sessionIndex } from "../../src/browse/session-index";
import { groupBySession, sessionKey } from "../../src/browse/group-by-session";

const item = (course: string, session: string, topic: string, name: string) => ({ course, session, topic, name });

test("sessions are listed newest first with their questions per topic, in topic order", () => {
  const items = [
    item("MSP T3", "23-5", "kubernetes", "k1"),
    item("MSP T3", "23-5", "docker", "d1"),
    item("MSP T3", "23-10", "helm", "h1"),
    item("MSP T3", "23-6", "docker", "d2"),
    item("MSP T3", "23-5", "docker", "d3"),
  ];
  const index = sessionIndex(items, (i) => i, ["docker", "kubernetes", "helm"]);
  expect(index.map((s) => [s.key, s.label, s.count])).toEqual([
    ["msp-t3-23-10", "MSP T3 · 23-10차", 1],
    ["msp-t3-23-6", "MSP T3 · 23-6차", 1],
    ["msp-t3-23-5", "MSP T3 · 23-5차", 3],
  ]);
  expect(index[2]!.byTopic.map((t) => [t.topic, t.items.map((i) => i.name)])).toEqual([
    ["docker", ["d1", "d3"]],
    ["kubernetes", ["k1"]],
  ]);
});

test("session keys are ASCII URL segments", () => {
  expect(sessionKey("MSP T3", "23-5")).toBe("msp-t3-23-5");
  expect(sessionKey("쿠버네티스 MSP", "24.1")).toBe("msp-24-1");
  expect(sessionKey("MSP T3", "24-1", "AWS")).toBe("msp-t3-24-1-aws");
});

test("two tracks of one session are two sessions, each with its own key, label and questions", () => {
  const tracked = (track: string | undefined, topic: string, name: string) => ({ course: "MSP T3", session: "24-1", track, topic, name });
  const items = [
    tracked("AWS", "docker", "d1"),
    tracked("Azure", "docker", "d2"),
    tracked("AWS", "kubernetes", "k1"),
    tracked(undefined, "helm", "h1"),
  ];
  const index = sessionIndex(items, (i) => i, ["docker", "kubernetes", "helm"]);
  expect(index.map((s) => [s.key, s.label, s.byTopic.map((t) => t.items.map((i) => i.name))])).toEqual([
    ["msp-t3-24-1", "MSP T3 · 24-1차", [["h1"]]],
    ["msp-t3-24-1-aws", "MSP T3 · 24-1차 · AWS 트랙", [["d1"], ["k1"]]],
    ["msp-t3-24-1-azure", "MSP T3 · 24-1차 · Azure 트랙", [["d2"]]],
  ]);
  const groups = groupBySession(items.slice(0, 2), (i) => i);
  expect(groups.map((g) => g.key)).toEqual(["msp-t3-24-1-aws", "msp-t3-24-1-azure"]);
});
