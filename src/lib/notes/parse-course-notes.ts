import { isLocalRelativePath } from "../local-paths";
import type { Problem } from "../problems";
import { isTopicId, topicForHeading, TOPICS, type TopicId } from "../topics";
import { classifyTopic, type TopicReason } from "./classify-topic";
import { normalizeNotesText } from "./normalize-text";

/** A local image referenced by a question or topic note, with the notes line it is on. */
export interface ImageRef {
  readonly src: string;
  readonly line: number;
}

/** One question of the notes with its answer, ready to become a content entry. */
export interface ParsedQuestion {
  readonly file: string;
  readonly course: string;
  readonly session: string;
  /** Topic of the `##` section the question is written in. */
  readonly sectionTopic: TopicId;
  /** Topic the question belongs to after keyword rules and overrides. */
  readonly topic: TopicId;
  readonly topicReason: TopicReason;
  /** The question as written after `- `, inline Markdown kept. */
  readonly question: string;
  /** The answer as Markdown: bullets moved to column 0, fenced blocks and images kept. */
  readonly body: string;
  /** 1-based line of the question in the notes file. */
  readonly line: number;
  /** 1-based notes line of every line of `body`, in order (blank lines included). */
  readonly bodyLines: readonly number[];
  readonly images: readonly ImageRef[];
}

/** A block under a `###` heading that is not a question, e.g. `### Docker Summary`. */
export interface ParsedTopicNote {
  readonly file: string;
  readonly course: string;
  readonly session: string;
  readonly topic: TopicId;
  readonly title: string;
  readonly body: string;
  readonly line: number;
  readonly bodyLines: readonly number[];
  readonly images: readonly ImageRef[];
}

export interface ParsedNotes {
  readonly file: string;
  readonly course: string;
  readonly session: string;
  readonly questions: readonly ParsedQuestion[];
  readonly topicNotes: readonly ParsedTopicNote[];
  readonly problems: readonly Problem[];
}

// `# MSP T3 - 23-5차`: course name, a dash, the session number and 차.
const TITLE = /^#\s+(?<course>.+?)\s+-\s+(?<session>\d+(?:[-.]\d+)*)\s*차\s*$/;
const SECTION = /^##\s+(?<name>.+?)\s*#*\s*$/;
const SUBSECTION = /^###\s+(?<name>.+?)\s*#*\s*$/;
const SEPARATOR = /^(?:-{3,}|\*{3,}|_{3,})\s*$/;
// A question is a bullet at column 0; the answer's bullets are indented.
const QUESTION = /^[-*+]\s+(?<text>.*)$/;
const FENCE_OPEN = /^(?<indent> *)(?<marker>`{3,}|~{3,})(?<info>.*)$/;
// `<!-- topic: helm -->` anywhere in a question's block moves that one question.
const TOPIC_OVERRIDE = /<!--\s*topic:\s*(?<topic>[\w-]+)\s*-->/;
// Markdown image with a local path: `![alt](img/a.png)` or `![alt](<img/a b.png> "title")`.
const IMAGE = /!\[[^\]]*\]\(\s*(?:<(?<angled>[^>]+)>|(?<plain>[^)\s]+))(?:\s+"[^"]*")?\s*\)/g;

interface Block {
  kind: "question" | "note";
  line: number;
  heading: string;
  sectionTopic: TopicId;
  override?: TopicId;
  lines: { text: string; line: number }[];
}

interface OpenFence {
  indent: number;
  marker: string;
  line: number;
}

/**
 * Parses one course-notes file (format: GUIDE §2) into questions and topic notes.
 * Never throws on bad input: every problem comes back with its file and line.
 */
export function parseCourseNotes(rawText: string, file: string): ParsedNotes {
  const problems: Problem[] = [];
  const error = (line: number, message: string) => problems.push({ file, line, message, severity: "error" });
  const warning = (line: number, message: string) => problems.push({ file, line, message, severity: "warning" });

  const { text, problems: textProblems } = normalizeNotesText(rawText, file);
  problems.push(...textProblems);
  const lines = text.split("\n");

  let course = "";
  let session = "";
  let sectionTopic: TopicId | undefined;
  let sectionKnown = true;
  let block: Block | undefined;
  let fence: OpenFence | undefined;
  const blocks: Block[] = [];

  const closeBlock = () => {
    if (block) blocks.push(block);
    block = undefined;
  };

  lines.forEach((lineText, index) => {
    const line = index + 1;

    if (fence) {
      block?.lines.push({ text: lineText, line });
      if (closesFence(lineText, fence)) fence = undefined;
      return;
    }

    fence = openFence(lineText, line);

    if (!fence && lineText.startsWith("#")) {
      const title = TITLE.exec(lineText);
      const section = SECTION.exec(lineText);
      const subsection = SUBSECTION.exec(lineText);
      if (title?.groups) {
        closeBlock();
        if (course) error(line, "a second `# course - session차` title; one notes file holds one session");
        course = title.groups.course ?? "";
        session = title.groups.session ?? "";
        return;
      }
      if (lineText.startsWith("# ")) {
        error(line, "the title must read `# <course> - <session>차`, e.g. `# MSP T3 - 23-5차`");
        return;
      }
      if (section?.groups) {
        closeBlock();
        const topic = topicForHeading(section.groups.name ?? "");
        sectionKnown = Boolean(topic);
        sectionTopic = topic?.id;
        if (!topic) {
          const known = TOPICS.map((t) => t.headings.join(" / ")).join(", ");
          error(
            line,
            `unknown topic section "## ${section.groups.name}"; known topics: ${known}. ` +
              "To add one, add a row to src/lib/topics.ts and a collection to src/content.config.ts",
          );
        }
        return;
      }
      if (subsection?.groups) {
        closeBlock();
        if (sectionTopic) {
          block = { kind: "note", line, heading: subsection.groups.name ?? "", sectionTopic, lines: [] };
        } else if (sectionKnown) {
          error(line, "a `###` block before any `## topic` section");
        }
        return;
      }
    }

    if (!fence && SEPARATOR.test(lineText)) {
      closeBlock();
      return;
    }

    const question = fence ? undefined : QUESTION.exec(lineText);
    if (question?.groups) {
      closeBlock();
      if (!sectionTopic) {
        if (sectionKnown) error(line, "a question before any `## topic` section");
        return;
      }
      block = { kind: "question", line, heading: question.groups.text ?? "", sectionTopic, lines: [] };
      takeOverride(block, block.heading, line);
      block.heading = block.heading.replace(TOPIC_OVERRIDE, "").trim();
      if (!block.heading) error(line, "a question bullet with no text");
      return;
    }

    if (block) {
      if (block.kind === "question" && TOPIC_OVERRIDE.test(lineText) && !fence) {
        takeOverride(block, lineText, line);
        const rest = lineText.replace(TOPIC_OVERRIDE, "");
        if (rest.trim()) block.lines.push({ text: rest.trimEnd(), line });
        return;
      }
      block.lines.push({ text: lineText, line });
      return;
    }

    if (lineText.trim() !== "" && sectionKnown) {
      error(line, "text outside any question: start a question with `- ` at column 0 or indent an answer line by two spaces");
    }
  });
  if (fence) {
    error(fence.line, `code fence ${fence.marker} opened here is never closed; close it with ${fence.marker} on a line of its own`);
  }
  closeBlock();

  function takeOverride(target: Block, lineText: string, line: number) {
    const topic = TOPIC_OVERRIDE.exec(lineText)?.groups?.topic ?? "";
    if (!topic) return;
    if (isTopicId(topic)) target.override = topic;
    else error(line, `unknown topic "${topic}" in topic override; use one of ${TOPICS.map((t) => t.id).join(", ")}`);
  }

  if (!course) error(1, "missing title line `# <course> - <session>차`, e.g. `# MSP T3 - 23-5차`");

  const questions: ParsedQuestion[] = [];
  const topicNotes: ParsedTopicNote[] = [];
  for (const b of blocks) {
    const { body, bodyLines } = blockBody(b.lines);
    const images = findImages(b.lines);
    if (b.kind === "question") {
      const decision = classifyTopic(b.sectionTopic, b.heading, b.override);
      if (body.trim() === "") warning(b.line, "question has no answer yet; it is imported and marked as unanswered");
      questions.push({
        file, course, session,
        sectionTopic: b.sectionTopic,
        topic: decision.topic,
        topicReason: decision.reason,
        question: b.heading,
        body, bodyLines, line: b.line, images,
      });
    } else {
      topicNotes.push({ file, course, session, topic: b.sectionTopic, title: b.heading, body, bodyLines, line: b.line, images });
    }
  }
  return { file, course, session, questions, topicNotes, problems };
}

function openFence(lineText: string, line: number): OpenFence | undefined {
  const groups = FENCE_OPEN.exec(lineText)?.groups;
  if (!groups) return undefined;
  const { indent = "", marker = "", info = "" } = groups;
  // CommonMark: a backtick fence's info string cannot contain a backtick (that is inline code).
  if (indent.length > 3 || (marker.startsWith("`") && info.includes("`"))) return undefined;
  return { indent: indent.length, marker, line };
}

function closesFence(lineText: string, fence: OpenFence): boolean {
  const trimmed = lineText.trimStart();
  const indent = lineText.length - trimmed.length;
  if (indent > fence.indent + 3) return false;
  const char = fence.marker[0] ?? "`";
  let run = 0;
  while (trimmed[run] === char) run++;
  return run >= fence.marker.length && trimmed.slice(run).trim() === "";
}

/**
 * Turns a block's lines into Markdown: the answer's two-space indent is removed so its bullets
 * become a top-level list; lines inside a fence lose the fence's own indent and nothing more
 * (transcripts print indented YAML that must survive). Leading and trailing blank lines go.
 */
function blockBody(lines: readonly { text: string; line: number }[]): { body: string; bodyLines: number[] } {
  const out: { text: string; line: number }[] = [];
  let fence: OpenFence | undefined;
  for (const { text, line } of lines) {
    if (fence) {
      out.push({ text: removeIndent(text, fence.indent), line });
      if (closesFence(text, fence)) fence = undefined;
      continue;
    }
    fence = openFence(text, line);
    out.push({ text: removeIndent(text, 2), line });
  }
  while (out.length > 0 && out[0]!.text.trim() === "") out.shift();
  while (out.length > 0 && out[out.length - 1]!.text.trim() === "") out.pop();
  return { body: out.map((l) => l.text).join("\n"), bodyLines: out.map((l) => l.line) };
}

function removeIndent(text: string, count: number): string {
  let i = 0;
  while (i < count && text[i] === " ") i++;
  return text.slice(i);
}

function findImages(lines: readonly { text: string; line: number }[]): ImageRef[] {
  const images: ImageRef[] = [];
  let fence: OpenFence | undefined;
  for (const { text, line } of lines) {
    if (fence) {
      if (closesFence(text, fence)) fence = undefined;
      continue;
    }
    fence = openFence(text, line);
    if (fence) continue;
    for (const match of text.matchAll(IMAGE)) {
      const src = match.groups?.angled ?? match.groups?.plain ?? "";
      if (isLocalRelativePath(src)) images.push({ src, line });
    }
  }
  return images;
}
