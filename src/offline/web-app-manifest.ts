/**
 * The web app manifest (`<base>manifest.webmanifest`) and its icons, written at build time, so
 * students can install the site (Chromium's "설치" / "홈 화면에 추가") and open it like an app,
 * offline included: the installed app is the same site under the same service worker.
 *
 * Chromium's install criteria, which this meets: a manifest with `name` or `short_name`, PNG icons
 * of 192 and 512 px, a `start_url` inside `scope`, `display` standalone, served from a secure
 * origin (or localhost). Theme colours follow the site's light and dark palettes: the manifest can
 * hold one (`theme_color`, light), and each page's `<meta name="theme-color" media=…>` gives both.
 */
import { SITE_DESCRIPTION, SITE_NAME } from "../core/site-config";

export const WEB_APP_MANIFEST_FILE = "manifest.webmanifest";

/** The site's palette (src/site/styles/global.css `--bg`, `--accent`), light and dark. */
export const THEME_COLORS = { light: "#ffffff", dark: "#0d1117", accent: "#1d4ed8" } as const;

export const APP_ICONS = [
  { file: "icons/icon-192.png", size: 192, purpose: "any" },
  { file: "icons/icon-512.png", size: 512, purpose: "any" },
  { file: "icons/maskable-512.png", size: 512, purpose: "maskable" },
] as const;

export interface WebAppManifest {
  readonly id: string;
  readonly name: string;
  readonly short_name: string;
  readonly description: string;
  readonly lang: string;
  readonly dir: "ltr";
  readonly start_url: string;
  readonly scope: string;
  readonly display: "standalone";
  readonly background_color: string;
  readonly theme_color: string;
  readonly icons: readonly { src: string; sizes: string; type: "image/png"; purpose: string }[];
}

/** The manifest for a build under `base` (`/` or `/mspt3/`): the app starts at, and covers, the base path. */
export function webAppManifest(base: string): WebAppManifest {
  return {
    id: base,
    name: `${SITE_NAME} 지식 베이스`,
    short_name: SITE_NAME,
    description: SITE_DESCRIPTION,
    lang: "ko",
    dir: "ltr",
    start_url: base,
    scope: base,
    display: "standalone",
    background_color: THEME_COLORS.light,
    theme_color: THEME_COLORS.light,
    icons: APP_ICONS.map((icon) => ({
      src: `${base}${icon.file}`,
      sizes: `${icon.size}x${icon.size}`,
      type: "image/png",
      purpose: icon.purpose,
    })),
  };
}

/**
 * The icon as SVG, drawn with paths only (no font: the build machine's fonts must not change the
 * icon): a "Q" on the accent colour. `maskable` keeps the mark inside the central safe zone
 * (80 %) and fills the whole square, as launchers crop it to their own shape.
 */
export function iconSvg(maskable: boolean): string {
  const corner = maskable ? 0 : 96;
  const scale = maskable ? 0.7 : 1;
  const offset = (512 - 512 * scale) / 2;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512" viewBox="0 0 512 512">` +
    `<rect width="512" height="512" rx="${corner}" fill="${THEME_COLORS.accent}"/>` +
    `<g transform="translate(${offset} ${offset}) scale(${scale})" fill="none" stroke="#ffffff" stroke-width="44" stroke-linecap="round">` +
    `<circle cx="256" cy="240" r="120"/><path d="M300 300 L380 392"/></g></svg>`
  );
}
