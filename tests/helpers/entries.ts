import { readFileSync } from "node:fs";
import path from "node:path";
import { listFiles } from "../../src/core/replace-folder";
import { readEntryFile } from "../../src/import/entry-file";
import type { ClaimingEntry } from "./no-loss";

/** Every entry an import wrote under a content folder, as the no-loss check reads them. */
export function entriesIn(content: string): (ClaimingEntry & { data: Record<string, unknown> })[] {
  return listFiles(content)
    .filter((f) => f.endsWith(".md"))
    .map((name) => {
      const entry = readEntryFile(readFileSync(path.join(content, name), "utf8"));
      if (!entry) throw new Error(`unreadable entry ${name}`);
      return {
        name,
        line: Number(entry.data.line),
        heading: String(entry.data.question ?? entry.data.title ?? ""),
        body: entry.body,
        data: entry.data,
      };
    });
}
