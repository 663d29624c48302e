import { z } from "astro/zod";
import { TOPIC_IDS } from "../core/topics";

/** `6`, `10`, `23-2`, `24-1`: numbers joined by `-` (issue 11). */
const sessionNumber = z.string().regex(/^\d+(?:[-.]\d+)*$/, "the session must look like 23-5, 24-1 or 10");
const track = z.string().trim().min(1, "the track is empty").optional();

/**
 * Frontmatter of one question entry (`content/<topic>/<id>.md`). The topic is the folder and the
 * id the file name, so neither is repeated here.
 */
export const questionSchema = z.object({
  /** The question as asked in class; inline Markdown (`code`, links) kept. It is the page's `<h1>`. */
  question: z.string().trim().min(1, "the question is empty"),
  /** Course name from the notes title, e.g. `MSP T3`. */
  course: z.string().trim().min(1, "the course is empty"),
  /** Session number from the notes title, e.g. `23-5`, `24-1` or `10` (shown as `23-5차`). */
  session: sessionNumber,
  /** Track of the session, e.g. `AWS` for `(AWS Track)`; shown as `24-1차 · AWS 트랙`. Absent when none. */
  track: track,
  /** Notes file the entry was imported from, e.g. `msp-t3-23-5.md`. */
  source: z.string().trim().min(1, "the source notes file is empty"),
  /** Line of the question in that notes file; also orders questions within a session. */
  line: z.number().int().positive(),
  /** Stamped by the importer to tell untouched entries from hand-edited ones; absent on hand-written entries. */
  importHash: z.string().optional(),
  /**
   * Words students use for this question that its text does not (`날아가요`, `되돌리기`): searched
   * like the page's own keywords, never shown. Optional; each a non-empty phrase, no repeats.
   */
  aliases: z
    .array(z.string().trim().min(1, "an alias is empty").max(60, "an alias is longer than 60 characters"))
    .refine((list) => new Set(list.map((a) => a.normalize("NFC").toLowerCase())).size === list.length, "an alias is listed twice")
    .optional(),
});

/** Fields every note has: where it was written. */
const noteFields = {
  /** The heading, e.g. `Docker Summary`; absent for an untitled note (text with no heading of its own). */
  title: z.string().trim().min(1, "the title is empty").optional(),
  course: z.string().trim().min(1),
  session: sessionNumber,
  track: track,
  source: z.string().trim().min(1),
  line: z.number().int().positive(),
  importHash: z.string().optional(),
};

/** Frontmatter of a topic note (`content/topic-notes/*.md`): a block inside a topic that is not a question. */
export const topicNoteSchema = z.object({
  /** Topic page the note is shown on. */
  topic: z.enum(TOPIC_IDS),
  ...noteFields,
});

/**
 * Frontmatter of a session note (`content/session-notes/*.md`): notes outside any topic (a
 * curriculum, a playlist, a survey summary), shown on the session's page.
 */
export const sessionNoteSchema = z.object(noteFields);

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
export type SessionNoteData = z.infer<typeof sessionNoteSchema>;
