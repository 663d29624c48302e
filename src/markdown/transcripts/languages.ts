/**
 * Which fenced blocks may hold a terminal transcript, and which outputs are structured data worth
 * highlighting in their own language. Both are tables: extend them, not the code that reads them.
 */

/**
 * Fence labels of shell blocks. A block with one of these labels (or none) is a transcript when it
 * starts with a prompt; any other label (`yaml`, `dockerfile`, `json`, …) keeps its language.
 */
export const SHELL_LANGUAGES: readonly string[] = ["bash", "sh", "shell", "zsh", "console", "shellsession", "shellscript"];

/** A fence without a label may hold a transcript too: notes paste terminal output as is. */
export function mayHoldTranscript(language: string | null | undefined): boolean {
  return !language || SHELL_LANGUAGES.includes(language.toLowerCase());
}

/** Languages that structured output is highlighted in. */
export type OutputLanguage = "yaml" | "json";

interface StructuredOutputRule {
  /** What prints structured data, for documentation and tests. */
  readonly example: string;
  /** Matches the command (prompt removed, trimmed). */
  readonly command: RegExp;
  /** The language of the output, or how to read it from the match. */
  readonly language: (match: RegExpExecArray) => OutputLanguage | undefined;
}

const FILE_EXTENSION_LANGUAGES: Readonly<Record<string, OutputLanguage>> = { yaml: "yaml", yml: "yaml", json: "json" };

export const STRUCTURED_OUTPUT_RULES: readonly StructuredOutputRule[] = [
  {
    // `cat deploy.yaml`, `cat ./k8s/svc.yml`, `sudo cat a.json`: printing a data file.
    example: "cat nginx-deployment.yaml",
    command: new RegExp(
      [
        `^(?:sudo\\s+)?cat`, // cat, perhaps through sudo
        `(?:\\s+-\\S+)*`, // options such as -n
        `(?:\\s+\\S+?\\.(?<ext>ya?ml|json))+`, // one or more data files, the last one's extension wins
        `\\s*$`, // nothing else: no pipe that changes the output
      ].join(""),
      "i",
    ),
    language: (m) => FILE_EXTENSION_LANGUAGES[(m.groups?.ext ?? "").toLowerCase()],
  },
  {
    // `kubectl get deploy x -o yaml`, `-ojson`, `--output=yaml`, `--output json`.
    example: "kubectl get deployment my-nginx -o yaml",
    command: new RegExp(
      [
        `^(?:sudo\\s+)?(?:kubectl|k)\\s`, // kubectl or its usual alias `k`
        `(?:[^|]*\\s)?`, // any arguments, but no pipe
        `(?:-o\\s*|--output(?:=|\\s+))`, // the output option, joined or separated
        `(?<format>yaml|json)`, // the format
        `(?:\\s[^|]*)?$`, // more arguments, still no pipe
      ].join(""),
    ),
    language: (m) => m.groups?.format as OutputLanguage | undefined,
  },
  {
    // `docker inspect nginx`, `docker container inspect web` print JSON unless `--format` reshapes it.
    example: "docker inspect nginx",
    command: /^(?:sudo\s+)?docker\s+(?:(?:container|image|network|volume)\s+)?inspect(?![^|]*\s(?:-f|--format)\b)[^|]*$/,
    language: () => "json",
  },
];

/** The language a command's output is written in, when it is structured data; else `undefined`. */
export function structuredOutputLanguage(command: string): OutputLanguage | undefined {
  const trimmed = command.trim();
  for (const rule of STRUCTURED_OUTPUT_RULES) {
    const match = rule.command.exec(trimmed);
    if (match) return rule.language(match);
  }
  return undefined;
}
