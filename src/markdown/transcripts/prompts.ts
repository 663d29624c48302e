/**
 * Shell prompts a transcript line may start with, as data. Each form is a regex source built from
 * commented fragments; `matchPrompt` tries them all at the start of a line. A new form (another
 * lab's prompt) is one more entry here: detection, rendering and copying follow without other changes.
 */

/** A host name as shells print it: a letter, then letters, digits, `.`, `_` or `-`. */
const HOST = `[A-Za-z][\\w.-]*`;
/** A user name: like a host name, but shells never print a dot-led or empty one. */
const USER = `[A-Za-z_][\\w.-]*`;
/** A working directory as bash's `\w` prints it: `~`, `/etc`, `~/app`; no spaces, `$` or `#`. */
const PATH = `[^\\s$#]*`;

export interface PromptForm {
  /** What the form is, for test names and documentation. */
  readonly name: string;
  /** Prompts of this form, exactly as they appear before a command (trailing space included). */
  readonly examples: readonly string[];
  /** Regex source of the prompt without the space that separates it from the command. */
  readonly source: string;
}

export const PROMPT_FORMS: readonly PromptForm[] = [
  {
    // The course's lab terminals (Killercoda, Katacoda) print the host name, a space and `$`.
    name: "course host",
    examples: ["ubuntu $ ", "controlplane $ ", "node01 $ "],
    source: [
      HOST, // the host: ubuntu, controlplane, node01, …
      ` \\$`, // a space, then the `$` of a normal user
    ].join(""),
  },
  {
    // Books and READMEs write a bare `$` for "type this".
    name: "bare",
    examples: ["$ "],
    source: `\\$`,
  },
  {
    // Debian and Ubuntu's default bash prompt `\u@\h:\w\$`: `$` for a user, `#` for root.
    name: "user@host:path",
    examples: ["user@host:~/app$ ", "root@host:/etc# ", "ubuntu@ip-10-0-0-1:~ $ "],
    source: [
      USER, // the user
      `@`,
      HOST, // the host
      `:`,
      PATH, // the working directory
      ` ?`, // some themes put a space before the sign
      `[$#]`, // `$` for a user, `#` for root
    ].join(""),
  },
];

/**
 * A line that starts with a prompt: the prompt (up to and including the space after it), then the
 * command. A prompt alone at the end of a line (Enter pressed on an empty command) counts too.
 */
const PROMPT_LINE = new RegExp(
  [
    `^`,
    `(?<prompt>`,
    `(?:${PROMPT_FORMS.map((f) => f.source).join("|")})`, // any prompt form
    `(?: |$)`, // the space before the command, or the end of the line
    `)`,
    `(?<command>.*)$`, // the rest of the line, as typed
  ].join(""),
);

export interface PromptMatch {
  /** The prompt as written, including the space after it: `ubuntu $ `. */
  readonly prompt: string;
  /** What was typed after the prompt, as written (trailing spaces kept). */
  readonly command: string;
}

/** The prompt and command of a line that starts with a prompt; `undefined` for any other line. */
export function matchPrompt(line: string): PromptMatch | undefined {
  const groups = PROMPT_LINE.exec(line)?.groups;
  if (!groups) return undefined;
  return { prompt: groups.prompt ?? "", command: groups.command ?? "" };
}

/** The prompt bash prints on a continuation line (`PS2`): `> `. */
const CONTINUATION_PROMPT = /^> ?/;

/** Splits a continuation line into its `> ` prompt (if the terminal printed one) and its text. */
export function splitContinuationPrompt(line: string): PromptMatch {
  const prompt = CONTINUATION_PROMPT.exec(line)?.[0] ?? "";
  return { prompt, command: line.slice(prompt.length) };
}
