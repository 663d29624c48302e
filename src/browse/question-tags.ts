import { GLOSSARY, termsMentionedIn, type GlossaryTerm } from "../search/glossary";
import { answerProse } from "./answer-text";

/**
 * A question's tags: the glossary terms its question line and answer prose mention, in glossary
 * order, leaving out terms marked `tag: false` (spelling variants, words too general).
 * Transcripts are not read (see `answerProse`).
 */
export function questionTags(question: string, answerMarkdown: string): GlossaryTerm[] {
  return termsMentionedIn(`${question}\n${answerProse(answerMarkdown)}`).filter((term) => term.tag);
}

export interface TagGroup<T> {
  readonly term: GlossaryTerm;
  /** Items tagged with the term, in the order they were given. */
  readonly items: T[];
}

const GLOSSARY_ORDER = new Map(GLOSSARY.map((term, i) => [term.id, i]));

/** Groups items by tag, in glossary order; a term that tags nothing gets no group (and no page). */
export function groupByTag<T>(items: readonly T[], tagsOf: (item: T) => readonly GlossaryTerm[]): TagGroup<T>[] {
  const groups = new Map<string, TagGroup<T>>();
  for (const item of items) {
    for (const term of tagsOf(item)) {
      let group = groups.get(term.id);
      if (!group) groups.set(term.id, (group = { term, items: [] }));
      group.items.push(item);
    }
  }
  const order = (term: GlossaryTerm) => GLOSSARY_ORDER.get(term.id) ?? Number.MAX_SAFE_INTEGER;
  return [...groups.values()].sort((a, b) => order(a.term) - order(b.term));
}
