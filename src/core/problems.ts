/**
 * A problem found in an input file. Parsers and validators return these instead of throwing,
 * so a command can report every problem at once and then exit non-zero.
 */
export interface Problem {
  /** Path of the file as the user gave it (or as found on disk). */
  readonly file: string;
  /** 1-based line number; 0 when the problem concerns the whole file. */
  readonly line: number;
  readonly message: string;
  /** `error` stops an import or a build; `warning` is reported and the work goes on. */
  readonly severity: "error" | "warning";
}

export function formatProblem(problem: Problem): string {
  const where = problem.line > 0 ? `${problem.file}:${problem.line}` : problem.file;
  return `${where}: ${problem.severity === "error" ? "error" : "warning"}: ${problem.message}`;
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === "error");
}
