import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, test, vi } from "vitest";
import { cardText, siteAddress } from "../../src/seo/og/cards";
import { cardCharacters } from "../../src/seo/og/card-layout";
import { parseFontsourceCss, subsetsFor } from "../../src/seo/og/font-subsets";

// A card cache of this test's own, so the first render below really renders.
const cacheDir = mkdtempSync(path.join(tmpdir(), "og-card-test-"));
vi.stubEnv("ASTRO_CACHE_DIR", cacheDir);
const { renderCard } = await import("../../src/site/data/og-cards");
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

const css = readFileSync("node_modules/@fontsource/noto-sans-kr/700.css", "utf8");

test("the Fontsource CSS names ~120 WOFF subsets with their unicode ranges", () => {
  const subsets = parseFontsourceCss(css);
  expect(subsets.length).toBeGreaterThan(100);
  expect(subsets.every((s) => s.file.endsWith("-700-normal.woff") && s.ranges.length > 0)).toBe(true);
  const latin = subsets.find((s) => s.file === "noto-sans-kr-latin-700-normal.woff")!;
  expect(latin.ranges).toContainEqual([0x0000, 0x00ff]);
});

test("a card's text needs only the few subsets that hold its characters, and they hold all of them", () => {
  const subsets = parseFontsourceCss(css);
  const text = cardCharacters(cardText("kubernetes", "example.github.io/mspt3"));
  const used = subsetsFor(text, subsets);
  expect(used.length).toBeLessThan(20);
  for (const ch of text.replace(/\s/g, "")) {
    const cp = ch.codePointAt(0)!;
    expect(
      used.some((s) => s.ranges.some(([a, b]) => cp >= a && cp <= b)),
      ch,
    ).toBe(true);
  }
});

test("the site's address on a card is host and base path", () => {
  expect(siteAddress("https://example.github.io/mspt3/")).toBe("example.github.io/mspt3");
  expect(siteAddress("http://localhost:4321/")).toBe("localhost:4321");
});

test("a card renders to a 1200×630 PNG with its text drawn", async () => {
  const png = Buffer.from(await renderCard(cardText("site", "example.github.io")));
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(png.readUInt32BE(16)).toBe(1200);
  expect(png.readUInt32BE(20)).toBe(630);
  // Text drawn as glyph outlines makes the image far larger than the empty gradient alone.
  const empty = Buffer.from(await renderCard({ kicker: "", title: "", subtitle: "", footer: "" }));
  expect(png.length).toBeGreaterThan(empty.length * 2);
}, 30_000);

test("a rendered card is kept in the build cache and served from it unchanged; other text makes another card", async () => {
  const text = cardText("helm", "example.github.io");
  const first = Buffer.from(await renderCard(text));
  const files = readdirSync(path.join(cacheDir, "og-cards"));
  expect(Buffer.from(await renderCard(text))).toEqual(first);
  expect(readdirSync(path.join(cacheDir, "og-cards"))).toEqual(files);
  await renderCard(cardText("helm", "example.org"));
  expect(readdirSync(path.join(cacheDir, "og-cards"))).toHaveLength(files.length + 1);
}, 30_000);
