/** Where things are on linkedin.com/ad-library search and detail pages (stable classes, visible texts). */
export const LINKEDIN = {
  listReady: ".search-result-item, .ad-library-empty",
  /** A search result's link to the ad's detail page. */
  detailLink: '.search-result-item a[href*="/ad-library/detail/"]',
  nextPage: 'a[rel="next"]',
  /** The ad preview as members saw it ("Gepromoot" marker, commentary, headline). */
  creativeRoot: ".ad-preview",
  /** The library's "Ad details" (advertiser, paid for by, run dates, targeting, impressions). */
  metadataRoot: ".ad-detail-right-rail",
  labelText: /^(Gepromoot|Promoted|Gesponsord|Sponsored|Politieke advertentie|Political ad|Betaald door|Paid for by)\b/i,
  noticeLinkText: /transparantieverklaring|transparency notice|waarom zie ik/i,
};
