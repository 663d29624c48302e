import { existsSync } from "node:fs";
import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { buildSettings } from "../core/build-settings.mjs";
import { ENTRY_GLOB } from "../core/entry-files";
import { questionSchema, topicIntroSchema, topicNoteSchema } from "../entries/schema";
import type { TopicId } from "../core/topics";

/** `content/` unless CONTENT_DIR points elsewhere (benchmarks and tests build from temporary folders). */
const { contentDir } = buildSettings();

/** One collection per topic over `content/<topic>/*.md` and `*.mdx`; the entry id is the file name (`d5`). */
const questionCollection = (topic: TopicId) =>
  defineCollection({ loader: glob({ pattern: ENTRY_GLOB, base: `${contentDir}/${topic}` }), schema: questionSchema });

export const collections = {
  // `satisfies` makes the build fail to type-check when a topic in src/core/topics.ts has no collection.
  ...({
    docker: questionCollection("docker"),
    kubernetes: questionCollection("kubernetes"),
    helm: questionCollection("helm"),
  } satisfies Record<TopicId, unknown>),
  topicNotes: defineCollection({
    loader: glob({ pattern: ENTRY_GLOB, base: `${contentDir}/topic-notes` }),
    schema: topicNoteSchema,
  }),
  // Hand-written introductions (docs/authoring.md, "MDX"); most courses have none, and a missing
  // folder is no reason for the glob loader's warning on every build.
  topicIntros: defineCollection({
    loader: existsSync(`${contentDir}/topic-intros`) ? glob({ pattern: ENTRY_GLOB, base: `${contentDir}/topic-intros` }) : () => [],
    schema: topicIntroSchema,
  }),
};
