import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, test } from "vitest";
import { sourceDigest } from "../../src/markdown/source-digest";

const work = mkdtempSync(path.join(tmpdir(), "source-digest-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function folder(name: string, files: Record<string, string>): string {
  const dir = path.join(work, name);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

test("the digest changes with any file's content or name, and not with where the folder is", () => {
  const a = folder("a", { "x.ts": "1", "sub/y.ts": "2" });
  const sameElsewhere = folder("b", { "x.ts": "1", "sub/y.ts": "2" });
  const edited = folder("c", { "x.ts": "1", "sub/y.ts": "3" });
  const renamed = folder("d", { "x.ts": "1", "sub/z.ts": "2" });
  expect(sourceDigest([a])).toBe(sourceDigest([sameElsewhere]));
  expect(sourceDigest([a])).not.toBe(sourceDigest([edited]));
  expect(sourceDigest([a])).not.toBe(sourceDigest([renamed]));
});
