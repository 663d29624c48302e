import { expect, test } from "vitest";
import { sessionIndex } from "../../src/browse/session-index";
import { sessionKey } from "../../src/browse/group-by-session";

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
});
