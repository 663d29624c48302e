import { expect, test } from "vitest";
import { GLOSSARY, termsMentionedIn } from "../../src/search/glossary";

test("term ids are unique ASCII slugs", () => {
  const ids = GLOSSARY.map((t) => t.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
});

test("no spelling belongs to two terms", () => {
  const seen = new Map<string, string>();
  for (const term of GLOSSARY) {
    for (const variant of term.variants) {
      const key = variant.toLowerCase();
      expect(seen.get(key), `${variant} in ${term.id}`).toBeUndefined();
      seen.set(key, term.id);
    }
  }
});

test("finds English terms as whole words and Korean ones with particles attached", () => {
  const ids = termsMentionedIn("Deployment에서 select할 label을 ReplicaSet의 Label로 해도 되나요? 파드가 podman").map((t) => t.id);
  expect(ids).toEqual(["label", "pod", "deployment", "replicaset"]);
  expect(termsMentionedIn("podman")).toEqual([]);
});
