/**
 * The LinkedIn ad library replica's ads: invented Dutch ads from March 2026. LinkedIn does not accept
 * political ads, but polad lists that ban as unverified and does not enforce it, so no ban finding is
 * expected. The library discloses targeting for EU ads, so a political ad whose label does not say
 * targeting was used gets ttpa.11-1-d. "Gepromoot" is LinkedIn's commercial marker, not a political label.
 */

/** One seeded ad with its truth. */
export interface LinkedinSeedAd {
  id: string;
  advertiser: string;
  paidForBy: string;
  commentary: string;
  headline: string;
  label: { text: string; notice: boolean } | null;
  first: string;
  last: string;
  regions: string[];
  targeting: Array<[string, string]>;
  political: boolean;
  party: string | null;
  rules: string[];
  reachable: boolean;
}

/** The seeded ads. */
export const LINKEDIN_SEED: LinkedinSeedAd[] = [
  {
    id: "610000001", advertiser: "CDA Den Haag", paidForBy: "CDA Den Haag",
    commentary: "Ondernemers in Den Haag verdienen minder regels en meer ruimte. Stem op 18 maart CDA!", headline: "Ruimte voor Haagse ondernemers",
    label: null, first: "2026-03-02", last: "2026-03-17", regions: ["NL"], targeting: [["Location", "Den Haag"], ["Job function", "Business Development, Entrepreneurship"]],
    political: true, party: "CDA",
    rules: ["ttpa.11-1-a.label-missing", "ttpa.11-1-b.sponsor-missing", "ttpa.11-1-c.election-missing", "ttpa.11-1-d.targeting-statement-missing", "ttpa.11-1-e.notice-missing"],
    reachable: true,
  },
  {
    id: "610000002", advertiser: "Gemeente Rotterdam", paidForBy: "Gemeente Rotterdam",
    commentary: "Word stembureaulid op 18 maart en help Rotterdam stemmen. Je krijgt een vergoeding en een korte training.", headline: "Word stembureaulid",
    label: null, first: "2026-02-10", last: "2026-03-10", regions: ["NL"], targeting: [["Location", "Rotterdam"]],
    political: false, party: null, rules: [], reachable: true,
  },
  {
    id: "610000003", advertiser: "Brightline Software", paidForBy: "Brightline Software B.V.",
    commentary: "We zoeken een senior backend developer (TypeScript, Postgres) voor ons team in Eindhoven.", headline: "Vacature: Senior Backend Developer",
    label: null, first: "2026-02-20", last: "2026-03-20", regions: ["NL"], targeting: [["Location", "Noord-Brabant"], ["Skills", "TypeScript"]],
    political: false, party: null, rules: [], reachable: true,
  },
];

/** Advertiser searches the replica's crawl plan starts from. */
export const LINKEDIN_PLAN = ["CDA Den Haag", "Gemeente Rotterdam", "Brightline Software"];

/** Advertiser of the paging instance's long result list. */
export const LINKEDIN_PAGED_ADVERTISER = "Uitzendbureau Flevo";

/** Commercial ads only the paging instance serves (createLinkedinReplica({ paging })): more than one page of one advertiser. */
export function linkedinPagingSeed(n: number): LinkedinSeedAd[] {
  return Array.from({ length: n }, (_, i) => ({
    id: String(610000100 + i), advertiser: LINKEDIN_PAGED_ADVERTISER, paidForBy: "Uitzendbureau Flevo B.V.",
    commentary: `Vacature ${i + 1} in Lelystad: orderpicker in een fris magazijn, direct aan de slag via Uitzendbureau Flevo.`, headline: `Vacature ${i + 1}: orderpicker`,
    label: null, first: "2026-03-01", last: "2026-03-14", regions: ["NL"], targeting: [["Location", "Flevoland"]],
    political: false, party: null, rules: [], reachable: true,
  }));
}
