/**
 * Profiles of the main Dutch news publishers, as data (validated in profile.ts). Built from: DPG
 * Media's privacy gate as third-party scrapers and a saved NewsAPI record show it (a redirect to
 * myprivacy.dpgmedia.nl/consent?siteKey=…&callbackUrl=…/privacy-gate/accept, an "Akkoord" button,
 * Sourcepoint/Didomi CMP frames, `button[title="Akkoord"]`, `#didomi-notice-agree-button`); the
 * usual Dutch consent button wording. Not verified against the live sites (no saved Dutch publisher page
 * was found, see ../shared/data/real/README.md): the slot hints are DPG/Mediahuis-style patterns
 * that the sandbox's dpg-site replica copies, and are the first thing to re-check against a real page.
 */

const ACCEPT = ["Akkoord", "Accepteren", "Alles accepteren", "Accepteer alles", "Alle cookies accepteren", "Ja, ik ga akkoord", "Ik ga akkoord", "Toestaan"];
const CMP_SELECTORS = ["#didomi-notice-agree-button", 'button[title="Akkoord"]', 'button[title="Alles accepteren"]', '[data-testid="privacy-gate-agree-button"]', "#onetrust-accept-btn-handler"];
const CMP_FRAMES = ["sp_message_iframe", "sourcepoint", "sp-prod", "privacy-mgmt", "didomi", "myprivacy.dpgmedia", "consent"];
const CMP_WALLS = ['iframe[id^="sp_message_iframe"]', 'div[id^="sp_message_container"]', "#didomi-host", "#didomi-notice", "#onetrust-banner-sdk", '[class*="privacy-gate"]', '[id*="privacy-gate"]', '[class*="cookie-wall"]', '[aria-modal="true"]'];
const DPG_GATE = ["myprivacy.dpgmedia", "/privacy-gate"];

const DPG_SLOTS = ['[class*="adslot"]', "[data-adslot]", '[data-testid^="ad-slot"]', '[id^="ad-slot"]', '[class*="advertorial"]', '[data-testid*="sponsored" i]'];
const MEDIAHUIS_SLOTS = ['[id^="mh-ad"]', '[class*="ad-wrapper"]', '[class*="advertentie"]', '[data-ad-position]', '[class*="commercial-content"]'];
const PUBLIC_SLOTS: string[] = []; // NOS and AT5 carry no display ads; promoted items only.

const consent = (extra: { gate?: string[] } = {}) => ({ buttonTexts: ACCEPT, selectors: CMP_SELECTORS, frameUrlPatterns: CMP_FRAMES, gateUrlPatterns: extra.gate ?? [], wallSelectors: CMP_WALLS });

/** The raw profiles (validated on load by profile.ts). */
export const NL_SITE_PROFILES: unknown[] = [
  { id: "nu.nl", name: "NU.nl", group: "DPG Media", hosts: ["nu.nl"], seeds: ["https://www.nu.nl/", "https://www.nu.nl/politiek"], slotHints: DPG_SLOTS, consent: consent({ gate: DPG_GATE }),
    basis: "DPG Media site: privacy gate and Didomi/Sourcepoint CMP as seen in third-party scrapers; slot hints unverified" },
  { id: "ad.nl", name: "AD", group: "DPG Media", hosts: ["ad.nl"], seeds: ["https://www.ad.nl/", "https://www.ad.nl/politiek/"], slotHints: DPG_SLOTS, consent: consent({ gate: DPG_GATE }),
    basis: "DPG Media: redirect to myprivacy.dpgmedia.nl with callback /privacy-gate/accept (saved NewsAPI URL, 2020); slot hints unverified" },
  { id: "volkskrant.nl", name: "de Volkskrant", group: "DPG Media", hosts: ["volkskrant.nl"], seeds: ["https://www.volkskrant.nl/", "https://www.volkskrant.nl/politiek"], slotHints: DPG_SLOTS, consent: consent({ gate: DPG_GATE }),
    basis: "DPG Media privacy gate (as ad.nl); slot hints unverified" },
  { id: "parool.nl", name: "Het Parool", group: "DPG Media", hosts: ["parool.nl", "trouw.nl"], seeds: ["https://www.parool.nl/", "https://www.trouw.nl/politiek"], slotHints: DPG_SLOTS, consent: consent({ gate: DPG_GATE }),
    basis: "DPG Media privacy gate (as ad.nl); slot hints unverified" },
  { id: "dpg-regional", name: "DPG regional dailies", group: "DPG Media", hosts: ["tubantia.nl", "bndestem.nl", "pzc.nl", "ed.nl", "gelderlander.nl", "destentor.nl", "bd.nl"],
    seeds: ["https://www.tubantia.nl/", "https://www.bndestem.nl/", "https://www.pzc.nl/", "https://www.ed.nl/", "https://www.gelderlander.nl/", "https://www.destentor.nl/", "https://www.bd.nl/"],
    slotHints: DPG_SLOTS, consent: consent({ gate: DPG_GATE }), basis: "DPG Media regional titles share the AD platform and privacy gate; slot hints unverified" },
  { id: "telegraaf.nl", name: "De Telegraaf", group: "Mediahuis", hosts: ["telegraaf.nl"], seeds: ["https://www.telegraaf.nl/", "https://www.telegraaf.nl/nieuws/politiek"], slotHints: MEDIAHUIS_SLOTS, consent: consent(),
    basis: "Mediahuis: consent banner in a CMP frame with 'Akkoord'/'Alles accepteren' (wording only); slot hints unverified" },
  { id: "mediahuis-regional", name: "Mediahuis regional dailies", group: "Mediahuis",
    hosts: ["noordhollandsdagblad.nl", "haarlemsdagblad.nl", "leidschdagblad.nl", "gooieneemlander.nl", "ijmuidercourant.nl", "limburger.nl", "dvhn.nl", "lc.nl"],
    seeds: ["https://www.noordhollandsdagblad.nl/", "https://www.haarlemsdagblad.nl/", "https://www.leidschdagblad.nl/", "https://www.limburger.nl/", "https://dvhn.nl/", "https://www.lc.nl/"],
    slotHints: MEDIAHUIS_SLOTS, consent: consent(), basis: "Mediahuis regional titles (incl. NDC: DvhN, LC), same platform as telegraaf.nl; unverified" },
  { id: "nos.nl", name: "NOS", group: "NPO", hosts: ["nos.nl"], seeds: ["https://nos.nl/", "https://nos.nl/nieuws/politiek"], slotHints: PUBLIC_SLOTS, consent: consent(),
    basis: "Public broadcaster without display ads (Ster sells airtime, not nos.nl slots); political ads are not expected, a find is a signal; consent wording only" },
  { id: "at5.nl", name: "AT5", group: "NH Media", hosts: ["at5.nl", "nhnieuws.nl"], seeds: ["https://www.at5.nl/", "https://www.nhnieuws.nl/"], slotHints: PUBLIC_SLOTS, consent: consent(),
    basis: "Regional public broadcaster (Amsterdam; NH Nieuws sister site); consent wording only" },
  { id: "rtlnieuws.nl", name: "RTL Nieuws", group: "RTL Nederland / DPG Media", hosts: ["rtlnieuws.nl", "rtl.nl"], seeds: ["https://www.rtlnieuws.nl/", "https://www.rtlnieuws.nl/nieuws/politiek"],
    slotHints: ['[class*="ad-container"]', '[id^="ad-"]', "[data-ad-unit]", '[class*="advertorial"]'], consent: consent(),
    basis: "RTL (DPG Media since 2024); rtl.de in the real trafilatura pages uses ad-container--wrapper (German sister, not the same platform); unverified" },
];
