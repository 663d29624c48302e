import { defineCollection } from "astro:content";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { glob, type Loader } from "astro/loaders";
import { buildSettings } from "../core/build-settings.mjs";
import { ENTRY_GLOB } from "../core/entry-files";
import { questionSchema, sessionNoteSchema, topicIntroSchema, topicNoteSchema } from "../entries/schema";
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
  // Notes outside any topic (a curriculum, a playlist, a survey summary), shown on their session's page.
  // Most sites have none, so a missing folder is an empty collection, not a build warning.
  sessionNotes: defineCollection({
    loader: optionalFolder(`${contentDir}/session-notes`),
    schema: sessionNoteSchema,
  }),
  // Hand-written introductions (docs/authoring.md, "MDX"); most courses have none.
  topicIntros: defineCollection({
    loader: optionalFolder(`${contentDir}/topic-intros`),
    schema: topicIntroSchema,
  }),
};

/** Entries (`*.md`, `*.mdx`) under a folder that may not exist: the glob loader, or nothing when the folder is absent. */
function optionalFolder(base: string): Loader {
  const inner = glob({ pattern: ENTRY_GLOB, base });
  return {
    name: "optional-folder",
    load: async (context) => {
      if (!existsSync(fileURLToPath(new URL(base, context.config.root)))) {
        // An empty collection rather than none: Astro prints "does not exist or is empty" on every
        // read of a collection its data store lacks, and the store keeps a collection whose last
        // entry was deleted.
        context.store.clear();
        context.store.set({ id: "placeholder", data: {} });
        context.store.delete("placeholder");
        return;
      }
      return inner.load(context);
    },
  };
}
