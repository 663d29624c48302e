import { mayHoldTranscript, structuredOutputLanguage, type OutputLanguage } from "./languages";
import { matchPrompt, splitContinuationPrompt } from "./prompts";

/** One line of a command: the prompt the terminal printed (dimmed, never copied) and the text typed. */
export interface CommandLine {
  /** `ubuntu $ ` on the first line; `> ` or `` on continuation lines. */
  readonly prompt: string;
  /** As typed, trailing spaces kept (they are part of what the page shows). */
  readonly text: string;
}

/** A command: its first line, then continuation lines (after a trailing `\`, or a here-document). */
export interface CommandSegment {
  readonly kind: "command";
  readonly lines: readonly CommandLine[];
}

/** What the terminal printed between two commands. */
export interface OutputSegment {
  readonly kind: "output";
  /** The printed lines, joined with `\n`. */
  readonly text: string;
  /** Set when the command prints a data file or format (`cat a.yaml`, `kubectl … -o json`). */
  readonly language?: OutputLanguage;
}

export type TranscriptSegment = CommandSegment | OutputSegment;

export interface Transcript {
  readonly kind: "transcript";
  readonly segments: readonly TranscriptSegment[];
}

/** Any block that is not a transcript: it is shown, highlighted and copied as written. */
export interface PlainCode {
  readonly kind: "code";
}

/** A shebang makes a block a script, whatever follows. */
const SHEBANG = /^#!/;
/** A line ending in an unescaped backslash continues on the next line. */
const LINE_CONTINUES = /(?:^|[^\\])(?:\\\\)*\\$/;
/** `<<EOF`, `<<-'EOF'`, `<< "END"`: a here-document and its delimiter (`<<<` is a here-string). */
const HERE_DOCUMENT = /(?<!<)<<(?<strip>-?)\s*(?<quote>['"]?)(?<delimiter>[A-Za-z_][\w-]*)\k<quote>/;

/**
 * Tells a terminal transcript from any other code block. A block labelled as shell (or not labelled)
 * is a transcript when its first non-blank line starts with a prompt (see `PROMPT_FORMS`); a block
 * with a shebang or without a leading prompt is a script, and any other label keeps its language.
 */
export function detectTranscript(code: string, language?: string | null): Transcript | PlainCode {
  if (!mayHoldTranscript(language)) return { kind: "code" };
  const lines = code.replace(/\r\n?/g, "\n").replace(/\n$/, "").split("\n");
  const first = lines.find((l) => l.trim() !== "");
  if (first === undefined || SHEBANG.test(first) || !matchPrompt(first)) return { kind: "code" };
  return { kind: "transcript", segments: splitSegments(lines) };
}

/** Splits lines into commands and the output each prints. */
function splitSegments(lines: readonly string[]): TranscriptSegment[] {
  const segments: TranscriptSegment[] = [];
  let output: string[] = [];
  let lastCommand = "";
  const flushOutput = () => {
    if (output.length === 0) return;
    const language = structuredOutputLanguage(lastCommand);
    segments.push({ kind: "output", text: output.join("\n"), ...(language ? { language } : {}) });
    output = [];
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const prompted = matchPrompt(line);
    if (!prompted) {
      output.push(line);
      continue;
    }
    flushOutput();
    const commandLines: CommandLine[] = [{ prompt: prompted.prompt, text: prompted.command }];
    i = readContinuation(lines, i, prompted.command, commandLines);
    segments.push({ kind: "command", lines: commandLines });
    lastCommand = commandLines.map((l) => l.text).join("\n");
  }
  flushOutput();
  return segments;
}

/**
 * Appends the lines that continue the command on line `index` (after a trailing backslash, or the
 * body of a here-document up to its delimiter) and returns the index of the command's last line.
 */
function readContinuation(lines: readonly string[], index: number, firstLine: string, into: CommandLine[]): number {
  const hereDocument = HERE_DOCUMENT.exec(firstLine)?.groups;
  let text = firstLine;
  let i = index;
  if (hereDocument) {
    const delimiter = hereDocument.delimiter ?? "";
    const isEnd = (t: string) => (hereDocument.strip ? t.replace(/^\t+/, "") : t).trimEnd() === delimiter;
    while (i + 1 < lines.length) {
      const next = splitContinuationPrompt(lines[++i] ?? "");
      into.push({ prompt: next.prompt, text: next.command });
      if (isEnd(next.command)) return i;
    }
    return i;
  }
  while (LINE_CONTINUES.test(text.trimEnd()) && i + 1 < lines.length) {
    const next = splitContinuationPrompt(lines[++i] ?? "");
    into.push({ prompt: next.prompt, text: next.command });
    text = next.command;
  }
  return i;
}

/**
 * What the copy button of a transcript copies: every command, prompts removed, output dropped,
 * one command per line (continuation lines stay under their command). Trailing spaces are dropped,
 * and a prompt with nothing typed after it copies nothing.
 */
export function transcriptCommands(transcript: Transcript): string[] {
  return transcript.segments
    .filter((s): s is CommandSegment => s.kind === "command")
    .map((s) => s.lines.map((l) => l.text.trimEnd()).join("\n"))
    .filter((command) => command.trim() !== "");
}
