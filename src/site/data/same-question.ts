import { askedInOtherSessions, indexSameQuestions } from "../../browse/same-question";
import { getAllQuestions, type Question } from "./questions";

let index: Promise<Map<string, Question[]>> | undefined;

/** The entries of every topic that ask this question in another session. */
export async function getOtherSessionsOf(question: Question): Promise<Question[]> {
  index ??= getAllQuestions().then((all) => indexSameQuestions(all, (q) => q.entry.data));
  return askedInOtherSessions(await index, question, (q) => q.entry.data);
}
