/**
 * The Microsoft Ad Library replica's ads: invented Dutch Bing search ads around the municipal
 * elections of 18 March 2026. Microsoft stopped accepting political ads in the EU on 7 October 2025,
 * so every political ad here also carries platform.political-ad-ban. The library discloses the
 * target types (location, age, ...) of every ad, so a political ad whose copy does not say targeting
 * was used gets ttpa.11-1-d. A Bing text ad has no room for a label beyond its copy.
 */

const BAN = "platform.political-ad-ban";
const A = "ttpa.11-1-a.label-missing";
const B = "ttpa.11-1-b.sponsor-missing";
const C = "ttpa.11-1-c.election-missing";
const D = "ttpa.11-1-d.targeting-statement-missing";
const E = "ttpa.11-1-e.notice-missing";

/** One seeded advertiser, as `Advertisers` returns it. */
export interface MicrosoftSeedAdvertiser { id: number; name: string; country: string; verified: boolean }

/** One seeded ad with its truth and how the replica serves its detail. */
export interface MicrosoftSeedAd {
  id: number;
  advertiserId: number;
  paidForBy: string | null;
  title: string;
  description: string;
  displayUrl: string;
  first: string;
  last: string;
  /** ISO codes of the countries it had impressions in. */
  countries: string[];
  targets: Array<[string, boolean]>;
  impressions: string;
  /** "ok"; "429-once": the first detail request is rate-limited with Retry-After; "gone": restricted and removed, detail 404. */
  detail: "ok" | "429-once" | "gone";
  political: boolean;
  party: string | null;
  rules: string[];
  reachable: boolean;
}

/** The seeded advertisers. */
export const MICROSOFT_ADVERTISERS: MicrosoftSeedAdvertiser[] = [
  { id: 4295100001, name: "PVV Rotterdam", country: "Netherlands", verified: true },
  { id: 4295100002, name: "Zuidas Campagnes B.V.", country: "Netherlands", verified: true },
  { id: 4295100003, name: "Gemeente Rotterdam", country: "Netherlands", verified: true },
  { id: 4295100004, name: "Stedentrips.nl B.V.", country: "Netherlands", verified: true },
  { id: 4295100005, name: "Comité Referendum Omgevingswet", country: "Netherlands", verified: false },
];

/** The seeded ads. */
export const MICROSOFT_SEED: MicrosoftSeedAd[] = [
  {
    id: 78200000000001, advertiserId: 4295100001, paidForBy: null, title: "PVV Rotterdam | Stem 18 maart",
    description: "Rotterdam moet weer van de Rotterdammers worden. Minder asielzoekers, meer agenten op straat. Stem PVV!",
    displayUrl: "pvvrotterdam.nl", first: "2026-03-01", last: "2026-03-17", countries: ["NL"], targets: [["Location", false], ["Age", false]], impressions: "10K - 25K",
    // The copy names its sponsor (PVV Rotterdam) but not the election it is linked to.
    detail: "429-once", political: true, party: "PVV", rules: [A, C, D, E, BAN], reachable: true,
  },
  {
    id: 78200000000002, advertiserId: 4295100002, paidForBy: "D66 Amsterdam", title: "D66 Amsterdam - Kies vooruit",
    description: "Betaalbare woningen en schone lucht voor heel Amsterdam. Op 18 maart stem je D66 voor de gemeenteraad.",
    displayUrl: "d66amsterdam.nl/verkiezingen", first: "2026-03-04", last: "2026-03-18", countries: ["NL"], targets: [["Location", false], ["MicrosoftAudiences", true]], impressions: "5K - 10K",
    // Placed through an agency account; the copy names D66 and the municipal election, so only a, d, e and the ban.
    detail: "ok", political: true, party: "D66", rules: [A, D, E, BAN], reachable: true,
  },
  {
    id: 78200000000003, advertiserId: 4295100003, paidForBy: null, title: "Word stembureaulid in Rotterdam",
    description: "Help op 18 maart mee op een stembureau in Rotterdam. Je krijgt een vergoeding en een korte training vooraf.",
    displayUrl: "rotterdam.nl/stembureau", first: "2026-02-09", last: "2026-03-12", countries: ["NL"], targets: [["Location", false]], impressions: "2.5K - 5K",
    detail: "ok", political: false, party: null, rules: [], reachable: true,
  },
  {
    id: 78200000000004, advertiserId: 4295100004, paidForBy: null, title: "Stedentrip Rome vanaf €199",
    description: "Vlucht en hotel in één keer geboekt. Kies uit 40 hotels in het centrum van Rome, gratis annuleren.",
    displayUrl: "stedentrips.nl/rome", first: "2026-02-20", last: "2026-03-20", countries: ["NL", "BE"], targets: [["Location", false]], impressions: "25K - 50K",
    detail: "ok", political: false, party: null, rules: [], reachable: true,
  },
  {
    id: 78200000000005, advertiserId: 4295100004, paidForBy: null, title: "Citytrip Barcelona dès €179",
    description: "Alleen in België: vertrek vanaf Brussels Airport, ontbijt inbegrepen in elk hotel aan de Ramblas.",
    displayUrl: "stedentrips.be/barcelona", first: "2026-02-20", last: "2026-03-20", countries: ["BE"], targets: [["Location", false]], impressions: "1K - 2.5K",
    detail: "ok", political: false, party: null, rules: [], reachable: false,
  },
  {
    id: 78200000000006, advertiserId: 4295100004, paidForBy: null, title: "Weekendje Lissabon? Vanaf €149",
    description: "Drie nachten Lissabon met vlucht vanaf Eindhoven. Boek voor zondag en ontvang een gratis tramkaart.",
    displayUrl: "stedentrips.nl/lissabon", first: "2026-02-25", last: "2026-03-19", countries: ["NL"], targets: [["Location", false], ["AdvertiserAudiences", false]], impressions: "10K - 25K",
    detail: "ok", political: false, party: null, rules: [], reachable: true,
  },
  {
    id: 78200000000007, advertiserId: 4295100004, paidForBy: null, title: "Goedkoop naar Parijs",
    description: "Deze advertentie is beperkt en uit de bibliotheek gehaald voordat polad haar details kon lezen.",
    displayUrl: "stedentrips.nl/parijs", first: "2026-02-25", last: "2026-03-02", countries: ["NL"], targets: [["Location", false]], impressions: "1K - 2.5K",
    detail: "gone", political: false, party: null, rules: [], reachable: false,
  },
  {
    id: 78200000000008, advertiserId: 4295100005, paidForBy: null, title: "Referendum over de Omgevingswet",
    description: "Teken nu voor een raadgevend referendum over de Omgevingswet in Utrecht: uw stem telt.",
    displayUrl: "referendumomgevingswet.nl", first: "2026-03-01", last: "2026-03-15", countries: ["NL"], targets: [["Location", false]], impressions: "1K - 2.5K",
    detail: "ok", political: true, party: null, rules: [A, B, C, D, E, BAN], reachable: false,
  },
];

/** The demo's crawl plan: advertiser-name searches, ad-copy searches (the last one meets a challenge page), page size. */
export const MICROSOFT_PLAN = { seeds: ["PVV Rotterdam", "Stedentrips"], terms: ["18 maart", "referendum"], pageSize: 2 };
