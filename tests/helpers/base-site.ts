import path from "node:path";

/** The subfolder build the `site-base` test project runs against, as GitHub Pages serves a project site. */
export const BASE_SITE = {
  dir: path.resolve("dist-mspt3"),
  base: "/mspt3/",
  origin: "https://example.github.io",
} as const;
