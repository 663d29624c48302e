/**
 * Components an MDX entry, topic note or topic introduction may use without importing them: passed
 * to `<Content components={MDX_COMPONENTS} />` wherever entries render. `.md` entries ignore them.
 */
import Callout from "./Callout.astro";
import Transcript from "./Transcript.astro";

export const MDX_COMPONENTS = { Callout, Transcript };
