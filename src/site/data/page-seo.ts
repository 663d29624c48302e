import type { CardId } from "../../seo/og/cards";
import type { JsonLd } from "../../seo/json-ld";

/** One step of a page's breadcrumbs: a label and, except for the current page, a path under the base. */
export interface BreadcrumbStep {
  readonly label: string;
  readonly path?: string;
}

/** What a page tells unfurlers and search engines beyond its title and description. */
export interface PageSeo {
  /** The page's path under the base (`docker/d5/`) for its canonical URL; default: the page being built. */
  readonly path?: string;
  /** `og:title` when it should differ from the page's title (default: the title without the site's name). */
  readonly ogTitle?: string;
  /** `article` for a question, `website` for everything else. */
  readonly ogType?: "website" | "article";
  /** The unfurl card; default the site's. */
  readonly card?: CardId;
  /** Ancestors of the page for BreadcrumbList structured data. */
  readonly breadcrumbs?: readonly BreadcrumbStep[];
  /** More structured data (QAPage …). */
  readonly jsonLd?: readonly JsonLd[];
  /** Keep the page out of search engines (404). */
  readonly noindex?: boolean;
}
