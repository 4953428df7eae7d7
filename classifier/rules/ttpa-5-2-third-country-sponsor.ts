import { EU_EEA } from "../eu-eea.js";
import { differentElections, electionsInWindow, windowStart } from "../elections.js";
import { type AdFacts, type Rule, finding } from "./facts.js";

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
