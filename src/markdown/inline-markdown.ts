/**
 * The small part of Markdown a question line uses: `code`, [links](url), **strong**, *em*.
 * Everything else is text. Output is escaped HTML, so a question can never inject markup.
 */
import { isSafeHref } from "../core/safe-url";

const INLINE = new RegExp(
  [
    // `code`: a whole run of backticks (never part of one: that would make long lines quadratic)
    // up to the next run of the same length.
    /(?<!`)(?<code>`+)(?!`)(?<codeText>[\s\S]*?[^`])\k<code>(?!`)/.source,
    // [text](url), [text](url_(with)_parens) or [text](<path with spaces>); the text is bounded so
    // that a very long line full of `[` costs linear time.
    /\[(?<linkText>[^\]\n]{1,1000})\]\((?:<(?<angledHref>[^<>\n]+)>|(?<href>(?:[^()\s]|\([^()\s]*\))+))\)/.source,
    /\*\*(?<strong>[^*]+)\*\*/.source, // **strong**
    /(?<![\w*])\*(?<em>[^*\s][^*]*)\*(?!\w)/.source, // *em*, not the `*` in `(* note)`
  ].join("|"),
  "g",
);

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&${{ "&": "amp", "<": "lt", ">": "gt", '"': "quot", "'": "#39" }[c]};`);
}

// Only web and relative links survive; `javascript:` and friends become plain text (one rule for
// question lines and answers: src/core/safe-url.ts).
export { isSafeHref };

/**
 * Renders a question line as HTML. With `links: false` a link shows as its text, for places where
 * the whole question is already inside a link (a nested `<a>` is invalid HTML).
 */
export function renderInlineMarkdown(text: string, options: { links?: boolean } = {}): string {
  const links = options.links ?? true;
  return transform(text, {
    code: (code) => `<code>${escapeHtml(code)}</code>`,
    link: (label, href) => {
      if (!isSafeHref(href)) return escapeHtml(`[${label}](${href})`);
      return links ? `<a href="${escapeHtml(href)}">${escapeHtml(label)}</a>` : escapeHtml(label);
    },
    strong: (t) => `<strong>${escapeHtml(t)}</strong>`,
    em: (t) => `<em>${escapeHtml(t)}</em>`,
    text: escapeHtml,
  });
}

/** The text a reader sees: markup removed, e.g. for `<title>` and comparisons with `<h1>`. */
export function inlineMarkdownToText(text: string): string {
  return transform(text, {
    code: (c) => c,
    link: (label, href) => (isSafeHref(href) ? label : `[${label}](${href})`),
    strong: (t) => t,
    em: (t) => t,
    text: (t) => t,
  });
}

interface Renderers {
  code(text: string): string;
  link(label: string, href: string): string;
  strong(text: string): string;
  em(text: string): string;
  text(text: string): string;
}

function transform(text: string, r: Renderers): string {
  let out = "";
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    const g = m.groups ?? {};
    out += r.text(text.slice(last, m.index));
    if (g.code !== undefined) out += r.code(trimCodeSpan(g.codeText ?? ""));
    else if (g.linkText !== undefined) out += r.link(g.linkText, g.angledHref ?? g.href ?? "");
    else if (g.strong !== undefined) out += r.strong(g.strong);
    else out += r.em(g.em ?? "");
    last = m.index + m[0].length;
  }
  return out + r.text(text.slice(last));
}

/** CommonMark strips one space on both sides of a code span when both are there. */
function trimCodeSpan(code: string): string {
  return code.length > 2 && code.startsWith(" ") && code.endsWith(" ") ? code.slice(1, -1) : code;
}
