import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { SatoriOptions } from "satori";
import { CARD_HEIGHT, CARD_WIDTH, cardCharacters, cardLayout, type CardText } from "../../seo/og/card-layout";
import { parseFontsourceCss, subsetsFor, type FontSubset } from "../../seo/og/font-subsets";

/**
 * Renders unfurl cards to PNG at build time, with no outside service: satori lays the card out
 * and turns its text into paths, resvg rasterises it. Chat apps (KakaoTalk, Slack, Discord) need
 * PNG or JPEG, not SVG. Hangul comes from the Noto Sans KR files of `@fontsource/noto-sans-kr`
 * (an npm package), so the build needs no font installed on the machine.
 *
 * A rendered card is kept in the build cache under a hash of everything that shapes it (layout,
 * text, font files, renderer versions): a rebuild with unchanged cards does not even load the
 * renderer (≈ 1 s of the first card).
 */

// Resolved from the project root: the build runs there, and bundled code has no stable own path.
const require = createRequire(path.join(process.cwd(), "package.json"));
const FONT_PACKAGE = "@fontsource/noto-sans-kr";
const WEIGHTS = [400, 700] as const;
/** Same folder as Astro's `cacheDir` in astro.config.mjs. */
const CACHE_DIR = path.join(process.env.ASTRO_CACHE_DIR || "./node_modules/.astro", "og-cards");

let subsetsByWeight: Map<number, FontSubset[]> | undefined;

interface CardFont {
  name: string;
  file: string;
  weight: (typeof WEIGHTS)[number];
}

function fontsFor(text: string): { fonts: CardFont[]; family: string } {
  subsetsByWeight ??= new Map(
    WEIGHTS.map((w) => [w, parseFontsourceCss(readFileSync(require.resolve(`${FONT_PACKAGE}/${w}.css`), "utf8"))]),
  );
  const fonts: CardFont[] = [];
  const names = new Set<string>();
  for (const weight of WEIGHTS) {
    for (const subset of subsetsFor(text, subsetsByWeight.get(weight)!)) {
      // One family per subset (its number), shared by both weights: satori falls back from family
      // to family for a missing glyph, but keeps only one font per family and weight.
      const name = `card-${/-(\w+)-\d+-normal\.woff$/.exec(subset.file)?.[1] ?? subset.file}`;
      fonts.push({ name, file: require.resolve(`${FONT_PACKAGE}/files/${subset.file}`), weight });
      names.add(name);
    }
  }
  return { fonts, family: [...names].join(", ") };
}

const versionOf = (pkg: string) =>
  (JSON.parse(readFileSync(require.resolve(`${pkg}/package.json`), "utf8")) as { version: string }).version;

/** A 1200×630 PNG card showing `text`. */
export async function renderCard(text: CardText): Promise<Uint8Array> {
  const { fonts, family } = fontsFor(cardCharacters(text));
  const layout = cardLayout(text, family);
  const key = createHash("sha256")
    .update(
      JSON.stringify({
        layout,
        fonts: fonts.map((f) => [f.name, path.basename(f.file), f.weight]),
        versions: ["satori", "@resvg/resvg-js", FONT_PACKAGE].map(versionOf),
      }),
    )
    .digest("hex")
    .slice(0, 32);
  const cached = path.join(CACHE_DIR, `${key}.png`);
  if (existsSync(cached)) return readFileSync(cached);

  const [{ default: satori }, { Resvg }] = await Promise.all([import("satori"), import("@resvg/resvg-js")]);
  const satoriFonts: SatoriOptions["fonts"] = fonts.map((f) => ({
    name: f.name,
    data: readFileSync(f.file),
    weight: f.weight,
    style: "normal",
  }));
  const svg = await satori(layout as unknown as Parameters<typeof satori>[0], {
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    fonts: satoriFonts,
  });
  const png = new Resvg(svg, { fitTo: { mode: "original" } }).render().asPng();
  mkdirSync(CACHE_DIR, { recursive: true });
  writeFileSync(cached, png);
  return png;
}
