import { existsSync, readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { SHARED_NOTES, VENDORED_NOTES } from "../helpers/notes";

test.runIf(existsSync(SHARED_NOTES))("the vendored notes copy is byte-identical to ../shared/notes", () => {
  expect(readFileSync(VENDORED_NOTES).equals(readFileSync(SHARED_NOTES))).toBe(true);
});
