/**
 * Field labels of Art. 12(1) transparency notices in Dutch, English, German and French (folded form), as used by
 * politiekereclame.nl, the 2025/1410 template (reference §2.4) and German/French publisher forms.
 */

/** The Art. 12(1) elements polad looks for in a notice. */
export type NoticeElement =
  | "sponsor" | "sponsorContact" | "sponsorAddress" | "controller" | "payer" | "period" | "amounts"
  | "origin" | "method" | "election" | "targeting" | "notification" | "repository";

/** Line-start label patterns per element; the value follows a colon or sits on the next line. */
export const FIELD_LABELS: Readonly<Record<Exclude<NoticeElement, "sponsorContact">, readonly string[]>> = {
  sponsor: [
    "(naam (van de )?|identiteit (van de )?)?opdrachtgever( naam( organisatie)?)?", "(name of (the )?|identity of (the )?)?sponsor( name| identity)?",
    "(name des )?auftraggeber(s|in)?( name)?", "sponsor", "(nom du |identite du )?(parraineur|annonceur|commanditaire)",
  ],
  sponsorAddress: [
    "(vestigings|post|bezoek)?adres", "straat( en huisnummer)?", "(postal |registered )?address( of (the )?(place of )?establishment)?",
    "(post)?anschrift", "sitz", "adresse( postale| du siege| d'etablissement)?",
  ],
  controller: [
    "gezaghebbende( entiteit| organisatie)?( naam( organisatie)?)?", "(uiteindelijke )?zeggenschap", "(entity )?ultimately controlling( entity)?",
    "controlling entity", "kontrollierende (einrichtung|stelle|organisation)", "beherrschende", "entite (qui )?control\\p{L}*",
  ],
  payer: [
    "betalende (partij|organisatie|entiteit)( naam( organisatie)?)?", "betaler", "betaald door", "payer", "paid (for )?by", "zahlende",
    "bezahlt (von|durch)", "zahler", "payeur", "paye par",
  ],
  period: [
    "(campagne ?)?periode", "campagne (vanaf|van|tot( en met)?|start|einde)", "(start|einde?) (van de )?campagne", "looptijd", "startdatum", "einddatum", "(dissemination |publication |campaign )?period", "start date", "end date",
    "(verbreitungs|veroffentlichungs)?zeitraum", "laufzeit", "periode de diffusion", "dates? de (diffusion|publication)",
  ],
  amounts: [
    "(betaalde media ?)?waarde( euro)?", "(totale )?(waarde|kosten) (van de )?campagne", "bedrag(en)?", "kosten", "uitgaven",
    "(aggregated |total )?(amounts?|value|spend|cost)", "(gesamt)?betrag", "(gesamt)?kosten", "ausgaben", "montant( total)?", "cout",
  ],
  origin: [
    "oorsprong( ontvangen bedragen)?", "herkomst( van (de )?middelen)?", "origin( of (the )?(amounts|funds|money))?", "source of funds",
    "herkunft( der mittel)?", "origine( des fonds| des montants)?",
  ],
  method: ["(reken|berekenings)?methode", "waardebepaling", "(calculation )?method", "berechnungsmethode", "methode de calcul"],
  election: [
    "(gerelateerde )?verkiezing(en)?", "thema", "election(s)?( or referendum)?", "referendum", "(linked )?(election|legislative process)",
    "wahl(en)?", "verbundene wahl", "election liee", "scrutin",
  ],
  targeting: [
    "(gebruikte )?targeting( techniek(en)?)?", "ad[- ]delivery", "targeting (and|or) ad[- ]delivery( techniques)?",
    "ausspielung", "zielgerichtete", "ciblage", "techniques de ciblage",
  ],
  repository: [
    "(link (naar|to) )?(het |the )?europe(es|se|an) (register|repository|archief)( voor (online )?politieke (reclame|advertenties))?",
    "(eu|european) (ad )?repository", "europaische[sn]? (register|archiv|datenbank)", "registre europeen", "repository",
  ],
  notification: ["meld(en|punt)", "melding maken", "report( this (ad|advertisement))?", "notification mechanism", "melden", "meldestelle", "signaler"],
};

/** Values that answer "not applicable": accepted only for the elements the law calls "where applicable". */
export const NOT_APPLICABLE = /^\s*(n\.?v\.?t\.?|nvt|niet van toepassing|n\/?a|not applicable|nicht zutreffend|entfallt|sans objet|non applicable)\s*$/i;

/** Values that mean "not given": empty, dashes, "n.v.t.", "n/a", "nicht zutreffend", "sans objet". */
export const EMPTY_VALUE = /^\s*(|-+|x|\.+|n\.?v\.?t\.?|nvt|niet van toepassing|n\/?a|none|nicht zutreffend|entfallt|sans objet|undefined|null)\s*$/i;

/** A link into the European repository for online political advertisements (Art. 13), once it is live. */
export const EU_REPOSITORY_URL = /https?:\/\/[^\s"'<>]*(political-advertising\.ec\.europa\.eu|europa\.eu\/[^\s"'<>]*(repository|political-ad))[^\s"'<>]*/i;

/** Words in a page that name it as a transparency notice. */
export const NOTICE_TITLE = /transparantie-?verklaring|transparency (notice|statement)|transparenzbekanntmachung|transparenzhinweis|avis de transparence|politieke reclame|political advert/i;

/** Funds from outside the EU (Art. 12(1)(e); a signal for Art. 5(2)). */
export const OUTSIDE_EU = /buiten de (eu|europese unie)|outside (the )?(eu|european union|union)|ausserhalb der (eu|europaischen union|union)|hors de l'?(ue|union)/i;
