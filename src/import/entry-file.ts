import { createHash } from "node:crypto";
import { parse as parseYaml } from "yaml";

/**
 * The text form of a content entry: YAML frontmatter, a blank line, the Markdown body.
 * The importer stamps `importHash` (a hash of everything else in the file) so that a later
 * import can tell an untouched entry, which it may refresh, from one edited by hand, which it keeps.
 */
export type FrontmatterValue = string | number | boolean;
export type Frontmatter = Record<string, FrontmatterValue>;

const HASH_FIELD = "importHash";
const HASH_LINE = new RegExp(`^${HASH_FIELD}: .*\\n`, "m");
const FRONTMATTER = /^---\n(?<yaml>[\s\S]*?)\n---\n?(?<body>[\s\S]*)$/;

/** Renders an entry file; field order follows `fields`, strings are JSON-quoted (valid YAML). */
export function renderEntryFile(fields: Frontmatter, body: string): string {
  const yaml = Object.entries(fields)
    .map(([key, value]) => `${key}: ${typeof value === "string" ? JSON.stringify(value) : String(value)}`)
    .join("\n");
  const unstamped = `---\n${yaml}\n---\n${body ? `\n${body}\n` : ""}`;
  return unstamped.replace(/\n---\n/, `\n${HASH_FIELD}: "${importHash(unstamped)}"\n---\n`);
}

export interface EntryFile {
  readonly data: Record<string, unknown>;
  readonly body: string;
  /** True when the file no longer matches the hash the importer stamped on it. */
  readonly editedByHand: boolean;
}

/** Reads an entry file; returns undefined when it has no parseable frontmatter. */
export function readEntryFile(text: string): EntryFile | undefined {
  const match = FRONTMATTER.exec(text.replace(/\r\n?/g, "\n"));
  if (!match?.groups) return undefined;
  let data: unknown;
  try {
    data = parseYaml(match.groups.yaml ?? "");
  } catch {
    return undefined;
  }
  if (!data || typeof data !== "object" || Array.isArray(data)) return undefined;
  const record = data as Record<string, unknown>;
  const stamped = record[HASH_FIELD];
  const editedByHand = typeof stamped !== "string" || stamped !== importHash(text.replace(HASH_LINE, ""));
  return { data: record, body: (match.groups.body ?? "").replace(/^\n/, "").replace(/\n$/, ""), editedByHand };
}

function importHash(unstampedText: string): string {
  return createHash("sha256").update(unstampedText).digest("hex").slice(0, 16);
}
