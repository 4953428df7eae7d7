/**
 * Where things are on Google's transparency pages. Angular adds generated attributes (`_ngcontent-*`),
 * so these use element names, aria labels and stable classes seen in the real saved markup.
 */

/** One ad card in a list (advertiser page, domain search). */
export const CARD = "creative-preview";
/** The card's link to the creative page. */
export const CARD_LINK = 'a[href*="/creative/"]';
/** The card's hidden format caption ("Text ad.", "Image ad."). */
export const CARD_FORMAT = "figcaption";
/** The library's "Paid for by <advertiser>" line in the card footer (metadata, not the ad's label). */
export const CARD_PAID_FOR = "p.title";
/** The words that introduce the payer in that line. */
export const PAID_FOR_PREFIX = /^(Paid for by|Betaald door)\s*/i;
/** Impressions / spend stats, told apart by aria-label. */
export const CARD_STAT = "span.stat";
/** The date range of the card. */
export const CARD_TIME = "time.active-duration";
/** A text ad's preview inside the card, and its "Ad" marker. */
export const CARD_TEXT_AD = "text-ad";
export const CARD_AD_MARKER = ".ad-icon";

/** Creative page: the rendered creative (text ads inline, image and HTML5 ads in an iframe). */
export const CREATIVE = "creative-details .creative-container";
/** Creative page: the library's metadata panel (advertiser, "Paid for by", last shown, format, regions). */
export const METADATA = "creative-details .metadata";
/** Inside the creative (page or frame): disclosure lines the ad itself shows. */
export const CREATIVE_LABEL_TEXT = /^(Gesponsord|Sponsored|Advertentie|Ad|Politieke advertentie|Political ad|Betaald door|Paid for by)\b/i;
/** Inside the creative: the link to a transparency notice, by its visible text. */
export const NOTICE_LINK_TEXT = /transparantieverklaring|transparency notice|waarom zie ik/i;
/** A list page that has finished rendering: cards, or the empty-result message. */
export const LIST_READY = "creative-preview, .no-results";
/** The link to the next page of a list. */
export const NEXT_PAGE = 'a[rel="next"]';
