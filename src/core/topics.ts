/**
 * The one table of topics. Everything that needs a topic's name, URL segment, id prefix
 * or the `##` heading that introduces it in the notes reads it from here.
 *
 * To add a topic: add a row here, add its collection in `src/site/content.config.ts`
 * (the build then generates its pages).
 */
export interface Topic {
  /** URL segment, collection name and `content/<id>/` folder. */
  readonly id: TopicId;
  /** Name shown in the UI; English terms stay as written. */
  readonly label: string;
  /** One-line Korean description shown on the home page. */
  readonly description: string;
  /** First character(s) of every question id in this topic, e.g. `d` in `d12`. */
  readonly idPrefix: string;
  /** `##` headings in the notes that open this topic's section (compared case-insensitively). */
  readonly headings: readonly string[];
}

export const TOPIC_IDS = ["docker", "kubernetes", "helm"] as const;
export type TopicId = (typeof TOPIC_IDS)[number];

export const TOPICS: readonly Topic[] = [
  {
    id: "docker",
    label: "Docker",
    description: "이미지, 컨테이너, 레이어, 네트워크, 볼륨",
    idPrefix: "d",
    headings: ["Docker", "도커"],
  },
  {
    id: "kubernetes",
    label: "Kubernetes",
    description: "Pod, Deployment, Service, Ingress, 스토리지, 오토스케일링",
    idPrefix: "k",
    headings: ["Kubernetes", "K8s", "쿠버네티스"],
  },
  {
    id: "helm",
    label: "Helm",
    description: "차트, values.yaml, 릴리스",
    idPrefix: "h",
    headings: ["Helm", "헬름"],
  },
];

export function isTopicId(value: string): value is TopicId {
  return (TOPIC_IDS as readonly string[]).includes(value);
}

export function getTopic(id: TopicId): Topic {
  const topic = TOPICS.find((t) => t.id === id);
  if (!topic) throw new Error(`unknown topic id: ${id}`);
  return topic;
}

/** The topic a `## heading` of the notes opens, or undefined when no topic claims it. */
export function topicForHeading(heading: string): Topic | undefined {
  const wanted = heading.trim().toLowerCase();
  return TOPICS.find((t) => t.headings.some((h) => h.toLowerCase() === wanted));
}
