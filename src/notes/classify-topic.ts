import rulesData from "./topic-rules.json" with { type: "json" };
import { isTopicId, type TopicId } from "../core/topics";

/** A keyword rule: questions in `fromSections` that mention a keyword belong to `topic`. */
export interface TopicRule {
  readonly topic: TopicId;
  readonly fromSections: readonly TopicId[];
  readonly keywords: readonly string[];
}

export type TopicReason = "section" | "keyword" | "override";

export interface TopicDecision {
  readonly topic: TopicId;
  readonly reason: TopicReason;
  /** The keyword that moved the question, when `reason` is `keyword`. */
  readonly keyword?: string;
}

export const TOPIC_RULES: readonly TopicRule[] = rulesData.rules.map((rule) => {
  const bad = [rule.topic, ...rule.fromSections].filter((t) => !isTopicId(t));
  if (bad.length > 0) throw new Error(`src/notes/topic-rules.json names unknown topics: ${bad.join(", ")}`);
  return rule as TopicRule;
});

/**
 * Decides the topic of one question. An explicit override wins; otherwise the first rule whose
 * keyword appears in the question text (not the answer: answers mention neighbouring tools freely).
 */
export function classifyTopic(
  sectionTopic: TopicId,
  questionText: string,
  override?: TopicId,
  rules: readonly TopicRule[] = TOPIC_RULES,
): TopicDecision {
  if (override) return { topic: override, reason: "override" };
  const text = questionText.toLowerCase();
  for (const rule of rules) {
    if (!rule.fromSections.includes(sectionTopic)) continue;
    const keyword = rule.keywords.find((k) => text.includes(k.toLowerCase()));
    if (keyword) return { topic: rule.topic, reason: "keyword", keyword };
  }
  return { topic: sectionTopic, reason: "section" };
}
