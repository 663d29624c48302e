import { z } from "astro/zod";
import type { Problem } from "../../core/problems";
import { parseJsonText } from "./parse-json-text";

/**
 * The shape the glossary (`src/search/glossary.json`) must have for search and tags to work. Only
 * the fields every reader relies on are checked; other fields may be added freely.
 */
const glossarySchema = z
  .object({
    terms: z.array(
      z
        .object({
          id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "the id must be lower-case ASCII words joined by `-` (it is a URL segment)"),
          label: z.string().trim().min(1, "the label is empty"),
          variants: z.array(z.string().trim().min(1, "a variant is empty")).min(1, "a term needs at least one variant"),
          tag: z.boolean().optional(),
        })
        .passthrough(),
    ),
  })
  .passthrough();

/**
 * Checks the glossary's text: valid JSON, the shape above, unique ids, and no spelling claimed by
 * two terms (search would not know which term a query word means). Every problem names its line.
 */
export function validateGlossary(text: string, file: string): Problem[] {
  const problems: Problem[] = [];
  const error = (line: number, message: string) => problems.push({ file, line, message, severity: "error" });
  const warning = (line: number, message: string) => problems.push({ file, line, message, severity: "warning" });

  const json = parseJsonText(text, error);
  if (!json) return problems;
  const data = json.data;
  const lines = text.split("\n");
  const terms = Array.isArray((data as { terms?: unknown })?.terms) ? (data as { terms: unknown[] }).terms : [];
  /** Line of the index-th term: the n-th line naming its id, for the n-th term with that id. */
  const termLine = (index: number) => {
    const id = (terms[index] as { id?: unknown } | undefined)?.id;
    if (typeof id !== "string") return 0;
    const nth = terms.slice(0, index).filter((t) => (t as { id?: unknown })?.id === id).length;
    const naming = lines.flatMap((l, i) => (new RegExp(`"id"\\s*:\\s*${escapeRegExp(JSON.stringify(id))}`).test(l) ? [i + 1] : []));
    return naming[nth] ?? 0;
  };

  const parsed = glossarySchema.safeParse(data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [, index, field, variant] = issue.path;
      const term = typeof index === "number" ? (terms[index] as { id?: unknown } | undefined) : undefined;
      const line = typeof index === "number" ? termLine(index) : 1;
      const where = typeof index === "number" ? `term ${typeof term?.id === "string" ? `"${term.id}"` : `#${index + 1}`}` : "glossary";
      const what = [field, variant].filter((p) => p !== undefined).join(".");
      error(line, `${where}${what ? ` ${what}` : ""}: ${issue.message}`);
    }
    return problems;
  }

  const owners = new Map<string, string>();
  const ids = new Map<string, number>();
  parsed.data.terms.forEach((term, index) => {
    const line = termLine(index);
    const firstLine = ids.get(term.id);
    if (firstLine !== undefined) error(line, `duplicate id "${term.id}" (first on line ${firstLine}); ids must be unique`);
    else ids.set(term.id, line);
    const own = new Set<string>();
    for (const variant of term.variants) {
      const key = variant.trim().normalize("NFC").toLowerCase();
      if (own.has(key)) {
        warning(line, `term "${term.id}" lists the variant "${variant}" twice`);
        continue;
      }
      own.add(key);
      const owner = owners.get(key);
      if (owner !== undefined && owner !== term.id) {
        error(line, `the variant "${variant}" is in two terms, "${owner}" and "${term.id}"; a spelling may belong to one term only`);
      } else owners.set(key, term.id);
    }
  });
  return problems;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
