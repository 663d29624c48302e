import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { runImport } from "../../cli/import";
import { listFiles, REPLACE_STEPS, type ReplaceStep } from "../../src/core/replace-folder";
import { checkProject } from "../../src/entries/check/check-project";
import { generateNotes } from "../../tools/generate-notes";

/**
 * "An import interrupted half-way leaves content/ exactly as it was." A real import runs in a
 * child process on a large generated notes set; IMPORT_INTERRUPT_AT makes it stop at a named step
 * of the folder swap, and the test kills it there with SIGKILL (no handler, no cleanup: like a
 * power cut). Then it compares the content folder byte for byte and runs the next import.
 */
const QUESTIONS_PER_FILE = 400;
const quiet = { log: () => {}, error: () => {} };

let work: string;
let baseline: string;
let notes: string[];
let expected: Record<string, string>;

/** Every file under a folder with its bytes. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(listFiles(dir).map((p) => [p, readFileSync(path.join(dir, p)).toString("base64")]));
}

beforeAll(() => {
  // Thousands of small files: on a RAM disk when there is one (same renames, far less waiting on a
  // shared machine's disk), else in the temporary folder.
  work = mkdtempSync(path.join(existsSync("/dev/shm") ? "/dev/shm" : tmpdir(), "interrupted-import-"));
  const first = path.join(work, "msp-t3-1-1.md");
  writeFileSync(first, generateNotes({ session: "1-1", count: QUESTIONS_PER_FILE }));
  baseline = path.join(work, "baseline");
  expect(runImport([first, "--content", baseline], quiet)).toBe(0);

  // The interrupted import changes every answer of the first session and adds a second session:
  // eight hundred files to write, so the swap has plenty to be interrupted in.
  writeFileSync(first, generateNotes({ session: "1-1", count: QUESTIONS_PER_FILE, variant: " (고침)" }));
  const second = path.join(work, "msp-t3-1-2.md");
  writeFileSync(second, generateNotes({ session: "1-2", count: QUESTIONS_PER_FILE }));
  notes = [first, second];

  const uninterrupted = path.join(work, "uninterrupted");
  cpSync(baseline, uninterrupted, { recursive: true });
  expect(runImport([...notes, "--content", uninterrupted], quiet)).toBe(0);
  expected = snapshot(uninterrupted);
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs `npm run import` in a child process and SIGKILLs it when it reports reaching `step`. */
function importKilledAt(step: ReplaceStep, content: string): Promise<NodeJS.Signals | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.resolve("node_modules/.bin/tsx"), ["cli/import.ts", ...notes, "--content", content], {
      env: { ...process.env, IMPORT_INTERRUPT_AT: step },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
      if (stdout.includes(`import paused at ${step}`)) child.kill("SIGKILL");
    });
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      signal ? resolve(signal) : reject(new Error(`import exited with ${code}, not killed:\n${stdout}\n${stderr}`)),
    );
  });
}

describe.each(REPLACE_STEPS)("an import killed at %s", (step) => {
  let content: string;
  let before: Record<string, string>;

  beforeAll(async () => {
    content = path.join(work, `content-${step}`);
    cpSync(baseline, content, { recursive: true });
    before = snapshot(content);
    expect(await importKilledAt(step, content)).toBe("SIGKILL");
  }, 60_000);

  if (step === "staging-partial" || step === "staging-written") {
    test("left content/ exactly as it was, byte for byte (the half-written copy is beside it)", () => {
      expect(snapshot(content)).toEqual(before);
      expect(existsSync(`${content}.import-staging`)).toBe(true);
      expect(snapshot(`${content}.import-staging`)).not.toEqual(before);
    });
  }
  if (step === "old-moved") {
    test("left the old content whole in content.import-old; check and build refuse to run until it is back", () => {
      expect(existsSync(content)).toBe(false);
      expect(snapshot(`${content}.import-old`)).toEqual(before);
      const { problems } = checkProject({ root: process.cwd(), contentDir: content });
      expect(problems).toContainEqual(
        expect.objectContaining({ severity: "error", message: expect.stringContaining("npm run import -- --recover") }),
      );
    });
  }
  if (step === "swapped") {
    test("had already put the whole new content in place; only the old copy is left to remove", () => {
      expect(snapshot(content)).toEqual(expected);
      expect(existsSync(`${content}.import-old`)).toBe(true);
    });
  }

  if (step !== "swapped") {
    test("`npm run import -- --recover` puts content/ back exactly as it was", () => {
      const copy = `${content}-recover`;
      for (const suffix of ["", ".import-staging", ".import-old"]) {
        if (existsSync(`${content}${suffix}`)) cpSync(`${content}${suffix}`, `${copy}${suffix}`, { recursive: true });
      }
      expect(runImport(["--recover", "--content", copy], quiet)).toBe(0);
      expect(snapshot(copy)).toEqual(before);
      expect(existsSync(`${copy}.import-staging`) || existsSync(`${copy}.import-old`)).toBe(false);
    }, 60_000);
  }

  test("the next import recovers first and ends exactly where an uninterrupted import does", () => {
    const lines: string[] = [];
    expect(runImport([...notes, "--content", content], { log: (l) => lines.push(l), error: (l) => lines.push(l) })).toBe(0);
    expect(lines[0]).toMatch(/^(recovered|removed what an interrupted import left)/);
    expect(snapshot(content)).toEqual(expected);
    expect(existsSync(`${content}.import-staging`) || existsSync(`${content}.import-old`)).toBe(false);
  }, 60_000);
});
