/**
 * The site's code themes, light and dark: Astro's Shiki (`markdown.shikiConfig.themes`) and the
 * transcript highlighter both read them from here. Colours reach the page as CSS variables
 * (`--shiki-light`, `--shiki-dark`), so the stylesheet picks the theme.
 */
export const SHIKI_THEMES = { light: "github-light", dark: "github-dark" } as const;
