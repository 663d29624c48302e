import { z } from "astro/zod";
import type { Problem } from "../../core/problems";
import { parseJsonText } from "./parse-json-text";

/**
 * The shape the synonym table (`src/search/synonyms.json`) must have: a list of entries, each
 * with the students' `phrases` and what they `means` in the course's words, all non-empty.
 * A phrase listed twice in one entry is a warning; a phrase in two entries is an error (its
 * meanings would silently merge — write one entry with both meanings instead); a phrase that
 * means itself is an error (it would search nothing new).
 */
const synonymSchema = z.object({
  synonyms: z.array(
    z.object({
      phrases: z.array(z.string().trim().min(1, "a phrase is empty")).min(1, "an entry needs at least one phrase"),
      means: z.array(z.string().trim().min(1, "a meaning is empty")).min(1, "an entry needs at least one meaning"),
    }),
  ),
});

export function validateSynonyms(text: string, file: string): Problem[] {
  const problems: Problem[] = [];
  const error = (line: number, message: string) => problems.push({ file, line, message, severity: "error" });
  const warning = (line: number, message: string) => problems.push({ file, line, message, severity: "warning" });
  const json = parseJsonText(text, error);
  if (!json) return problems;
  const data = json.data;
  const lines = text.split("\n");
  /** The line of the index-th entry: the index-th line that opens one (`"phrases"`). */
  const entryLines = lines.flatMap((l, i) => (/"phrases"\s*:/.test(l) ? [i + 1] : []));
  const lineOf = (index: number) => entryLines[index] ?? 0;
  const parsed = synonymSchema.safeParse(data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [, index, field, item] = issue.path;
      const where = typeof index === "number" ? `entry #${index + 1}` : "synonym table";
      const what = [field, item].filter((p) => p !== undefined).join(".");
      error(typeof index === "number" ? lineOf(index) : 1, `${where}${what ? ` ${what}` : ""}: ${issue.message}`);
    }
    return problems;
  }
  const owner = new Map<string, number>();
  const key = (s: string) => s.trim().normalize("NFC").toLowerCase().replace(/\s+/g, " ");
  parsed.data.synonyms.forEach((entry, index) => {
    const line = lineOf(index);
    const own = new Set<string>();
    const means = new Set(entry.means.map(key));
    for (const phrase of entry.phrases) {
      const k = key(phrase);
      if (own.has(k)) {
        warning(line, `entry #${index + 1} lists the phrase "${phrase}" twice`);
        continue;
      }
      own.add(k);
      if (means.has(k)) error(line, `entry #${index + 1}: the phrase "${phrase}" means itself; list it only where it means something else`);
      const first = owner.get(k);
      if (first !== undefined)
        error(line, `the phrase "${phrase}" is in two entries (#${first + 1} and #${index + 1}); merge their meanings into one entry`);
      else owner.set(k, index);
    }
  });
  return problems;
}
