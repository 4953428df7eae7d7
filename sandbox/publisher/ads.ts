import type { TruthAd } from "../replica.js";

/** How an ad's label is drawn (the defects a classifier must catch). */
export type LabelKind = "full" | "no-sponsor" | "no-notice-link" | "tiny" | "hidden" | "none" | "commercial" | "image";
/** Where an ad sits on the page. */
export type Placement = "iframe" | "nested-iframe" | "gpt" | "native" | "advertorial";

/** One ad the sandbox publisher serves. */
export interface SandboxAd {
  id: string;
  page: string;
  placement: Placement;
  sponsor: string;
  party: string | null;
  political: boolean;
  headline: string;
  /** Unique body text (also the truth `match`). */
  body: string;
  label: LabelKind;
  /** Statement id on the notice host ("<id>.pdf": the statement as a PDF); "missing" links to a 404. */
  notice: string | null;
  rules: string[];
  reachable: boolean;
}

const ELECTION = "Gemeenteraadsverkiezingen 18 maart 2026";
const R = {
  label: "ttpa.11-1-a.label-missing", sponsor: "ttpa.11-1-b.sponsor-missing", election: "ttpa.11-1-c.election-missing",
  notice: "ttpa.11-1-e.notice-missing", unreachable: "ttpa.11-1-e.notice-unreachable", salient: "ttpa.11-1.label-not-salient",
  incomplete: "ttpa.12-1.notice-incomplete", mismatch: "ttpa.12.sponsor-mismatch",
};

/** The election named in every proper label. */
export const ELECTION_LABEL = ELECTION;

/** Every ad on the nieuwsdagblad replica: compliant, defective, commercial; one behind robots.txt. */
export const NIEUWSDAGBLAD_ADS: SandboxAd[] = [
  { id: "vvd-utrecht", page: "/", placement: "iframe", sponsor: "VVD Utrecht", party: "VVD", political: true, headline: "Veilig Utrecht, ook 's avonds", body: "Meer wijkagenten en betere straatverlichting in elke Utrechtse wijk. Stem op 18 maart VVD.", label: "full", notice: "vvd-utr-26", rules: [], reachable: true },
  { id: "zonvast-native", page: "/", placement: "native", sponsor: "ZonVast", party: null, political: false, headline: "Zonnepanelen zonder aanbetaling", body: "ZonVast legt binnen drie weken 10 zonnepanelen op uw dak, vanaf 19 euro per maand.", label: "commercial", notice: null, rules: [], reachable: true },
  { id: "d66-utrecht", page: "/nieuws/lijsttrekkersdebat-utrecht", placement: "gpt", sponsor: "D66 Utrecht", party: "D66", political: true, headline: "Onderwijs dat werkt", body: "Elk kind een plek op de kinderopvang om de hoek. Daar gaat D66 Utrecht voor.", label: "full", notice: "d66-utr-26", rules: [], reachable: true },
  { id: "glpvda-unlabelled", page: "/nieuws/lijsttrekkersdebat-utrecht", placement: "iframe", sponsor: "GroenLinks-PvdA Utrecht", party: "GroenLinks-PvdA", political: true, headline: "Betaalbaar wonen in Utrecht", body: "Op 18 maart kies je voor betaalbare huurwoningen: stem GroenLinks-PvdA bij de gemeenteraadsverkiezingen.", label: "none", notice: null, rules: [R.label, R.sponsor, R.election, R.notice], reachable: true },
  { id: "cda-no-sponsor", page: "/nieuws/woningbouw-amsterdam", placement: "iframe", sponsor: "CDA Amsterdam", party: "CDA", political: true, headline: "Samen sterker in de buurt", body: "Buurthuizen open houden en mantelzorgers ondersteunen: het CDA Amsterdam maakt het waar.", label: "no-sponsor", notice: "cda-ams-26", rules: [R.sponsor], reachable: true },
  { id: "energie-native", page: "/nieuws/woningbouw-amsterdam", placement: "native", sponsor: "Stroomwijs Energie", party: null, political: false, headline: "Vast contract, vaste prijs", body: "Stroomwijs Energie: drie jaar vast tarief voor stroom en gas, nu met 150 euro welkomstkorting.", label: "commercial", notice: null, rules: [], reachable: true },
  { id: "sp-no-notice", page: "/nieuws/fietsbrug-rotterdam", placement: "iframe", sponsor: "SP Rotterdam", party: "SP", political: true, headline: "Zorg dichtbij", body: "De SP Rotterdam wil het buurtziekenhuis in Zuid openhouden. Huren omlaag, zorg dichtbij.", label: "no-notice-link", notice: null, rules: [R.notice], reachable: true },
  { id: "pvv-tiny-label", page: "/nieuws/fietsbrug-rotterdam", placement: "gpt", sponsor: "PVV Rotterdam", party: "PVV", political: true, headline: "Rotterdam weer van ons", body: "Minder asielzoekerscentra en meer woningen voor Rotterdammers. PVV Rotterdam.", label: "tiny", notice: "pvv-rtm-26", rules: [R.salient], reachable: true },
  { id: "stadsbelang-hidden", page: "/nieuws/opkomst-verkiezingen", placement: "iframe", sponsor: "Stadsbelang Utrecht", party: "Stadsbelang Utrecht", political: true, headline: "Utrecht eerst", body: "Stadsbelang Utrecht: gratis parkeren op zaterdag in de binnenstad en een eigen Utrechtse koers.", label: "hidden", notice: "sbu-26", rules: [R.salient], reachable: true },
  { id: "cu-notice-404", page: "/nieuws/opkomst-verkiezingen", placement: "iframe", sponsor: "ChristenUnie Zwolle", party: "ChristenUnie", political: true, headline: "Omzien naar elkaar", body: "ChristenUnie Zwolle investeert in schuldhulp en jongerenwerk in elke wijk van Zwolle.", label: "full", notice: "missing", rules: [R.unreachable], reachable: true },
  { id: "advertorial-reizen", page: "/nieuws/opkomst-verkiezingen", placement: "advertorial", sponsor: "Zonnig Reizen", party: null, political: false, headline: "Vijf verborgen parels aan de Algarve", body: "In samenwerking met Zonnig Reizen ontdekt u rustige baaien en dorpjes buiten het hoogseizoen.", label: "commercial", notice: null, rules: [], reachable: true },
  { id: "ja21-incomplete", page: "/nieuws/stikstof-boeren", placement: "iframe", sponsor: "JA21 Gelderland", party: "JA21", political: true, headline: "Boer zoekt ruimte", body: "JA21 staat naast de boeren in de Gelderse Vallei: geen gedwongen uitkoop. Stem 18 maart JA21.", label: "full", notice: "ja21-gld-26", rules: [R.incomplete], reachable: true },
  { id: "volt-mismatch", page: "/nieuws/stikstof-boeren", placement: "nested-iframe", sponsor: "Volt Amsterdam", party: "Volt", political: true, headline: "Een Europese stad", body: "Volt Amsterdam wil de tram 's nachts laten rijden en de stad open voor iedereen.", label: "full", notice: "volt-ams-26", rules: [R.mismatch], reachable: true },
  { id: "fietsen-display", page: "/nieuws/stikstof-boeren", placement: "iframe", sponsor: "Fietshuis De Ketting", party: null, political: false, headline: "E-bike voorjaarsactie", body: "Fietshuis De Ketting: elke e-bike nu met gratis onderhoudsbeurt en 200 euro inruilkorting.", label: "commercial", notice: null, rules: [], reachable: true },
  { id: "pvdd-compliant", page: "/sport/ajax-psv", placement: "gpt", sponsor: "Partij voor de Dieren Groningen", party: "PvdD", political: true, headline: "Groen Groningen", body: "Meer bomen in elke straat en een verbod op vuurwerk: Partij voor de Dieren Groningen.", label: "full", notice: "pvdd-gro-26", rules: [], reachable: true },
  { id: "auto-display", page: "/sport/ajax-psv", placement: "iframe", sponsor: "Autobedrijf Van Dijk", party: null, political: false, headline: "Private lease vanaf 299 euro", body: "Autobedrijf Van Dijk: rijd elektrisch zonder zorgen, private lease inclusief laadpas.", label: "commercial", notice: null, rules: [], reachable: true },
  { id: "huurders-issue", page: "/sport/ajax-psv", placement: "iframe", sponsor: "Huurdersbond Samen Sterk", party: null, political: true, headline: "Huur omlaag", body: "Vraag jouw gemeenteraadskandidaten om een huurstop. De Huurdersbond Samen Sterk roept op: stem 18 maart voor betaalbare huur.", label: "full", notice: "hss-26", rules: [], reachable: true },
  // The label exists only as pixels in the banner image (with a text link to the notice, published as a PDF): OCR reads it.
  { id: "vvd-image-label", page: "/sport/ajax-psv", placement: "iframe", sponsor: "VVD Utrecht", party: "VVD", political: true, headline: "Veilig naar huis", body: "Een veilig station en verlichte fietspaden in Utrecht-Oost: daar zet de VVD zich voor in.", label: "image", notice: "vvd-utr-26.pdf", rules: [], reachable: true },
  { id: "denk-robots", page: "/prive/abonnees", placement: "iframe", sponsor: "DENK Rotterdam", party: "DENK", political: true, headline: "Gelijke kansen", body: "DENK Rotterdam: een stage voor elke student, zonder discriminatie.", label: "full", notice: "denk-rtm-26", rules: [], reachable: false },
];

/** The truth list for this replica. */
export function truthOf(ads: SandboxAd[], replica: string): TruthAd[] {
  return ads.map((a) => ({ replica, source: "publisher", match: a.body, political: a.political, party: a.party, rules: a.rules, reachable: a.reachable }));
}
