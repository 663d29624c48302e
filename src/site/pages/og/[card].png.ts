import type { APIRoute, GetStaticPaths } from "astro";
import { CARD_IDS, cardText, siteAddress, type CardId } from "../../../seo/og/cards";
import { absoluteUrl } from "../../../seo/absolute-url";
import { renderCard } from "../../data/og-cards";

/** `og/site.png`, `og/docker.png` …: the unfurl cards, rendered once per build. */
export const getStaticPaths = (() => CARD_IDS.map((card) => ({ params: { card } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const address = siteAddress(absoluteUrl(site!, import.meta.env.BASE_URL, ""));
  const png = await renderCard(cardText(params.card as CardId, address));
  // A copy in a plain ArrayBuffer: what Response takes.
  return new Response(new Uint8Array(png), { headers: { "content-type": "image/png" } });
};
