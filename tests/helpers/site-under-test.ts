import { inject } from "vitest";
import type { SiteLocation } from "../../src/build/links/resolve-link";
import { SITE_DIR } from "./site";

/**
 * The build this test file runs against: the root build (`site` project) or the `/mspt3/` build
 * (`site-base` project). Tests written with it pass for both.
 */
export function siteUnderTest(): { url: string; dir: string; location: SiteLocation } {
  const base = (inject("basePath") as string | undefined) ?? "/";
  // The root build takes SITE_URL from the environment like astro.config.mjs, with its default.
  const origin = (inject("siteOrigin") as string | undefined) ?? (process.env.SITE_URL || "http://localhost:4321");
  return { url: inject("siteUrl"), dir: (inject("siteDir") as string | undefined) ?? SITE_DIR, location: { origin, base } };
}
