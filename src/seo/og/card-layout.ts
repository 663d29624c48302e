/**
 * The unfurl card (og:image) as a tree of boxes for the card renderer (satori: a subset of HTML
 * and CSS with flexbox). One card per topic and one for the site: chat apps show the question as
 * the link's title next to it, so the card only has to say where the link goes.
 */
export interface CardNode {
  readonly type: "div";
  readonly props: { readonly style: Record<string, string | number>; readonly children?: string | readonly CardNode[] };
}

export interface CardText {
  /** Small line on top: the site's name. */
  readonly kicker: string;
  /** Large line: the topic, or the site's name on the site card. */
  readonly title: string;
  /** One line under the title. */
  readonly subtitle: string;
  /** Bottom line: where the site lives (host and base path). */
  readonly footer: string;
}

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

/** Every character the card shows: the fonts are chosen to cover exactly these. */
export const cardCharacters = (text: CardText) => `${text.kicker}${text.title}${text.subtitle}${text.footer}`;

const box = (style: Record<string, string | number>, children?: string | CardNode[]): CardNode => ({
  type: "div",
  props: children === undefined ? { style } : { style, children },
});

export function cardLayout(text: CardText, fontFamily: string): CardNode {
  return box(
    {
      width: CARD_WIDTH,
      height: CARD_HEIGHT,
      boxSizing: "border-box",
      display: "flex",
      flexDirection: "column",
      justifyContent: "space-between",
      padding: "64px 80px",
      // Flat colour: a gradient triples the PNG's size for no gain in a chat preview.
      backgroundColor: "#172554",
      color: "#f8fafc",
      fontFamily,
    },
    [
      box({ display: "flex", alignItems: "center", fontSize: 40, fontWeight: 700, color: "#93c5fd" }, [
        box({ width: 20, height: 40, marginRight: 20, borderRadius: 4, backgroundColor: "#60a5fa" }),
        box({ display: "flex" }, text.kicker),
      ]),
      box({ display: "flex", flexDirection: "column" }, [
        box({ display: "flex", fontSize: text.title.length > 12 ? 88 : 112, fontWeight: 700, lineHeight: 1.15 }, text.title),
        box({ display: "flex", marginTop: 24, fontSize: 40, fontWeight: 400, color: "#cbd5e1", lineHeight: 1.4 }, text.subtitle),
      ]),
      box({ display: "flex", fontSize: 28, fontWeight: 400, color: "#94a3b8" }, text.footer),
    ],
  );
}
