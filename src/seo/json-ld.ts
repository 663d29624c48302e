/**
 * schema.org structured data (JSON-LD) for the pages. Plain objects in, a string out; the page
 * embeds it in `<script type="application/ld+json">`, which is data, never executed, so a
 * Content-Security-Policy without 'unsafe-inline' does not block it.
 */
export type JsonLd = Record<string, unknown>;

export interface Crumb {
  readonly name: string;
  /** Absolute URL; the current page (last crumb) may omit it. */
  readonly url?: string;
}

export function breadcrumbList(crumbs: readonly Crumb[]): JsonLd {
  return {
    "@type": "BreadcrumbList",
    itemListElement: crumbs.map((crumb, i) => ({
      "@type": "ListItem",
      position: i + 1,
      name: crumb.name,
      ...(crumb.url ? { item: crumb.url } : {}),
    })),
  };
}

export interface QaPageInput {
  /** Absolute URL of the question page. */
  readonly url: string;
  /** The question as plain text. */
  readonly question: string;
  /** The answer as plain text; empty when the question has no answer yet. */
  readonly answer: string;
  /** Who asked and answered: the course (the notes do not name people). */
  readonly author: string;
  readonly inLanguage: string;
}

/** A question-and-answer page: one Question whose accepted answer is the instructor's. */
export function qaPage(input: QaPageInput): JsonLd {
  const author = { "@type": "Organization", name: input.author };
  const answered = input.answer.trim() !== "";
  return {
    "@type": "QAPage",
    url: input.url,
    inLanguage: input.inLanguage,
    mainEntity: {
      "@type": "Question",
      // `name` only: a `text` equal to it would repeat the question a sixth time on the page.
      name: input.question,
      author,
      answerCount: answered ? 1 : 0,
      ...(answered ? { acceptedAnswer: { "@type": "Answer", text: input.answer, url: `${input.url}#answer`, author } } : {}),
    },
  };
}

/**
 * One JSON-LD document for a page. `<` is escaped so that no text (a question about `</script>`)
 * can close the script element early.
 */
export function serializeJsonLd(nodes: readonly JsonLd[]): string {
  const doc =
    nodes.length === 1 ? { "@context": "https://schema.org", ...nodes[0] } : { "@context": "https://schema.org", "@graph": nodes };
  return JSON.stringify(doc).replace(/</g, "\\u003c");
}
