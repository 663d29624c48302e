import { expect, test } from "vitest";
import { groupBySession } from "../../src/browse/group-by-session";
import { compareBySource, compareSessions, sessionLabel } from "../../src/core/sessions";
import { questionPath, withBase } from "../../src/core/site-paths";

test("sessions sort numerically part by part", () => {
  expect(["23-10", "23-5", "22-9", "23-6"].sort(compareSessions)).toEqual(["22-9", "23-5", "23-6", "23-10"]);
});

test("questions sort by course, session, then notes line", () => {
  const items = [
    { course: "MSP T3", session: "23-6", line: 5 },
    { course: "MSP T3", session: "23-5", line: 30 },
    { course: "MSP T3", session: "23-5", line: 7 },
  ];
  expect(items.sort(compareBySource).map((i) => `${i.session}:${i.line}`)).toEqual(["23-5:7", "23-5:30", "23-6:5"]);
});

test("groupBySession groups consecutive questions of a session under its label", () => {
  const groups = groupBySession(
    [
      { course: "MSP T3", session: "23-5" },
      { course: "MSP T3", session: "23-5" },
      { course: "MSP T3", session: "23-6" },
    ],
    (x) => x,
  );
  expect(groups.map((g) => [g.key, g.label, g.items.length])).toEqual([
    ["msp-t3-23-5", "MSP T3 · 23-5차", 2],
    ["msp-t3-23-6", "MSP T3 · 23-6차", 1],
  ]);
  expect(sessionLabel("MSP T3", "23-5")).toBe("MSP T3 · 23-5차");
});

test("internal URLs carry the base path", () => {
  expect(withBase("/", questionPath("docker", "d5"))).toBe("/docker/d5/");
  expect(withBase("/mspt3/", questionPath("helm", "h1"))).toBe("/mspt3/helm/h1/");
  expect(withBase("/mspt3", "")).toBe("/mspt3/");
});
