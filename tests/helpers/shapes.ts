import path from "node:path";

/** Issue 11's fixtures (tests/fixtures/shapes/): one small notes file per shape real notes take, and one combining them. */
export const SHAPES_DIR = path.resolve("tests/fixtures/shapes");
export const SHAPE_FILES = [
  "1-title-track.md",
  "1-title-parentheses.md",
  "1-title-frontmatter.md",
  "2-topic-levels.md",
  "3-topic-notes.md",
  "4-session-notes.md",
  "5-bullets.md",
  "6-column-zero.md",
  "7-fences.md",
  "8-images.md",
  "9-two-courses.md",
  "combined.md",
];
