/**
 * Where things are on an Ad Library `render_ad` snapshot. Meta's class names are generated and change
 * weekly, so these lean on roles, test ids and visible text. One file, so a markup change is one edit.
 */

/** The ad card: the snapshot renders one article. */
export const AD_CARD = '[role="article"]';

/** Disclosure elements above the creative: the "Gesponsord" line, the disclaimer, any political label. */
export const LABEL_PARTS = '[data-testid="sponsored-line"], [data-testid="disclaimer"], [data-testid="political-label"]';

/** Visible texts that mark a disclosure line when the test ids are missing. */
export const LABEL_TEXT = /^(Gesponsord|Sponsored|Betaald door|Paid for by|Politieke advertentie|Political ad)/i;

/** The link to the advertiser's transparency notice, by its visible text. */
export const NOTICE_LINK_TEXT = /transparantieverklaring|transparency notice|politieke reclame|waarom zie ik/i;

/** How long a snapshot may take to build its card. */
export const CARD_TIMEOUT_MS = 20_000;
