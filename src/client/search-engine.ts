/**
 * What the search page loads after its first paint (a dynamic import): Pagefind's client with
 * the Korean query layer, and the result views. Kept out of the page's own script so that
 * parsing and initialising the query layer (glossary, synonyms, endings) never delays the
 * first paint of the search page (Lighthouse FCP/TBT, issue 12).
 */
export { searchSite } from "./pagefind-client";
export { appendExcerpt, loadResultViews, span } from "./search-results";
