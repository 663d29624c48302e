/**
 * `/<topic>/#d523` on a topic split over pages: when the anchored question is not on this page,
 * go to the page that lists it. Pages hold fixed id ranges (src/browse/topic-pages.ts), so the page
 * follows from the number alone.
 */
import { parseQuestionId } from "../import/question-ids";
import { topicPath } from "../core/site-paths";
import { topicPageOf } from "../browse/topic-pages";
import { isTopicId } from "../core/topics";
import { url } from "../core/url";

const topic = document.querySelector<HTMLElement>("[data-topic-pages]")?.dataset.topicPages ?? "";

function followAnchor() {
  const id = decodeURIComponent(location.hash.slice(1));
  const parsed = parseQuestionId(id);
  if (!isTopicId(topic) || !parsed || document.getElementById(id)) return;
  const target = url(topicPath(topic, topicPageOf(parsed.number)));
  if (target !== location.pathname) location.replace(`${target}#${id}`);
}

followAnchor();
window.addEventListener("hashchange", followAnchor);
