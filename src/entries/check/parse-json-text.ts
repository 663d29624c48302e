/**
 * `JSON.parse` for the data files `npm run check` reads (glossary, synonyms): a syntax error is
 * reported on the line where the parser stopped, so an author finds it in their editor.
 */
export function parseJsonText(text: string, error: (line: number, message: string) => void): { data: unknown } | undefined {
  try {
    return { data: JSON.parse(text) as unknown };
  } catch (e) {
    const position = /position (\d+)/.exec((e as Error).message)?.[1];
    error(position ? text.slice(0, Number(position)).split("\n").length : 0, `not valid JSON: ${(e as Error).message}`);
    return undefined;
  }
}
