/**
 * The Meta ad library replica's ads: invented Dutch ads from the run-up to the municipal elections of
 * 18 March 2026, all delivered after Meta's EU political-ad ban began (2025-10-06), plus commercial and
 * official ads that trip naive keyword filters. Names of real parties are used as advertisers; every
 * text, id and figure is made up. Each ad carries the findings a correct classifier emits for it.
 *
 * Every Meta ad is delivered by Meta's optimisation (an ad-delivery technique) and the library reports
 * its targeting, so a political ad whose label does not say targeting or delivery techniques were used
 * gets ttpa.11-1-d, whether or not the audience was narrowed. "Gesponsord · Betaald door X" is Meta's
 * commercial marker plus disclaimer: it names the sponsor but does not say the ad is political.
 * Election cues ("18 maart", "gemeenteraad") without the election's name in the label give 11-1-c.
 */

/** What the snapshot shows above the creative, beyond "Gesponsord". */
export interface SeedLabel {
  /** The label line, e.g. "Politieke advertentie · Gemeenteraadsverkiezingen 18 maart 2026 · Betaald door X". */
  text: string;
  /** Where the "Transparantieverklaring" link points: a complete notice, an incomplete one, a dead link. */
  notice: "complete" | "incomplete" | "missing-page" | null;
}

/** One seeded ad with its truth. */
export interface SeedAd {
  id: string;
  pageId: string;
  pageName: string;
  byline: string | null;
  body: string;
  caption: string;
  title: string;
  start: string;
  stop: string | null;
  ages: [string, string];
  gender: "All" | "Men" | "Women";
  location: { name: string; type: "countries" | "cities" | "regions" };
  reach: number;
  countries: string[];
  platforms: string[];
  label: SeedLabel | null;
  political: boolean;
  party: string | null;
  rules: string[];
  /** False when a correct crawl with the replica's plan cannot reach it (delivered outside NL only). */
  reachable: boolean;
}

const BAN = "platform.political-ad-ban";
const UNLABELLED = ["ttpa.11-1-a.label-missing", "ttpa.11-1-b.sponsor-missing", "ttpa.11-1-e.notice-missing"];
const NL = { name: "Netherlands", type: "countries" } as const;
const ELECTION = "Gemeenteraadsverkiezingen 18 maart 2026";

/** The seeded ads, in library order (newest delivery first is how the replica sorts them). */
export const META_SEED: SeedAd[] = [
  {
    id: "1298301123456701", pageId: "203040506070801", pageName: "VVD Utrecht", byline: null,
    body: "Op 18 maart kies je een nieuwe gemeenteraad. Kies voor een veilig en bereikbaar Utrecht: meer wijkagenten, minder files op de Waterlinieweg. Stem VVD!",
    caption: "utrecht.vvd.nl", title: "Ons verkiezingsprogramma", start: "2026-02-16", stop: "2026-03-18",
    ages: ["25", "54"], gender: "All", location: { name: "Utrecht, Utrecht", type: "cities" }, reach: 48210,
    countries: ["NL"], platforms: ["facebook", "instagram"], label: null, political: true, party: "VVD",
    rules: [...UNLABELLED, "ttpa.11-1-c.election-missing", "ttpa.11-1-d.targeting-statement-missing", BAN], reachable: true,
  },
  {
    id: "1298301123456702", pageId: "203040506070802", pageName: "D66 Amsterdam", byline: "D66 Amsterdam",
    body: "Betaalbaar wonen in Amsterdam begint met jouw stem op 18 maart voor de gemeenteraad. Meer middenhuur, minder leegstand. Stem D66.",
    caption: "d66.nl/amsterdam", title: "Wonen in Amsterdam", start: "2026-02-20", stop: "2026-03-18",
    ages: ["18", "65+"], gender: "All", location: NL, reach: 91544, countries: ["NL"], platforms: ["facebook", "instagram"],
    label: null, political: true, party: "D66",
    rules: ["ttpa.11-1-a.label-missing", "ttpa.11-1-c.election-missing", "ttpa.11-1-d.targeting-statement-missing", "ttpa.11-1-e.notice-missing", BAN], reachable: true,
  },
  {
    id: "1298301123456703", pageId: "203040506070803", pageName: "GroenLinks-PvdA Rotterdam", byline: "GroenLinks-PvdA Rotterdam",
    body: "Samen maken we Rotterdam eerlijker en groener: gratis ov voor 65-plussers en een warm huis voor iedereen. Op 18 maart: stem GroenLinks-PvdA.",
    caption: "rotterdam.groenlinkspvda.nl", title: "Eerlijk en groen Rotterdam", start: "2026-02-23", stop: "2026-03-18",
    ages: ["18", "44"], gender: "All", location: { name: "Rotterdam, Zuid-Holland", type: "cities" }, reach: 37020,
    countries: ["NL"], platforms: ["facebook", "instagram"],
    label: { text: `Politieke advertentie · ${ELECTION} · Betaald door GroenLinks-PvdA Rotterdam · Gericht getoond op basis van leeftijd en woonplaats`, notice: "complete" },
    political: true, party: "GroenLinks-PvdA", rules: [BAN], reachable: true,
  },
  {
    id: "1298301123456704", pageId: "203040506070804", pageName: "CDA Eindhoven", byline: "CDA Eindhoven",
    body: "Een Eindhoven waar je buren kent. Investeren in verenigingen, mantelzorgers en buurthuizen. Kies CDA bij de gemeenteraadsverkiezingen.",
    caption: "cda.nl/eindhoven", title: "Samen Eindhoven", start: "2026-02-25", stop: "2026-03-17",
    ages: ["35", "65+"], gender: "All", location: { name: "Eindhoven, Noord-Brabant", type: "cities" }, reach: 22875,
    countries: ["NL"], platforms: ["facebook"],
    label: { text: `Politieke advertentie · ${ELECTION} · Betaald door CDA Eindhoven`, notice: "complete" },
    political: true, party: "CDA", rules: ["ttpa.11-1-d.targeting-statement-missing", BAN], reachable: true,
  },
  {
    id: "1298301123456705", pageId: "203040506070805", pageName: "PVV Den Haag", byline: null,
    body: "Den Haag verdient beter. Meer handhaving, minder gedoe. Stem op 18 maart PVV voor de gemeenteraad.",
    caption: "pvv-denhaag.nl", title: "Stem PVV", start: "2026-03-02", stop: "2026-03-18",
    ages: ["18", "65+"], gender: "All", location: NL, reach: 66310, countries: ["NL"], platforms: ["facebook", "instagram", "messenger"],
    label: null, political: true, party: "PVV", rules: [...UNLABELLED, "ttpa.11-1-c.election-missing", "ttpa.11-1-d.targeting-statement-missing", BAN], reachable: true,
  },
  {
    id: "1298301123456706", pageId: "203040506070806", pageName: "SP Groningen", byline: "SP Groningen",
    body: "Huren omlaag, zorg dichtbij. De SP knokt in de gemeenteraad voor elke Groninger. Stem 18 maart SP.",
    caption: "groningen.sp.nl", title: "Voor elke Groninger", start: "2026-03-01", stop: "2026-03-18",
    ages: ["18", "65+"], gender: "All", location: { name: "Groningen, Groningen", type: "cities" }, reach: 18400,
    countries: ["NL"], platforms: ["facebook"],
    label: { text: `Politieke advertentie · ${ELECTION} · Betaald door SP Groningen · Gericht getoond op woonplaats`, notice: "missing-page" },
    political: true, party: "SP", rules: ["ttpa.11-1-e.notice-unreachable", BAN], reachable: true,
  },
  {
    id: "1298301123456707", pageId: "203040506070807", pageName: "Leefbaar Rotterdam", byline: null,
    body: "Rotterdam eerst! Veilige straten en betaalbare boodschappen. Kies op 18 maart voor Leefbaar Rotterdam in de gemeenteraad.",
    caption: "leefbaarrotterdam.nl", title: "Rotterdam eerst", start: "2026-02-28", stop: "2026-03-18",
    ages: ["45", "65+"], gender: "All", location: { name: "Rotterdam, Zuid-Holland", type: "cities" }, reach: 29950,
    countries: ["NL"], platforms: ["facebook"], label: null, political: true, party: "Leefbaar Rotterdam",
    rules: [...UNLABELLED, "ttpa.11-1-c.election-missing", "ttpa.11-1-d.targeting-statement-missing", BAN], reachable: true,
  },
  {
    id: "1298301123456708", pageId: "203040506070808", pageName: "Gemeentebelangen Tilburg", byline: "Gemeentebelangen Tilburg",
    body: "Lokaal, dichtbij en onafhankelijk. Geen Haagse partijpolitiek in de raad. Stem op 18 maart Gemeentebelangen Tilburg in de gemeenteraad.",
    caption: "gemeentebelangentilburg.nl", title: "Lokaal en onafhankelijk", start: "2026-03-03", stop: "2026-03-18",
    ages: ["18", "65+"], gender: "All", location: { name: "Tilburg, Noord-Brabant", type: "cities" }, reach: 9120,
    countries: ["NL"], platforms: ["facebook", "instagram"], label: null, political: true, party: null,
    rules: ["ttpa.11-1-a.label-missing", "ttpa.11-1-c.election-missing", "ttpa.11-1-d.targeting-statement-missing", "ttpa.11-1-e.notice-missing", BAN],
    reachable: true,
  },
  {
    id: "1298301123456709", pageId: "203040506070809", pageName: "D66 Utrecht", byline: "D66 Utrecht",
    body: "Elk kind verdient een goede school om de hoek. D66 Utrecht investeert in onderwijs. Jouw stem telt op 18 maart.",
    caption: "d66.nl/utrecht", title: "Onderwijs in Utrecht", start: "2026-02-18", stop: "2026-03-18",
    ages: ["25", "44"], gender: "Women", location: { name: "Utrecht, Utrecht", type: "cities" }, reach: 12655,
    countries: ["NL"], platforms: ["instagram"],
    label: { text: `Politieke advertentie · ${ELECTION} · Betaald door D66 Utrecht · Gericht getoond op leeftijd, geslacht en woonplaats`, notice: "incomplete" },
    political: true, party: "D66", rules: ["ttpa.12-1.notice-incomplete", BAN], reachable: true,
  },
  {
    id: "1298301123456710", pageId: "121264564551002", pageName: "VVD", byline: "VVD",
    body: "Minder regels, meer ruimte voor ondernemers. Lees hoe wij de regeldruk voor het mkb halveren.",
    caption: "vvd.nl", title: "Ruimte voor ondernemers", start: "2026-01-12", stop: "2026-02-09",
    ages: ["18", "65+"], gender: "All", location: NL, reach: 140233, countries: ["NL"], platforms: ["facebook", "instagram"],
    label: null, political: true, party: "VVD", rules: ["ttpa.11-1-a.label-missing", "ttpa.11-1-d.targeting-statement-missing", "ttpa.11-1-e.notice-missing", BAN], reachable: true,
  },
  {
    id: "1298301123456711", pageId: "203040506070811", pageName: "Bakkerij Van Dam", byline: null,
    body: "Kies jouw favoriet! Stem op het lekkerste broodje van Utrecht en maak kans op een slagroomtaart.",
    caption: "bakkerijvandam.nl", title: "Broodje van het jaar", start: "2026-02-10", stop: "2026-03-10",
    ages: ["18", "65+"], gender: "All", location: { name: "Utrecht, Utrecht", type: "cities" }, reach: 5400,
    countries: ["NL"], platforms: ["facebook"], label: null, political: false, party: null, rules: [], reachable: true,
  },
  {
    id: "1298301123456712", pageId: "203040506070812", pageName: "Fietsenwinkel De Spaak", byline: null,
    body: "Voorjaarsactie: 20% korting op alle e-bikes, alleen tot en met 18 maart. Kom proefrijden in onze winkel.",
    caption: "despaak.nl", title: "E-bike actie", start: "2026-02-27", stop: "2026-03-18",
    ages: ["30", "65+"], gender: "All", location: { name: "Amersfoort, Utrecht", type: "cities" }, reach: 7300,
    countries: ["NL"], platforms: ["facebook", "instagram"], label: null, political: false, party: null, rules: [], reachable: true,
  },
  {
    id: "1298301123456713", pageId: "203040506070813", pageName: "Gemeente Utrecht", byline: "Gemeente Utrecht",
    body: "Stemmen op 18 maart? Neem je stempas en een geldig identiteitsbewijs mee. Vind je stembureau op utrecht.nl/verkiezingen.",
    caption: "utrecht.nl", title: "Gemeenteraadsverkiezingen", start: "2026-03-09", stop: "2026-03-18",
    ages: ["18", "65+"], gender: "All", location: { name: "Utrecht, Utrecht", type: "cities" }, reach: 120400,
    countries: ["NL"], platforms: ["facebook", "instagram"], label: null, political: false, party: null, rules: [], reachable: true,
  },
  {
    id: "1298301123456714", pageId: "203040506070814", pageName: "Zonnedak Energie", byline: null,
    body: "Bestem je eigen energie: zonnepanelen met 10 jaar garantie, nu met gratis installatie in heel Vlaanderen.",
    caption: "zonnedak.be", title: "Zonnepanelen", start: "2026-02-01", stop: null,
    ages: ["30", "65+"], gender: "All", location: { name: "Belgium", type: "countries" }, reach: 15800,
    countries: ["BE"], platforms: ["facebook"], label: null, political: false, party: null, rules: [], reachable: false,
  },
];

/** The Graph API access token the replica accepts (a sandbox value, not a secret). */
export const SANDBOX_META_TOKEN = "EAAsandboxTOKEN0polad0replica0only";
/** Search terms and page ids the replica's crawl plan uses: together they reach every NL-delivered ad. */
export const META_PLAN = { terms: ["gemeenteraadsverkiezingen", "stem", "18 maart"], pageIds: ["121264564551002"], countries: ["NL"] };
