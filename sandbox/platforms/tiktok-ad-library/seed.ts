/**
 * The TikTok library replica's ads: invented Dutch ads from March 2026. TikTok has not accepted paid
 * political ads since 2019, so every political ad here also carries platform.political-ad-ban. The
 * library shows targeting (age, gender, location) for every EU ad, so a political ad whose own label
 * does not say targeting was used gets ttpa.11-1-d. "Betaald door" in the library's details panel is
 * metadata, not a label the ad showed.
 */

const BAN = "platform.political-ad-ban";

/** One seeded ad with its truth. */
export interface TiktokSeedAd {
  id: string;
  advertiser: string;
  paidForBy: string;
  caption: string;
  label: { text: string; notice: boolean } | null;
  first: string;
  last: string;
  regions: string[];
  targeting: { age: string; gender: string; location: string };
  political: boolean;
  party: string | null;
  rules: string[];
  reachable: boolean;
}

/** The seeded ads. */
export const TIKTOK_SEED: TiktokSeedAd[] = [
  {
    id: "7480000000000000001", advertiser: "FVD Amsterdam", paidForBy: "FVD Amsterdam",
    caption: "Amsterdam verdient beter 🇳🇱 Stem op 18 maart Forum! Deel deze video met je vrienden #amsterdam",
    label: null, first: "2026-03-03", last: "2026-03-17", regions: ["NL"], targeting: { age: "18-24, 25-34", gender: "All", location: "Amsterdam" },
    political: true, party: "FvD",
    rules: ["ttpa.11-1-a.label-missing", "ttpa.11-1-b.sponsor-missing", "ttpa.11-1-c.election-missing", "ttpa.11-1-d.targeting-statement-missing", "ttpa.11-1-e.notice-missing", BAN],
    reachable: true,
  },
  {
    id: "7480000000000000002", advertiser: "Volt Utrecht", paidForBy: "Volt Nederland afdeling Utrecht",
    caption: "Fietsstad, kennisstad, Europese stad. Dit is waarom jij op 18 maart Volt kiest in Utrecht.",
    label: { text: "Politieke advertentie · Gemeenteraadsverkiezingen 18 maart 2026 · Betaald door Volt Nederland afdeling Utrecht · Gericht getoond op leeftijd en woonplaats", notice: true },
    first: "2026-03-05", last: "2026-03-18", regions: ["NL"], targeting: { age: "18-24, 25-34, 35-44", gender: "All", location: "Utrecht" },
    political: true, party: "Volt", rules: [BAN], reachable: true,
  },
  {
    id: "7480000000000000003", advertiser: "Sneakerhuis", paidForBy: "Sneakerhuis B.V.",
    caption: "Nieuwe drop 👟 30% korting dit weekend op alle runners. Alleen online.",
    label: null, first: "2026-03-06", last: "2026-03-09", regions: ["NL", "BE"], targeting: { age: "18-24", gender: "All", location: "Netherlands" },
    political: false, party: null, rules: [], reachable: true,
  },
  {
    id: "7480000000000000004", advertiser: "Sneakerhuis", paidForBy: "Sneakerhuis B.V.",
    caption: "Alleen in België: gratis verzending naar alle Vlaamse winkels tot zondag.",
    label: null, first: "2026-03-06", last: "2026-03-09", regions: ["BE"], targeting: { age: "18-24", gender: "All", location: "Belgium" },
    political: false, party: null, rules: [], reachable: false,
  },
];

/** Advertiser searches the replica's crawl plan starts from. */
export const TIKTOK_PLAN = ["FVD Amsterdam", "Volt Utrecht", "Sneakerhuis"];

/** Advertiser of the paging instance's long result list. */
export const TIKTOK_PAGED_ADVERTISER = "Fietsenwinkel Zwolle";

/** Commercial ads only the paging instance serves (createTiktokReplica({ paging })): more than one page of one advertiser. */
export function tiktokPagingSeed(n: number): TiktokSeedAd[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `74800000000000001${String(i).padStart(2, "0")}`, advertiser: TIKTOK_PAGED_ADVERTISER, paidForBy: "Fietsenwinkel Zwolle B.V.",
    caption: `Voorjaarsactie ${i + 1} bij Fietsenwinkel Zwolle: gratis onderhoudsbeurt bij elke nieuwe e-bike.`, label: null,
    first: "2026-03-01", last: `2026-03-${String(15 - (i % 10)).padStart(2, "0")}`, regions: ["NL"], targeting: { age: "25-34, 35-44", gender: "All", location: "Zwolle" },
    political: false, party: null, rules: [], reachable: true,
  }));
}
