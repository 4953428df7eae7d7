/**
 * Reads Google's transparency ad cards (`<creative-preview>`), built from the real saved card markup in
 * ../shared/data/real/c4d-google-political-transparency-report-html (text, image and video cards, 2020).
 * A card mixes the creative preview with the library's own metadata; they are kept apart here: "Paid
 * for by" in the card footer is what the library says, not a label the ad itself showed.
 */
import * as cheerio from "cheerio";
import { parseBucket, type Range } from "../google-political-bundle/parse.js";
import { CARD, CARD_AD_MARKER, CARD_FORMAT, CARD_LINK, CARD_PAID_FOR, CARD_STAT, PAID_FOR_PREFIX, CARD_TEXT_AD, CARD_TIME } from "./selectors.js";

/** One ad card as the library lists it. */
export interface AdCard {
  /** Creative page path or URL, as in the card's link. */
  href: string;
  advertiserId: string | null;
  creativeId: string | null;
  /** "Text ad.", "Image ad.", "Video ad." as the card's hidden caption says. */
  format: string | null;
  /** The library's metadata: who it says paid, and the advertiser link. */
  library: { paidForBy: string | null; dateRange: string | null; durationIso: string | null; impressions: Range | null; impressionsText: string | null; spendText: string | null; spend: Range | null };
  /** Text of a text ad's preview (the creative), without the "Ad" marker. */
  creativeText: string | null;
  /** The commercial marker shown inside a text-ad preview ("Ad", "Gesponsord"), if any. */
  creativeMarker: string | null;
}

const squash = (s: string | undefined | null) => (s ?? "").replace(/\s+/g, " ").trim();

function ids(href: string): { advertiserId: string | null; creativeId: string | null } {
  return { advertiserId: /\/advertiser\/(AR\d+)/.exec(href)?.[1] ?? null, creativeId: /\/creative\/(CR\d+)/.exec(href)?.[1] ?? null };
}

/** Parses every card in a fragment or page; cards without a creative link are skipped. At most 500. */
export function parseAdCards(html: string): AdCard[] {
  const $ = cheerio.load(html);
  const out: AdCard[] = [];
  $(CARD).slice(0, 500).each((_, el) => {
    const card = $(el);
    const href = card.find(CARD_LINK).first().attr("href");
    if (!href) return;
    const stat = (label: string) => squash(card.find(`${CARD_STAT}[aria-label="${label}"]`).clone().find("i").remove().end().text()) || null;
    const impressionsText = stat("Impressions");
    const spendText = stat("Amount spent");
    const preview = card.find(CARD_TEXT_AD).first();
    const marker = squash(preview.find(CARD_AD_MARKER).first().text()) || null;
    const textParts = preview.length ? preview.find("div").toArray().filter((d) => $(d).children("div").length === 0 && !$(d).is(CARD_AD_MARKER)).map((d) => squash($(d).text())) : [];
    const timeEl = card.find(CARD_TIME).first();
    out.push({
      href,
      ...ids(href),
      format: squash(card.find(CARD_FORMAT).first().text()) || null,
      library: {
        paidForBy: squash(card.find(CARD_PAID_FOR).first().text()).replace(PAID_FOR_PREFIX, "") || null,
        dateRange: squash(timeEl.text().replace(/\(\d+ days?\)/, "")) || null,
        durationIso: timeEl.attr("datetime") ?? null,
        impressions: parseBucket(impressionsText),
        impressionsText,
        spendText,
        spend: parseBucket(spendText),
      },
      creativeText: textParts.filter(Boolean).join("\n") || null,
      creativeMarker: marker,
    });
  });
  return out;
}
