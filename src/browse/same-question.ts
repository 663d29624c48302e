import { compareBySource } from "../core/sessions";
import { sameQuestionKey } from "../notes/question-key";

/** What is needed to tell where a question was asked. */
export interface AskedAt {
  readonly question: string;
  readonly course: string;
  readonly session: string;
  readonly line: number;
}

/**
 * Groups entries that ask the same question (see `sameQuestionKey`). Built once per build, so
 * finding the other sessions of a question costs one lookup, not a scan of every question.
 */
export function indexSameQuestions<T>(items: readonly T[], data: (item: T) => AskedAt): Map<string, T[]> {
  const index = new Map<string, T[]>();
  for (const item of items) {
    const key = sameQuestionKey(data(item).question);
    if (!key) continue;
    index.set(key, [...(index.get(key) ?? []), item]);
  }
  return index;
}

/**
 * The entries that ask the same question in another session (another course or session number),
 * in notes order. The same question twice in one session is not "another session" and is left out.
 */
export function askedInOtherSessions<T>(index: ReadonlyMap<string, readonly T[]>, item: T, data: (item: T) => AskedAt): T[] {
  const own = data(item);
  const same = index.get(sameQuestionKey(own.question)) ?? [];
  return same
    .filter((other) => {
      const d = data(other);
      return d.course !== own.course || d.session !== own.session;
    })
    .sort((a, b) => compareBySource(data(a), data(b)));
}
