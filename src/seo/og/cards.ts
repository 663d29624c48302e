import { SITE_NAME } from "../../core/site-config";
import { getTopic, TOPIC_IDS, type TopicId } from "../../core/topics";
import type { CardText } from "./card-layout";

/** The unfurl cards of the site: one for the site, one per topic. */
export type CardId = "site" | TopicId;
export const CARD_IDS: readonly CardId[] = ["site", ...TOPIC_IDS];

/** Where a card is written, under the base path. */
export const cardPath = (id: CardId) => `og/${id}.png`;

/** `example.github.io/mspt3`: the site's address as a person would read it on the card. */
export const siteAddress = (siteRootUrl: string) => {
  const u = new URL(siteRootUrl);
  return `${u.host}${u.pathname}`.replace(/\/+$/, "");
};

/** What a card says. Every card names the site; a topic card names its topic and what it covers. */
export function cardText(id: CardId, address: string): CardText {
  if (id === "site") {
    return {
      kicker: "수업 Q&A 지식 베이스",
      title: SITE_NAME,
      subtitle: "Docker · Kubernetes · Helm 수업 중에 나온 질문과 답변",
      footer: address,
    };
  }
  const topic = getTopic(id);
  return { kicker: SITE_NAME, title: topic.label, subtitle: topic.description, footer: address };
}

/** Alternative text of a card image (`og:image:alt`). */
export function cardAlt(id: CardId): string {
  return id === "site" ? `${SITE_NAME}: Docker, Kubernetes, Helm 수업 질문과 답변` : `${SITE_NAME}: ${getTopic(id).label} 질문과 답변`;
}
