/**
 * Label phrases for Art. 11(1) in the 24 official EU languages, written in folded form (lower case, no
 * diacritics; see foldSameLength). Sources: the act's own terms per language and the label practice in
 * /work/shared/reference/ttpa-regulation.md §3; the rest translated from the act's terminology.
 * Each entry is a regular-expression fragment; word boundaries are added by `phraseRegex`.
 */

/** Art. 11(1)(a): "this is a political advertisement", by language code. */
export const STATEMENT_PHRASES: Readonly<Record<string, readonly string[]>> = {
  nl: ["politieke (reclame(boodschap)?|advertentie)", "verkiezings(reclame|advertentie)"],
  en: ["(paid )?political (advertisement|advertising|advert|ad)"],
  de: ["politische (anzeige|werbung)", "wahl(werbung|anzeige)"],
  fr: ["(publicite|annonce( publicitaire)?) (a caractere )?(politique|electorale)"],
  it: ["(pubblicita|messaggio) (politic[ao]|elettorale)", "propaganda elettorale", "messaggio politico elettorale"],
  es: ["(publicidad|anuncio|propaganda) (politic[ao]|electoral)"],
  pt: ["(publicidade|anuncio|propaganda) (politic[ao]|eleitoral)"],
  pl: ["reklama polityczna", "ogloszenie polityczne", "material wyborczy"],
  cs: ["politicka (reklama|inzerce)"],
  sk: ["politicka (reklama|inzercia)"],
  sl: ["politicn[oi] oglas(evanje)?"],
  hr: ["politick[io] oglas(avanje)?"],
  hu: ["politikai (hirdetes|reklam)"],
  ro: ["(publicitate|material publicitar) (politica|politic|electorala)"],
  bg: ["политическ[аио] (реклама|рекламно съобщение)"],
  el: ["πολιτικη διαφημιση"],
  da: ["politisk (reklame|annonce)"],
  sv: ["politisk (reklam|annons)", "politiskt reklammeddelande"],
  fi: ["poliittinen (mainos|mainonta)", "vaalimainos"],
  et: ["poliitiline reklaam"],
  lv: ["politiska reklama"],
  lt: ["politine reklama"],
  mt: ["(reklam|riklam|reklamar) politik[au]"],
  ga: ["fograiocht pholaitiuil", "fogra polaitiuil"],
};

/** Art. 11(1)(b): phrases that introduce the sponsor's name ("Betaald door X", "Paid for by X"). */
export const SPONSOR_PHRASES: readonly string[] = [
  "opdrachtgever", "betaald door", "gesponsord door", "gefinancierd door", "verantwoordelijke uitgever", "namens",
  "paid for by", "sponsored by", "promoted by", "funded by", "sponsor",
  "auftraggeber(in)?", "bezahlt von", "finanziert von", "gesponsert von", "im auftrag von",
  "paye par", "parraine par", "finance par", "annonceur", "parraineur", "commanditaire",
  "committente( responsabile)?", "pagato da", "finanziato da",
  "pagado por", "patrocinado por", "financiado por", "pago por", "anunciante",
  "sfinansowan[oey] przez", "oplacon[oey] przez", "zleceniodawca",
  "zadavatel", "zaplatil", "objednavatel", "narocnik", "placal", "narucitelj", "placeno od",
  "megrendelo", "fizette", "platit de", "finantat de", "comanditar",
  "платено от", "възложител", "χορηγος", "εντολεας", "πληρωθηκε απο",
  "betalt af", "afsender", "betald av", "sponsrad av", "avsandare", "bestallare",
  "maksaja", "maksanut", "tilaaja", "tellija", "makstud", "pasutitajs", "apmaksaja", "uzsakovas", "apmokejo",
  "imhallas minn", "ioctha ag", "urraitheoir",
];

/** Art. 11(1)(c): a named election, referendum or legislative process. */
export const ELECTION_PHRASES: readonly string[] = [
  "\\p{L}*verkiezing(en)?", "referend(um|a|o|umas|ums)", "volksraadpleging", "wetsvoorstel",
  "elections?", "ballot (measure|question)", "bill", "legislative process",
  "(bundestags|landtags|kommunal|europa|gemeinderats|stadtrats|kreistags|burgermeister|prasidentschafts|national(rats)?)?wahl(en)?",
  "volksabstimmung", "volksentscheid", "gesetzentwurf", "scrutin", "projet de loi", "elections? (municipales|europeennes|legislatives)",
  "elezion[ei]", "disegno di legge", "eleccion(es)?", "comicios", "proyecto de ley", "eleica?o(es)?", "eleicoes", "projeto de lei",
  "wybor(y|ach|ow)", "volb(y|ach)", "volitv(e|ah)", "izbor(i|ima)", "valasztas\\p{L}*", "nepszavazas", "alegeri\\p{L}*",
  "избори", "εκλογ\\p{L}*", "δημοψηφισμα", "(folketings|kommunal|regions|europa-?parlaments)valg(et)?",
  "(riksdags|kommun|region|europaparlaments)val(et)?", "folkomrostning", "\\p{L}*vaalit", "kansanaanestys",
  "valimised?", "velesanas", "rinkim(ai|u)", "elezzjoni(jiet)?", "toghchan", "reifreann",
];

/** Art. 11(1)(d): statement that targeting or ad-delivery techniques were used. */
export const TARGETING_PHRASES: readonly string[] = [
  "gericht getoond", "getarget", "targeting", "doelgroepgericht", "op basis van (je |uw |jouw )?persoonsgegevens",
  "targeted", "ad[- ]delivery", "based on (your )?personal data", "zielgerichtet", "ausgespielt", "ausspielung",
  "ciblage", "ciblee?s?", "profilazione", "segmentacion", "segmentacao", "targetowani[ea]", "cileni", "cielenie",
  "ciljanje", "celzas", "targetare", "таргетиране", "στοχευση", "malretning", "malrettet", "malgruppsinriktning",
  "riktad", "kohdenn\\p{L}*", "sihtimine", "merkesana", "taikymas", "immirat", "spriocdhiriu",
];

/** Words that, just before a targeting phrase, say targeting was NOT used. */
export const NEGATIONS = "(geen|niet|zonder|no|not|without|keine?n?|ohne|aucun|sans|pas de|nessun[ao]?|senza|sin|sem|bez|nem|fara|ingen|ei|nicht)";

/** Art. 11(1)(e): words naming the transparency notice. */
export const NOTICE_PHRASES: readonly string[] = [
  "transparantie-?verklaring", "transparency (notice|statement)", "transparenzbekanntmachung", "transparenzhinweis",
  "avis de transparence", "avviso di trasparenza", "aviso de transparencia", "informacja o przejrzystosci",
  "oznameni o transparentnosti", "oznamenie o transparentnosti", "obvestilo o preglednosti", "obavijest o transparentnosti",
  "atlathatosagi (ertesites|nyilatkozat)", "notificare privind transparenta", "съобщение за прозрачност",
  "ανακοινωση διαφανειας", "gennemsigtighedsmeddelelse", "transparensmeddelande", "lapinakyvyysilmoitus",
  "labipaistvusteade", "parredzamibas pazinojums", "skaidrumo pranesimas", "avviz ta' trasparenza", "fograr tredhearcachta",
];

/** Hosts and paths that hold notices (politiekereclame.nl, ttad.eu, DPG Media's political-ads pages, /transparantie...). */
export const NOTICE_URL = /\b(?:https?:\/\/)?(?:www\.)?(?:politiekereclame\.nl|ttad\.eu|privacy\.dpgmedia\.nl\/[^\s"'<>]*political-ads|(?<![a-z0-9.-])[a-z0-9.-]{1,253}\.[a-z]{2,}\/[^\s"'<>]{0,300}?(?:transparan|transparen[cz]|ttpa|political-ads|politieke-reclame))[^\s"'<>]*/i;

/** Commercial or DSA ad markers: they say "this is an ad", never "this is a political ad" (reference §3.3). */
export const COMMERCIAL_MARKERS: readonly string[] = [
  "gesponsord", "sponsored", "advertentie", "reclame", "promotie", "gepromoot", "partnercontent", "betaald partnerschap",
  "paid partnership", "promoted", "advertisement", "anzeige", "werbung", "publicite", "sponsorise", "pubblicita", "publicidad",
];
