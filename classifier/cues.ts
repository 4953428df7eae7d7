import { ELECTION_PHRASES } from "./label-lexicon.js";
import { foldSameLength, phraseRegex } from "./normalize.js";

/** One text cue for Art. 3(2)(b) (liable and designed to influence a vote or a legislative process) or an exclusion. */
export interface Cue {
  id: string;
  /** Added to the political log-odds; negative for exclusions and commercial signals. */
  weight: number;
  explain: string;
  re: RegExp;
  /** Words one of which every match contains (folded): the regex runs only when one occurs, which keeps long texts fast. */
  hint?: readonly string[];
}

/** Limb (b) cues and their weights, tuned by hand on the real Dutch, German and English examples. */
export const POLITICAL_CUES: readonly Cue[] = [
  {
    id: "vote-call",
    weight: 2.5,
    explain: "calls on people to vote",
    re: phraseRegex(
      "(?<=^|[.!?:\\n] ?)(stem|stim)(?= [\\p{L}\\d])|stem (op|voor|tegen|lijst|nu|ook|\\p{L}+ op|\\d{1,2}|\\d{1,2} (maart|november|oktober|juni|mei))|ga stemmen|breng je stem uit|kies (je |jij |u )?(op|voor) \\d{1,2} (maart|november|oktober|juni|mei)|op \\d{1,2} (maart|november|oktober|juni|mei) kies (je|jij|u)|kies (je |jij |u )?(een nieuwe |de )?(gemeenteraad|tweede kamer|provinciale staten|waterschap)|(jouw|je|uw) stem (telt|voor)|vote (for|yes|no|on|early)|go vote|cast your (vote|ballot)|(wahlen sie|wahlt|whlt)|zweitstimme|erststimme|beide stimmen|votez( pour)?|votate|votad",
      "u",
    ),
  },
  { id: "election", weight: 1.5, explain: "names an election, referendum or legislative process", re: phraseRegex([...ELECTION_PHRASES.filter((p) => p !== "bill"), "kieswijzer", "stemwijzer", "stemlokaal", "wahl-o-mat"].join("|"), "u") },
  { id: "list-number", weight: 2.5, explain: "gives a ballot list number or list position", re: phraseRegex("lijst ?\\d{1,2}|lijsttrekker|nummer \\d{1,2} op de lijst|listenplatz|spitzenkandidat(in)?|tete de liste", "u") },
  {
    id: "legislative",
    weight: 1.2,
    explain: "refers to a bill, parliament, council or other decision-maker",
    re: phraseRegex(
      "wetsvoorstel|wetgeving|den haag|politici|politiek|politieke agenda|beleidsmakers|tweede kamer|eerste kamer|kamerleden?|kamerlid|gemeenteraad|raadslid|raadsleden|wethouder|provinciale staten|coalitie|partijprogramma|verkiezingsprogramma|motie|kabinet|bundestag|landtag|gesetz(entwurf)?|abgeordnete[nr]?|congress|senate|senators?|governor|congressman|congresswoman|democrats|republicans|gop|white house|legislation|parliament|assemblee nationale|parlement|proposition de loi|kandida(a)?t(en)?|candidates?|kandidat(in|en)?",
      "u",
    ),
  },
  { id: "petition", weight: 1.0, explain: "asks people to sign or act towards decision-makers", re: phraseRegex("teken (de|onze) petitie|sign (the|our) petition|petition (unterschreiben|unterzeichnen)|bel je kamerlid|call your (representative|senator|mp)|schrijf (je|uw) kamerlid", "u") },
];

/** Signals that a vote call is commercial or that the ad sells something (Art. 3(2): purely commercial). */
export const COMMERCIAL_CUES: readonly Cue[] = [
  { id: "commercial-vote", weight: -5, explain: "the vote is for a product or favourite, not an election", re: phraseRegex("(stem|vote|stimme|votez)[^.!?\\n]{0,40}(favoriet\\p{L}*|favou?rite|lievelings\\p{L}*|lieblings\\p{L}*|prefere\\p{L}*|smaak|flavou?r|pizza|product|gerecht|recept|song|liedje|winnaar van|finalist)", "u") },
  {
    id: "service-request",
    weight: -2,
    explain: "asks people to request a brochure, quote or sample, or to book: a commercial or service call to action",
    hint: ["vraag", "gratis", "boek", "reserveer", "request", "book", "jetzt", "kostenlos", "demandez", "ontvang"],
    re: phraseRegex("vraag (\\p{L}+ ){0,4}(brochure|offerte|folder|proefpakket|informatiepakket|infopakket|catalogus|proefles|monster)s? aan|gratis (brochure|offerte|proefles|proefperiode|informatiepakket|catalogus)|(boek|reserveer) (nu|vandaag|direct|online|snel)|request (a |your )?(free )?(brochure|quote|sample)|book (now|today)|jetzt (buchen|anfordern)|kostenlose? (broschure|angebot)|demandez (votre|une) (brochure|devis)|ontvang (een |je |uw )?(gratis|korting)", "u"),
  },
  {
    id: "charity-appeal",
    weight: -1.5,
    explain: "asks for a donation to a charity or for a health or medical cause",
    hint: ["doneer", "word ", "steun", "onderzoek", "collecte", "donat", "faites"],
    re: phraseRegex("doneer (nu|vandaag|ook|aan|via|hier)|word (donateur|collectant)|steun (ons|het) (wetenschappelijk |medisch )?onderzoek|(kinder)?(kanker|hersen|hart|nier|long|diabetes|alzheimer)onderzoek|collecteweek|donate (now|today)|make a donation|faites un don", "u"),
  },
  {
    id: "health-appeal",
    weight: -1.5,
    explain: "asks people to take a health test, screening, vaccination or donation: a health-service appeal",
    hint: ["laat ", "bevolkingsonderzoek", "vraag ", "donor", "bloed", "lass ", "get "],
    re: phraseRegex("laat (je|u|jezelf|uzelf) (gratis )?(testen|vaccineren|screenen|prikken|onderzoeken|controleren)|doe (ook )?mee aan (het|de) bevolkingsonderzoek|vraag (je|uw) (huisarts|apotheker|tandarts)|word (bloed|plasma|orgaan|stamcel)donor|geef bloed|lass (dich|dich jetzt|sie sich) (impfen|testen)|get (vaccinated|screened|tested)", "u"),
  },
  {
    id: "contest",
    weight: -2,
    explain: "runs a contest or prize draw (\"maak kans op\", \"win een\"), not a vote in an election",
    hint: ["kans", "win", "prijsvraag", "gewinn", "chance"],
    re: phraseRegex("maak (kans|een kans) op|kans maken op|(en |om )?win (een|de|jouw|je)|winactie|prijsvraag|gewinnspiel|gewinnen sie|win a|chance to win|tentez votre chance", "u"),
  },
  { id: "shop", weight: -1.2, explain: "sells a product (price, order, discount)", re: phraseRegex("bestel (nu|vandaag|online)|shop (nu|now)|korting|gratis verzending|in de winkel|buy now|free shipping|% off|jetzt (kaufen|bestellen)|rabatt|versandkostenfrei|achetez|livraison gratuite", "u") },
];

/** Official how-to-vote information (Art. 3(2)(i) exclusion) and public-authority senders (exclusion ii). */
export const OFFICIAL_VOTE_INFO = phraseRegex("stempas|stemlocatie|stembureau|neem (je|uw) (id|identiteitsbewijs|legitimatie)|identiteitsbewijs mee|iedereen (mag|kan) stemmen|kiezerspas|volmacht|briefstemmen|polling (station|place)|register to vote|wahlbenachrichtigung|wahllokal|briefwahl|bureau de vote", "u");
/** OFFICIAL_VOTE_INFO as a cue of weight 0: matched in the same pass as the others, judged by the exclusion step. */
export const VOTE_INFO_CUE: Cue = {
  id: "vote-info", weight: 0, explain: "gives practical information on how to vote", re: OFFICIAL_VOTE_INFO,
  hint: ["stem", "neem", "identiteitsbewijs", "kiezerspas", "volmacht", "polling", "register", "wahl", "bureau de vote"],
};
export const PUBLIC_AUTHORITY = phraseRegex("gemeente|provincie|ministerie|rijksoverheid|kiesraad|waterschap|overheid|government|bundesregierung|stadt|ville de|prefecture|electoral commission", "u");

/** The cues that fire in a text, each with the matched words (bounded input). */
export function matchCues(text: string, cues: readonly Cue[]): Array<{ cue: Cue; match: string }> {
  const original = text.slice(0, 100_000);
  const folded = foldSameLength(original);
  const out: Array<{ cue: Cue; match: string }> = [];
  for (const cue of cues) {
    if (cue.hint && !cue.hint.some((h) => folded.includes(h))) continue;
    const m = cue.re.exec(folded);
    if (m) out.push({ cue, match: original.slice(m.index, m.index + m[0].length) });
  }
  return out;
}
