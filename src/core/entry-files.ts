/**
 * Which files of the content folder are entries, and an entry's id: `docker/d5.md` (imported or
 * written with `npm run new`) and `docker/d5.mdx` (hand-written with components, docs/authoring.md)
 * are both entry `d5`. The content collections, `npm run check` and `npm run new` read this one rule.
 */
export const ENTRY_EXTENSIONS = [".md", ".mdx"] as const;

/** Glob pattern of the entry files in one folder, for Astro's glob loader. */
export const ENTRY_GLOB = "*.{md,mdx}";

export const isEntryFile = (file: string) => ENTRY_EXTENSIONS.some((ext) => file.endsWith(ext));

/** `docker/d5.mdx` → `d5`. */
export function entryIdOf(file: string): string {
  const name = file.slice(file.lastIndexOf("/") + 1);
  return name.replace(/\.mdx?$/, "");
}
