import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { readEntryFile, renderEntryFile } from "../../src/import/entry-file";
import { parseCourseNotes, type ParsedNotes } from "../../src/notes/parse-course-notes";
import { noLossViolations, notesLinesAsParsed } from "../helpers/no-loss";

/**
 * Property tests (fast-check): notes made of every line shape the format knows (issue 11's shapes
 * included: headings of any level, `* ` bullets, odd indents, column-0 paragraphs and blockquotes,
 * frontmatter, the three title forms), in any order, with any characters, never make the parser
 * throw; and whenever the parser reports no error, nothing is lost — every non-blank line of the
 * file is in exactly one question entry, topic note or session note, or is the file's structure
 * (tests/helpers/no-loss.ts),
 * and the entry file the importer writes reads back to the same question and answer.
 * Runs in CI with `npm run test:all`; FC_RUNS raises the number of cases for a longer hunt.
 */
const RUNS = Number(process.env.FC_RUNS ?? 300);
// Generous: the machines are shared; this bounds a hang, it does not measure speed.
const TIMEOUT = Math.max(60_000, RUNS * 50);

// Characters that matter to Markdown, to the notes format or to Unicode handling, plus ordinary text.
const char = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(..."가나다컨테이너파드도커이미지볼륨abcXYZ0123 ") },
  { weight: 2, arbitrary: fc.constantFrom(..."-*+#>`~[]()!<>{}|_:;\"'\\/&=?.,%$") },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      "\t",
      "\u00a0",
      "\u3000",
      "\u200b",
      "\ufeff",
      "\r",
      "\u2028",
      "\u0000",
      "😀",
      "\ud800",
      "\u1100\u1161",
      "\u1112\u1161\u11ab",
      "é",
      "\u0301",
    ),
  },
);
const text = fc.string({ unit: char, minLength: 1, maxLength: 40 });
const words = fc
  .string({ unit: fc.constantFrom(..."가나다컨테이너파드abc012 `*[]()<>{}!"), minLength: 1, maxLength: 30 })
  .filter((s) => s.trim() !== "");
const indent = fc.constantFrom("  ", "    ", "      ", "\t", "\t\t", "\u00a0\u00a0", "\u3000", " ", "   ");
const topicHeading = fc.constantFrom("Docker", "도커", "Kubernetes", "K8s", "Helm", "헬름", "docker");
const titleLine = fc.constantFrom(
  "# MSP T3 - 23-5차",
  "# MSP T3 - mspt3_24-1차 (AWS Track)",
  "# Docker & Kubernetes 노트 (MSP T2 10차)  (✿◡‿◡)",
);

/** A fenced block, closed: its content may look like questions, headings or separators. */
const closedFence = fc
  .tuple(
    fc.constantFrom("", "  ", "    ", "\t"),
    fc.constantFrom("```", "```bash", "~~~", "````"),
    fc.array(fc.oneof(text, fc.constantFrom("- 가짜 질문", "## Docker", "---", "# MSP T3 - 1-1차", "\t탭")), { maxLength: 4 }),
  )
  .map(([i, fence, body]) => [i + fence, ...body, i + fence.replace(/[a-z]+$/, "")].join("\n"));

/**
 * One line (or closed fenced block) of any shape the notes format has, well-formed or not. Shapes
 * that are errors (a second title, an unknown section, a lone fence) are rarer, so that many cases
 * come out error-free and the no-loss half of the property runs often.
 */
const anyLine = fc.oneof(
  { weight: 4, arbitrary: fc.constant("") },
  { weight: 1, arbitrary: fc.constantFrom("# MSP T3 - 23-5차", "# MSP T3", "#no space", "```", "~~~") },
  { weight: 2, arbitrary: topicHeading.map((t) => `## ${t}`) },
  { weight: 1, arbitrary: text.map((t) => `## ${t}`) },
  { weight: 2, arbitrary: text.map((t) => `### ${t}`) },
  { weight: 8, arbitrary: fc.tuple(fc.constantFrom("- ", "* ", "+ ", "-\t"), text).map(([b, t]) => b + t) },
  { weight: 12, arbitrary: fc.tuple(indent, fc.constantFrom("- ", "* ", ""), text).map(([i, b, t]) => i + b + t) },
  { weight: 3, arbitrary: closedFence },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.constantFrom("", "  "),
        fc.constantFrom("img/a b.png", "img/도커.png", "img/x.png", "https://x.io/a.png", "../x.png", "<img/c d.png>"),
      )
      .map(([i, p]) => `${i}![](${p})`),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom("---", "***", "___", "  ---", "<!-- topic: helm -->", "  <!-- topic: kubernetes -->", "   ", "\t"),
  },
  { weight: 1, arbitrary: fc.constantFrom("<!-- topic: nope -->") },
  { weight: 3, arbitrary: text },
  // Issue 11's shapes: topics and notes at any heading level, headings that name no topic, a
  // heading with no space, column-0 answer text, odd indents, `* ` bullets.
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        fc.constantFrom("## ", "### ", "#### "),
        fc.oneof(topicHeading, fc.constantFrom("Q&A", "Playlist", "설문요약", "Docker commands")),
      )
      .map(([h, t]) => h + t),
  },
  { weight: 2, arbitrary: text.map((t) => `> ${t}`) },
  { weight: 1, arbitrary: fc.constantFrom("##MSP T3 강의계획", "| a | ~b~ |", "|---|---|", "![](img/docker\\_summary.png)") },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(" - ", "   - ", "* ", "  * "), text).map(([b, t]) => b + t) },
);

/** How a file names its session: a title of any form, frontmatter, both, or (rarely) nothing. */
const opening = fc.oneof(
  { weight: 6, arbitrary: titleLine.map((t) => [t]) },
  { weight: 2, arbitrary: fc.constant(["---", "course: MSP T2", "session: 23-2", "track: AWS", "---"]) },
  { weight: 1, arbitrary: titleLine.map((t) => ["", t]) },
  { weight: 1, arbitrary: fc.constant(["---", "course: MSP T3", "session: 10", "---", "", "# 제목 없는 노트"]) },
);

/** Notes as a list of lines, usually (not always) opened by a title, a section and a question. */
const soup = fc
  .tuple(fc.nat(9), opening, fc.constantFrom("## ", "### "), topicHeading, fc.array(anyLine, { maxLength: 40 }))
  .map(([n, open, level, topic, lines]) => (n > 0 ? [...open, "", `${level}${topic}`, "", "- 첫 질문?", ...lines] : lines).join("\n"));

/** What an editor may do to a whole file on save. */
const transform = fc.constantFrom(
  (s: string) => s,
  (s: string) => `\ufeff${s}`,
  (s: string) => s.replace(/\n/g, "\r\n"),
  (s: string) => s.normalize("NFD"),
);

function entriesOf(parsed: ParsedNotes) {
  return [
    ...parsed.questions.map((q) => ({ name: `question at ${q.line}`, line: q.line, heading: q.question, body: q.body })),
    ...parsed.topicNotes.map((n) => ({ name: `topic note at ${n.line}`, line: n.line, heading: n.title, body: n.body })),
    ...parsed.sessionNotes.map((n) => ({ name: `session note at ${n.line}`, line: n.line, heading: n.title, body: n.body })),
  ];
}

/** The parser never throws, and every problem names the file and a line of it (0: the whole file). */
function checkProblemsAreWellFormed(notes: string, parsed: ParsedNotes) {
  const lineCount = notesLinesAsParsed(notes).length;
  for (const p of parsed.problems) {
    expect(p.file).toBe("gen.md");
    expect(p.line).toBeGreaterThanOrEqual(0);
    expect(p.line).toBeLessThanOrEqual(lineCount);
    expect(p.message.length).toBeGreaterThan(0);
  }
}

/** The entry file the importer writes for a question reads back to the same question and answer. */
function checkEntryFileRoundTrip(parsed: ParsedNotes) {
  for (const q of parsed.questions) {
    const file = renderEntryFile({ question: q.question, course: q.course, session: q.session, source: "gen.md", line: q.line }, q.body);
    const read = readEntryFile(file);
    expect(read?.data.question).toBe(q.question);
    expect(read?.body).toBe(q.body);
    expect(read?.editedByHand).toBe(false);
  }
}

describe("parseCourseNotes (property)", () => {
  test(
    "never throws on any text at all",
    () => {
      fc.assert(
        fc.property(fc.string({ unit: "binary", maxLength: 400 }), (notes) => {
          checkProblemsAreWellFormed(notes, parseCourseNotes(notes, "gen.md"));
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  test(
    "never throws on any mix of lines; reports problems by line; when it reports no error, loses nothing",
    () => {
      let clean = 0;
      fc.assert(
        fc.property(soup, transform, (raw, save) => {
          const notes = save(raw);
          const parsed = parseCourseNotes(notes, "gen.md");
          checkProblemsAreWellFormed(notes, parsed);
          if (parsed.problems.some((p) => p.severity === "error")) return;
          clean++;
          expect(noLossViolations(notes, entriesOf(parsed))).toEqual([]);
          checkEntryFileRoundTrip(parsed);
        }),
        { numRuns: RUNS },
      );
      // The no-loss half of the property must actually run, not only the never-throws half.
      expect(clean).toBeGreaterThan(RUNS / 5);
    },
    TIMEOUT,
  );

  test(
    "well-formed notes with any indentation style import every question and lose nothing",
    () => {
      const answerLine = fc.tuple(fc.integer({ min: 1, max: 3 }), fc.constantFrom("- ", "* ", ""), words);
      // Content that would close the fence early is left out: that is a different (erroneous) input.
      const fenceLine = fc
        .oneof(words, fc.constantFrom("- 가짜 질문", "## Docker", "---", "\tindented"))
        .filter((l) => !/^\s*(?:`{3,}|~{3,})/.test(l));
      const fence = fc.tuple(fc.constantFrom("```", "~~~", "````"), fc.array(fenceLine, { maxLength: 4 }));
      const question = fc.record({
        text: words,
        answers: fc.array(answerLine, { maxLength: 5 }),
        fence: fc.option(fence, { nil: undefined }),
        image: fc.boolean(),
      });
      const notesArb = fc.tuple(
        fc.constantFrom("  ", "    ", "\t"),
        fc.array(fc.tuple(topicHeading, fc.array(question, { minLength: 1, maxLength: 5 })), { minLength: 1, maxLength: 3 }),
      );
      fc.assert(
        fc.property(notesArb, transform, ([unit, sections], save) => {
          const lines = ["# MSP T3 - 23-6차", ""];
          let count = 0;
          for (const [topic, questions] of sections) {
            lines.push(`## ${topic}`, "");
            for (const q of questions) {
              count++;
              lines.push(`- ${q.text}`);
              for (const [level, bullet, t] of q.answers) lines.push(unit.repeat(level) + bullet + t);
              if (q.fence) lines.push("", `${unit}${q.fence[0]}bash`, ...q.fence[1].map((l) => unit + l), `${unit}${q.fence[0]}`);
              if (q.image) lines.push("![](img/화면 1.png)");
              lines.push("");
            }
            lines.push("---", "");
          }
          const notes = save(lines.join("\n"));
          const parsed = parseCourseNotes(notes, "gen.md");
          expect(parsed.problems.filter((p) => p.severity === "error")).toEqual([]);
          expect(parsed.questions).toHaveLength(count);
          expect(noLossViolations(notes, entriesOf(parsed))).toEqual([]);
          checkEntryFileRoundTrip(parsed);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});
