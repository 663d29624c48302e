import { z } from "astro/zod";
import { TOPIC_IDS } from "../core/topics";

/**
 * Frontmatter of one question entry (`content/<topic>/<id>.md`). The topic is the folder and the
 * id the file name, so neither is repeated here.
 */
export const questionSchema = z.object({
  /** The question as asked in class; inline Markdown (`code`, links) kept. It is the page's `<h1>`. */
  question: z.string().trim().min(1, "the question is empty"),
  /** Course name from the notes title, e.g. `MSP T3`. */
  course: z.string().trim().min(1, "the course is empty"),
  /** Session number from the notes title, e.g. `23-5` (shown as `23-5차`). */
  session: z.string().regex(/^\d+(?:[-.]\d+)*$/, "the session must look like 23-5"),
  /** Notes file the entry was imported from, e.g. `msp-t3-23-5.md`. */
  source: z.string().trim().min(1, "the source notes file is empty"),
  /** Line of the question in that notes file; also orders questions within a session. */
  line: z.number().int().positive(),
  /** Stamped by the importer to tell untouched entries from hand-edited ones; absent on hand-written entries. */
  importHash: z.string().optional(),
});

/** Frontmatter of a topic note (`content/topic-notes/*.md`): a `###` block that is not a question. */
export const topicNoteSchema = z.object({
  /** Topic page the note is shown on. */
  topic: z.enum(TOPIC_IDS),
  /** The `###` heading, e.g. `Docker Summary`. */
  title: z.string().trim().min(1, "the title is empty"),
  course: z.string().trim().min(1),
  session: z.string().regex(/^\d+(?:[-.]\d+)*$/, "the session must look like 23-5"),
  source: z.string().trim().min(1),
  line: z.number().int().positive(),
  importHash: z.string().optional(),
});

/**
 * Frontmatter of a topic introduction (`content/topic-intros/<topic>.mdx` or `.md`): written by the
 * instructor, never imported, shown above the question list on the topic's first page.
 */
export const topicIntroSchema = z.object({
  /** Topic page the introduction opens. */
  topic: z.enum(TOPIC_IDS),
  /** Heading of the introduction; the topic page shows `소개` without one. */
  title: z.string().trim().min(1, "the title is empty").optional(),
});

export type QuestionData = z.infer<typeof questionSchema>;
export type TopicNoteData = z.infer<typeof topicNoteSchema>;
