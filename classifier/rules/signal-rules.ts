import { type Rule, finding } from "./facts.js";

/** Art. 5(2): funds or sponsor from outside the EU — a signal for the authority, not a verdict. */
export const thirdCountrySponsor: Rule = {
  id: "ttpa.5-2.third-country-sponsor",
  article: "Art. 5(2) Regulation (EU) 2024/900",
  title: "Sponsor or funds from outside the EU (signal)",
  severity: "info",
  description: "In the three months before an election, services linked to it may only be provided to EU sponsors. A notice saying the money comes from outside the EU, or a non-EU sponsor country, is a signal for the authority to check; it is not proof of a breach.",
  scope: "ttpa",
  check(f) {
    if (f.notice?.originOutsideEu) {
      return finding(this, "Art. 5(2): the notice says the money for this ad comes from outside the EU. In the three months before an election only EU sponsors may buy political ads linked to it; the authority should check the sponsor's declaration.");
    }
    const country = typeof f.ad.sponsor_country === "string" ? f.ad.sponsor_country.toUpperCase() : null;
    if (country && !EU_EEA.has(country)) {
      return finding(this, `Art. 5(2): the sponsor is established in ${country}, outside the EU. In the three months before an election only EU sponsors may buy political ads linked to it; the authority should check.`);
    }
    return null;
  },
};

/** EU member states (plus EEA) by ISO code; "EU" itself counts as inside. */
export const EU_EEA = new Set([
  "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "EL", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO",
  "SK", "SI", "ES", "SE", "EU", "IS", "LI", "NO",
]);

/** Platform EU bans on political ads (reference §4.3): Meta from 6 Oct 2025 18:00 CEST, Google from 10 Oct 2025. */
export const PLATFORM_BANS = [
  { platform: "Meta", re: /facebook|instagram|\bmeta\b|threads|messenger|whatsapp/i, since: new Date("2025-10-06T16:00:00Z") },
  { platform: "Google", re: /google|youtube|doubleclick|adsense|\bgdn\b|dv360/i, since: new Date("2025-10-09T22:00:00Z") },
] as const;

/** Political ad on a platform that bans political ads in the EU (platform policy, separate from TTPA). */
export const politicalAdBan: Rule = {
  id: "platform.political-ad-ban",
  article: "Platform policy (Meta, Google); see Art. 11-12 Regulation (EU) 2024/900",
  title: "Political ad served by a platform that bans political ads in the EU",
  severity: "medium",
  description: "Meta (since 6 October 2025) and Google (since 10 October 2025) no longer accept political ads in the EU. A political ad seen there after that date breaks the platform's own policy, and usually lacks the TTPA label and notice too.",
  scope: "platform",
  check(f) {
    const where = `${f.ad.publisher} ${f.ad.source}`;
    const ban = PLATFORM_BANS.find((b) => b.re.test(where));
    if (!ban || f.seenAt.getTime() < ban.since.getTime()) return null;
    const day = f.seenAt.toISOString().slice(0, 10);
    return finding(this, `Platform policy: ${ban.platform} has banned political ads in the EU since ${ban.since.toISOString().slice(0, 10)}, yet this political ad was seen there on ${day}. This breaks ${ban.platform}'s policy; TTPA duties (Art. 11-12) still apply.`);
  },
};
