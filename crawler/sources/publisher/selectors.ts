/**
 * Every selector and text pattern the publisher source uses, in one place. Ad slots are found the
 * way ad blockers (EasyList-style element rules) and ad researchers do: ad-server frames, GPT and
 * data-ad containers, and the standalone markers publishers must print next to ads.
 */

/** CSS selectors of ad containers seen across news sites. */
export const SLOT_SELECTORS = [
  'div[id^="div-gpt-ad"]', "[data-google-query-id]", "ins.adsbygoogle", "[data-ad]", "[data-ad-unit]", "[data-ad-slot]",
  "[data-ad-unit-desktop-name]", "[data-native-ad]", "[data-advertorial]", "[data-sponsored]", ".js-ad-slot", ".ad-slot", ".ad-unit",
  ".ad-container", ".native-ad", ".advertorial", ".sponsored-content", ".OUTBRAIN", '[id^="taboola-"]', "[data-ad-label]",
];

/** A class or id token that names an ad container (`ad`, `ad-slot`, `ad_iqadtile8`, `top-banner-ad`, `sponsored-block`). */
export const AD_TOKEN = String.raw`^(ad|ads|advert|adv|advertisement|advertentie|anzeige|adsbygoogle|ad[-_][a-z0-9-_]+|[a-z0-9-_]+[-_]ad|[a-z0-9-_]+[-_]ad[-_][a-z0-9-_]+|sponsored[-_a-z0-9]*|native[-_]ad[-_a-z0-9]*|advertorial[-_a-z0-9]*)$`;

/** Tokens that contain "ad" but are not ads, or name an ad's label rather than the ad. */
export const NOT_AD_TOKEN = String.raw`^(ad[-_]?(min|block|blocker|free|dress|d|ded|mission|label|marker|badge|info|choices?|notice|text)|.*[-_]ad[-_]?(label|marker|badge)|.*(head|load|read|lead|shad|grad|upload|thread|bread|gradient)[-_]?ad.*)$`;

/** Frame sources that are ad servers. */
export const AD_FRAME_SRC = String.raw`doubleclick\.net|googlesyndication|googleadservices|adnxs\.com|criteo|amazon-adsystem|taboola|outbrain|adform|smartadserver|adition|yieldlab|rubiconproject|pubmatic|/(ads?|adserver|adframe|creative|creatives|banner|banners|delivery)/`;

/** Standard IAB display sizes: a cross-origin frame of such a size is an ad even from an unknown server. */
export const IAB_SIZES: Array<[number, number]> = [[300, 250], [336, 280], [728, 90], [970, 90], [970, 250], [320, 50], [320, 100], [160, 600], [300, 600], [468, 60], [250, 250], [120, 600]];

/** A standalone marker text (the whole text of a small element). */
export const MARKER_TEXT = String.raw`^(politieke advertentie|politieke reclame|advertentie|advertenties|gesponsord|gesponsorde (inhoud|content|bijdrage)|partnerbijdrage|partnercontent|in samenwerking met .{1,60}|anzeige|werbung|sponsored|sponsored content|advertisement|advertorial|promoted|publicidad|paid (content|post)|paid for by .{1,80}|betaald door .{1,80})$`;

/** Label candidates inside or next to an ad (evidence): commercial and political markers alike. */
export const LABEL_TEXT = String.raw`politieke (advertentie|reclame)|betaald door|paid for by|gefinancierd door|opdrachtgever|advertentie|gesponsord|partnerbijdrage|in samenwerking met|anzeige|werbung|sponsored|advertisement|advertorial|promoted|publicidad|political ad`;

/** A label that says the ad is political (the rest only say "ad"). */
export const POLITICAL_LABEL = /politieke (advertentie|reclame)|political (ad|advertising|advertisement)|paid for by|betaald door|gefinancierd door|wahlwerbung|politische anzeige|publicidad pol[ií]tica/i;

/** Who paid: "Betaald door X", "Paid for by X", "Opdrachtgever: X"; stops at a separator. */
export const SPONSOR_PATTERNS = [
  /(?:betaald door|gefinancierd door|opdrachtgever:?|paid for by|bezahlt von|financ[ée] par)\s*:?\s*([^·|•\n]{2,120})/i,
];

/** A link to a transparency notice, by its text. */
export const NOTICE_LINK_TEXT = /waarom zie ik (deze|dit)|transparantieverklaring|transparantie|meer (info|informatie) over deze (politieke )?(advertentie|reclame)|why am i seeing|about this ad|ad info|politieke reclame/i;

/** A link to a transparency notice, by its address. */
export const NOTICE_LINK_HREF = /politiekereclame\.nl|\/(transparantie|transparantieverklaring|transparantie-verklaringen?|verklaring|verklaringen|transparency|notice|statements?)(\/|$|\?)/i;

/** Editorial and site-chrome containers: a candidate that is or holds one of these is not an ad slot (ad slots sit inside them). */
export const EDITORIAL = "article, main, [role=main], [itemprop=articleBody], h1, body, html, nav, footer, header, [role=navigation], [role=contentinfo]";

/** At most this many slots are captured per page; a container with more text is not one ad. */
export const LIMITS = { maxSlots: 40, maxSlotText: 3000, maxLinksPerPage: 60, markerClimb: 3 };

/**
 * Words that make an ad look political enough to need the browser (a screenshot, and the label's
 * rendered style for the salience rule). Broad on purpose: a miss leaves a possible finding without
 * a screenshot, an extra match only costs a render.
 */
export const POLITICAL_HINT = /politie?k|political|politisch|betaald door|paid for by|gefinancierd door|opdrachtgever|verkiezing|election|wahl|\bstem(t|men)?\b|\bvote|partij|\bparty\b|partei|kandida|candidat|gemeenteraad|provinciale staten|tweede kamer|parlement|parliament|waterschap|referendum|campagne|campaign|minister|regering|government|kabinet|lijsttrekker|transparan|politiekereclame/i;
