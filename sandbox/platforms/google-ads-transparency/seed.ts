/**
 * The Ads Transparency Center replica's creatives: invented Dutch ads shown in March 2026, after Google
 * stopped serving political ads in the EU (2025-10-10), plus commercial ones. The centre shows no
 * targeting criteria, so no targeting rule is expected. The library's "Betaald door" metadata is not a
 * label: only what the creative itself shows counts.
 */

/** One creative with its truth. */
export interface AtcCreative {
  id: string;
  advertiserId: string;
  advertiser: string;
  domain: string;
  format: "Tekst" | "Afbeelding";
  headline: string;
  body: string;
  /** The ad's own label line (inside the creative), and whether it links to a notice. */
  label: { text: string; notice: boolean } | null;
  first: string;
  last: string;
  regions: string[];
  political: boolean;
  party: string | null;
  rules: string[];
  reachable: boolean;
}

const BAN = "platform.political-ad-ban";

/** The seeded creatives. */
export const ATC_SEED: AtcCreative[] = [
  {
    id: "CR20260000000000000001", advertiserId: "AR20260000000000000001", advertiser: "D66 Utrecht", domain: "d66.nl", format: "Tekst",
    headline: "D66 Utrecht | Stem 18 maart | Goed onderwijs in elke wijk",
    body: "Op 18 maart kies je de gemeenteraad: voor scholen om de hoek en veilige fietsroutes. Lees ons programma.",
    label: null, first: "2026-03-02", last: "2026-03-17", regions: ["NL"], political: true, party: "D66",
    rules: ["ttpa.11-1-a.label-missing", "ttpa.11-1-b.sponsor-missing", "ttpa.11-1-c.election-missing", "ttpa.11-1-e.notice-missing", BAN], reachable: true,
  },
  {
    id: "CR20260000000000000002", advertiserId: "AR20260000000000000002", advertiser: "VVD Amsterdam", domain: "vvd.nl", format: "Afbeelding",
    headline: "Amsterdam moet weer werken",
    body: "Schone straten, een gemeente die de telefoon opneemt en lagere lokale lasten. Op 18 maart stem je VVD.",
    label: { text: "Politieke advertentie · Gemeenteraadsverkiezingen 18 maart 2026 · Betaald door VVD Amsterdam", notice: true },
    first: "2026-03-04", last: "2026-03-18", regions: ["NL"], political: true, party: "VVD", rules: [BAN], reachable: true,
  },
  {
    id: "CR20260000000000000003", advertiserId: "AR20260000000000000003", advertiser: "GroenLinks-PvdA Den Haag", domain: "groenlinkspvda.nl", format: "Afbeelding",
    headline: "Een Den Haag voor iedereen",
    body: "Betaalbare huizen en groene pleinen in onze stad. Kies op 18 maart in de gemeenteraad voor rood-groen: stem GroenLinks-PvdA.",
    label: null, first: "2026-03-05", last: "2026-03-18", regions: ["NL"], political: true, party: "GroenLinks-PvdA",
    rules: ["ttpa.11-1-a.label-missing", "ttpa.11-1-b.sponsor-missing", "ttpa.11-1-c.election-missing", "ttpa.11-1-e.notice-missing", BAN], reachable: true,
  },
  {
    id: "CR20260000000000000004", advertiserId: "AR20260000000000000004", advertiser: "CDA Zwolle", domain: "cda.nl", format: "Afbeelding",
    headline: "Zwolle, samen sterk",
    body: "Meer ruimte voor verenigingen en mantelzorgers. Op 18 maart: stem CDA Zwolle in de gemeenteraad.",
    label: { text: "Politieke advertentie · Betaald door CDA Zwolle", notice: true },
    first: "2026-03-06", last: "2026-03-18", regions: ["NL"], political: true, party: "CDA", rules: ["ttpa.11-1-c.election-missing", BAN], reachable: true,
  },
  {
    id: "CR20260000000000000005", advertiserId: "AR20260000000000000005", advertiser: "Hotel De Zwaan B.V.", domain: "hoteldezwaan.nl", format: "Tekst",
    headline: "Hotel De Zwaan | Weekendje Zwolle | Ontbijt inbegrepen",
    body: "Boek nu je voorjaarsarrangement met gratis parkeren. Vrij annuleren tot 1 dag van tevoren.",
    label: null, first: "2026-02-20", last: "2026-03-18", regions: ["NL"], political: false, party: null, rules: [], reachable: true,
  },
  {
    id: "CR20260000000000000006", advertiserId: "AR20260000000000000006", advertiser: "Stamcelbank Nederland B.V.", domain: "stamcelbank.nl", format: "Afbeelding",
    headline: "Kies voor zekerheid",
    body: "Stamcellen uit navelstrengbloed bewaren? Vraag vandaag nog de gratis brochure aan.",
    label: null, first: "2026-01-15", last: "2026-03-15", regions: ["NL", "BE"], political: false, party: null, rules: [], reachable: true,
  },
  {
    id: "CR20260000000000000007", advertiserId: "AR20260000000000000002", advertiser: "VVD Amsterdam", domain: "vvd.nl", format: "Tekst",
    headline: "VVD | Vlaamse kiezers in Amsterdam? | Lees meer",
    body: "Deze advertentie werd alleen in België getoond en staat niet in de Nederlandse lijst.",
    label: null, first: "2026-03-01", last: "2026-03-05", regions: ["BE"], political: true, party: "VVD",
    rules: ["ttpa.11-1-a.label-missing", "ttpa.11-1-b.sponsor-missing", "ttpa.11-1-e.notice-missing", BAN], reachable: false,
  },
];

/** The advertiser pages and domain searches the replica's crawl plan starts from. */
export const ATC_PLAN = {
  advertisers: ["AR20260000000000000001", "AR20260000000000000002", "AR20260000000000000003", "AR20260000000000000004"],
  domains: ["hoteldezwaan.nl", "stamcelbank.nl"],
};

/** Advertiser of the paging instance's long list (more creatives than one SearchCreatives page). */
export const ATC_PAGED_ADVERTISER = "AR20260000000000000099";
/** Domain of the paging instance whose later pages meet Google's "unusual traffic" wall. */
export const ATC_WALLED_LATER_DOMAIN = "drukkerijzuid.nl";

/**
 * Commercial creatives only the paging instance serves (createAtcReplica({ paging })): `listed` for one
 * advertiser and `walled` for one domain, text ads so that each page renders quickly.
 */
export function atcPagingSeed(o: { listed: number; walled: number }): AtcCreative[] {
  const make = (i: number, advertiserId: string, advertiser: string, domain: string, body: string): AtcCreative => ({
    id: `CR2026000000000000${String(100 + i).padStart(4, "0")}`, advertiserId, advertiser, domain, format: "Tekst",
    headline: `${advertiser} | Aanbieding ${i}`, body, label: null, first: "2026-03-01", last: "2026-03-15", regions: ["NL"],
    political: false, party: null, rules: [], reachable: true,
  });
  const listed = Array.from({ length: o.listed }, (_, i) => make(i, ATC_PAGED_ADVERTISER, "Bakkerij Almere B.V.", "bakkerijalmere.nl", `Deze week bij Bakkerij Almere: aanbieding nummer ${i + 1}, vers van de warme bakker.`));
  const walled = Array.from({ length: o.walled }, (_, i) => make(500 + i, `AR2026000000000000009${i % 2}`, "Drukkerij Zuid", ATC_WALLED_LATER_DOMAIN, `Drukwerk van Drukkerij Zuid, folder nummer ${i + 1}, morgen in huis.`));
  return [...listed, ...walled];
}
