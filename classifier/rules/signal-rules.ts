import { differentElections, electionsInWindow, windowStart } from "../elections.js";
import { PLATFORM_BANS as ALL_BANS, type PlatformBan, banFor } from "../platform-bans.js";
import { type AdFacts, type Rule, finding } from "./facts.js";

// Bans older than the Regulation itself are platform policies that never allowed political ads (TikTok).
const OBLIGATIONS_START = Date.parse("2024-04-09T00:00:00Z");

/** Art. 5(2): funds or sponsor from outside the EU — a signal for the authority, not a verdict. */
export const thirdCountrySponsor: Rule = {
  id: "ttpa.5-2.third-country-sponsor",
  article: "Art. 5(2) Regulation (EU) 2024/900",
  title: "Sponsor or funds from outside the EU (signal)",
  severity: "info",
  description: "In the three months before an election, services linked to it may only be provided to EU sponsors. A notice saying the money comes from outside the EU, or a non-EU sponsor country, for an ad seen inside such a window (election calendar, Dutch elections preloaded) is a signal for the authority to check; it is not proof of a breach.",
  scope: "ttpa",
  check(f) {
    const signal = thirdCountrySignal(f);
    if (!signal) return null;
    const windows = electionsInWindow(f.elections, f.ad.country, f.firstSeenAt, f.seenAt);
    const linked = f.electionLink ? windows.find((e) => !differentElections(e.name, f.electionLink as string)) : undefined;
    const e = linked ?? windows[0];
    if (!e) return null;
    const unconfirmed = e.status === "U" ? "; that date is not yet confirmed" : "";
    return finding(this, `Art. 5(2): ${signal}. The ad was seen from ${day(f.firstSeenAt)} to ${day(f.seenAt)}, inside the three months before the ${e.name} (${e.date}; window from ${day(windowStart(e))}${unconfirmed}). Then only EU sponsors may buy political ads linked to that vote; the authority should check the sponsor's declaration.`);
  },
};

const day = (d: Date): string => d.toISOString().slice(0, 10);

function thirdCountrySignal(f: AdFacts): string | null {
  if (f.notice?.originOutsideEu) return "the notice says the money for this ad comes from outside the EU";
  const country = typeof f.ad.sponsor_country === "string" ? f.ad.sponsor_country.toUpperCase() : null;
  if (country && !EU_EEA.has(country)) return `the sponsor is established in ${country}, outside the EU`;
  return null;
}

/** EU member states (plus EEA) by ISO code; "EU" itself counts as inside. */
export const EU_EEA = new Set([
  "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "EL", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO",
  "SK", "SI", "ES", "SE", "EU", "IS", "LI", "NO",
]);

/** Kept for older importers: the enforced entries of classifier/platform-bans.ts (same shape as before plus more fields). */
export const PLATFORM_BANS: readonly PlatformBan[] = ALL_BANS.filter((b) => b.enforced);

/** Political ad on a platform that bans political ads in the EU (platform policy, separate from TTPA). */
export const politicalAdBan: Rule = {
  id: "platform.political-ad-ban",
  article: "Platform policy (Meta, Google, Microsoft, TikTok); see Art. 11-12 Regulation (EU) 2024/900",
  title: "Political ad served by a platform that bans political ads in the EU",
  severity: "medium",
  description: "Meta (since 6 October 2025), Google (since 10 October 2025) and Microsoft (since 7 October 2025) no longer accept political ads in the EU; TikTok never has. A political ad seen there after that date breaks the platform's own policy, and usually lacks the TTPA label and notice too. Each entry of the table cites its source.",
  scope: "platform",
  check(f) {
    const ban = banFor(`${f.ad.publisher} ${f.ad.source}`, f.platformBans);
    if (!ban || f.seenAt.getTime() < ban.since.getTime()) return null;
    const day = f.seenAt.toISOString().slice(0, 10);
    const since = ban.since.getTime() < OBLIGATIONS_START ? "has never accepted political ads" : `has banned political ads in the EU since ${ban.since.toISOString().slice(0, 10)}`;
    return finding(this, `Platform policy: ${ban.platform} ${since} (source: ${ban.source}), yet this political ad was seen there on ${day}. This breaks ${ban.platform}'s policy; TTPA duties (Art. 11-12) still apply.`);
  },
};
