/** Where things are on library.tiktok.com list and detail pages (stable classes and visible texts). */
export const TIKTOK = {
  /** A list page has rendered: ad cards or the empty-result text. */
  listReady: ".ad_card, .ad-empty",
  /** A card's link to the ad's detail page. */
  detailLink: '.ad_card a[href*="/ads/detail"]',
  nextPage: 'a[rel="next"]',
  /** The creative: video cover and caption as the ad ran. */
  creativeRoot: ".ad_detail_creative",
  /** The library's "Ad details" panel (metadata, not the ad's label). */
  metadataRoot: ".ad_detail_info",
  /** Disclosure lines inside the creative. */
  labelText: /^(Gesponsord|Sponsored|Politieke advertentie|Political ad|Betaald door|Paid for by|Betaald partnerschap|Paid partnership)\b/i,
  noticeLinkText: /transparantieverklaring|transparency notice|waarom zie ik/i,
};
