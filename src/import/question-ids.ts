import { TOPICS } from "../core/topics";

/**
 * Question ids are a topic's prefix and a number (`d5`, `k27`, `h2`): short, ASCII, readable when
 * pasted in a chat. A number is given once and never reused for another question.
 */
const ID = /^(?<prefix>[a-z]+)(?<number>[1-9][0-9]*)$/;

export function parseQuestionId(id: string): { prefix: string; number: number } | undefined {
  const groups = ID.exec(id)?.groups;
  if (!groups?.prefix || !groups.number) return undefined;
  if (!TOPICS.some((t) => t.idPrefix === groups.prefix)) return undefined;
  return { prefix: groups.prefix, number: Number(groups.number) };
}

/** For each prefix, the number the next new question gets: one past the highest in use. */
export function nextIdNumbers(ids: readonly string[]): Map<string, number> {
  const next = new Map<string, number>(TOPICS.map((t) => [t.idPrefix, 1]));
  for (const id of ids) {
    const parsed = parseQuestionId(id);
    if (parsed) next.set(parsed.prefix, Math.max(next.get(parsed.prefix) ?? 1, parsed.number + 1));
  }
  return next;
}
