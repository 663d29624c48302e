import { Resvg } from "@resvg/resvg-js";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import satori, { type SatoriOptions } from "satori";
import { CARD_HEIGHT, CARD_WIDTH, cardCharacters, cardLayout, type CardText } from "../lib/og/card-layout";
import { parseFontsourceCss, subsetsFor, type FontSubset } from "../lib/og/font-subsets";

/**
 * Renders unfurl cards to PNG at build time, with no outside service: satori lays the card out
 * and turns its text into paths, resvg rasterises it. Chat apps (KakaoTalk, Slack, Discord) need
 * PNG or JPEG, not SVG. Hangul comes from the Noto Sans KR files of `@fontsource/noto-sans-kr`
 * (an npm package), so the build needs no font installed on the machine.
 */

// Resolved from the project root: the build runs there, and bundled code has no stable own path.
const require = createRequire(path.join(process.cwd(), "package.json"));
const FONT_PACKAGE = "@fontsource/noto-sans-kr";
const WEIGHTS = [400, 700] as const;

let subsetsByWeight: Map<number, FontSubset[]> | undefined;
const fontFiles = new Map<string, Buffer>();

function fontsFor(text: string): { fonts: SatoriOptions["fonts"]; family: string } {
  subsetsByWeight ??= new Map(WEIGHTS.map((w) => [w, parseFontsourceCss(readFileSync(require.resolve(`${FONT_PACKAGE}/${w}.css`), "utf8"))]));
  const fonts: SatoriOptions["fonts"] = [];
  const names = new Set<string>();
  for (const weight of WEIGHTS) {
    for (const subset of subsetsFor(text, subsetsByWeight.get(weight)!)) {
      // One family per subset (its number), shared by both weights: satori falls back from family
      // to family for a missing glyph, but keeps only one font per family and weight.
      const name = `card-${/-(\w+)-\d+-normal\.woff$/.exec(subset.file)?.[1] ?? subset.file}`;
      let data = fontFiles.get(subset.file);
      if (!data) fontFiles.set(subset.file, (data = readFileSync(require.resolve(`${FONT_PACKAGE}/files/${subset.file}`))));
      fonts.push({ name, data, weight, style: "normal" });
      names.add(name);
    }
  }
  return { fonts, family: [...names].join(", ") };
}

/** A 1200×630 PNG card showing `text`. */
export async function renderCard(text: CardText): Promise<Uint8Array> {
  const { fonts, family } = fontsFor(cardCharacters(text));
  const svg = await satori(cardLayout(text, family) as unknown as Parameters<typeof satori>[0], {
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    fonts,
  });
  return new Resvg(svg, { fitTo: { mode: "original" } }).render().asPng();
}
