import { describe, expect, test } from "vitest";
import {
  isPaginationPath,
  parsePublishedUrls,
  publishedPath,
  redirectsFile,
  renderPublishedUrls,
  retiredPages,
  vanishedUrls,
} from "../../src/entries/url-history";
import type { IdLedger } from "../../src/import/id-ledger";

const ledger: IdLedger = {
  records: [
    { id: "d1", topic: "docker", question: "살아 있는 질문" },
    { id: "d2", topic: "docker", question: "지운 질문", replacedBy: "d3" },
    { id: "d3", topic: "docker", question: "대신하는 질문 (지움)", replacedBy: "d1" },
    { id: "d4", topic: "kubernetes", question: "옮긴 질문", movedFrom: ["docker"] },
    { id: "d5", topic: "docker", question: "그냥 지운 질문" },
  ],
};
const live = [
  { topic: "docker" as const, id: "d1" },
  { topic: "kubernetes" as const, id: "d4" },
  { topic: "helm" as const, id: "k7" }, // moved by hand, not yet recorded
];

describe("tombstones and redirects", () => {
  const { tombstones, redirects } = retiredPages({ ledger, live, published: ["docker/d1/", "kubernetes/k7/", "docker/page/2/"] });

  test("a removed question gets a tombstone at its URL, with its replacement followed through removed ids", () => {
    expect(tombstones.map((t) => [t.path, t.replacement?.id])).toEqual([
      ["docker/d2/", "d1"],
      ["docker/d3/", "d1"],
      ["docker/d5/", undefined],
    ]);
    expect(tombstones[2]?.record.question).toBe("그냥 지운 질문");
  });

  test("a moved question's old URLs redirect, from the ledger and from the published list", () => {
    expect(redirects).toEqual([
      { from: "docker/d4/", to: "kubernetes/d4/", id: "d4" },
      { from: "kubernetes/k7/", to: "helm/k7/", id: "k7" },
    ]);
    expect(redirectsFile(redirects, "/mspt3/")).toBe(
      "/mspt3/docker/d4/ /mspt3/kubernetes/d4/ 301\n/mspt3/kubernetes/k7/ /mspt3/helm/k7/ 301\n",
    );
  });

  test("never a retired page where a live question is", () => {
    const paths = [...tombstones.map((t) => t.path), ...redirects.map((r) => r.from)];
    expect(paths).not.toContain("docker/d1/");
    expect(paths).not.toContain("kubernetes/d4/");
  });
});

describe("the published list", () => {
  test("a published URL not built again has vanished; pagination pages are exempt", () => {
    const built = new Set(["", "docker/", "docker/d1/"]);
    expect(vanishedUrls(["", "docker/", "docker/d1/", "docker/d2/", "docker/page/3/", "tags/pod/2/", "tags/pod/"], built)).toEqual([
      "docker/d2/",
      "tags/pod/",
    ]);
    expect(isPaginationPath("kubernetes/page/2/")).toBe(true);
    expect(isPaginationPath("tags/pod/2/")).toBe(true);
    expect(isPaginationPath("tags/pod/")).toBe(false);
    expect(isPaginationPath("sessions/23-5/docker/")).toBe(false);
  });

  test("round-trips, with the home page written as /", () => {
    const text = renderPublishedUrls(["docker/d1/", "", "docker/"]);
    expect(parsePublishedUrls(text)).toEqual(["/", "docker/", "docker/d1/"]);
    expect(parsePublishedUrls(text).map(publishedPath)).toEqual(["", "docker/", "docker/d1/"]);
  });
});
