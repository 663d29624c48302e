import { expect, test } from "vitest";
import { searchWithQueryLayer } from "../../src/search/run-search";
import type { PagefindApi, PagefindSearchResponse } from "../../src/search/pagefind-types";

/** A Pagefind whose searches answer only when the test says so, recording what happened when. */
function heldPagefind() {
  const events: string[] = [];
  const held: (() => void)[] = [];
  const pagefind: Pick<PagefindApi, "search"> = {
    search: (term) => {
      events.push(`search ${term}`);
      return new Promise<PagefindSearchResponse>((resolve) =>
        held.push(() => {
          events.push(`answer ${term}`);
          resolve({ results: [], unfilteredResultCount: 0 });
        }),
      );
    },
  };
  return { pagefind, events, release: () => held.splice(0).forEach((answer) => answer()) };
}

test("whileSearching is called once, after every search is sent and before any answers", async () => {
  const { pagefind, events, release } = heldPagefind();
  const searching = searchWithQueryLayer(pagefind, "파드 재시작", { totalPages: 10, whileSearching: () => events.push("whileSearching") });
  await new Promise((resolve) => setTimeout(resolve, 0));
  expect(events.at(-1)).toBe("whileSearching");
  expect(events.filter((e) => e.startsWith("search ")).length).toBeGreaterThanOrEqual(2);
  expect(events.some((e) => e.startsWith("answer "))).toBe(false);
  release();
  await searching;
  expect(events.filter((e) => e === "whileSearching")).toHaveLength(1);
});
