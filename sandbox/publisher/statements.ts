/**
 * Transparency statements on the notice host, shaped like politiekereclame.nl statements as mirrored
 * by Open State (see ../shared/data/real/openstate-politiekereclame-nl-statements): Dutch field names,
 * sponsor (opdrachtgever), payer (betalende), campaign period, amounts, targeting, origin of funds.
 */
export type Statement = Record<string, unknown>;

interface Sponsor { id: string; name: string; street: string; city: string; kvk: string; mail: string; message: string; theme?: string }

const BLANK_PAYER = { betalende_naam_organisatie: "", betalende_straat_huisnummer: "", betalende_plaats: "", betalende_kvk_nummer: "", betalende_contactpersoon: "", betalende_mailadres: "" };
const BLANK_AUTHORITY = { gezaghebbende_naam_organisatie: "", gezaghebbende_straat_huisnummer: "", gezaghebbende_plaats: "", gezaghebbende_kvk_nummer: "", gezaghebbende_mailadres: "" };

/** A complete statement for a municipal-election campaign. */
function complete(s: Sponsor): Statement {
  return {
    id: `00000000-0000-4000-8000-${s.id.replace(/[^a-z0-9]/g, "").padEnd(12, "0").slice(0, 12)}`,
    public_id: s.id,
    name: `${s.name} Gemeenteraadsverkiezingen 2026`,
    theme: s.theme ?? "Gemeenteraadsverkiezingen 2026",
    theme_link: { id: 14, label: "Gemeenteraadsverkiezingen 18 maart 2026", status: "published", date: "2026-03-18T00:00:00" },
    date_published: "2026-02-02T10:00:00",
    organization_created: { id: `org-${s.id}`, name: s.name },
    opdrachtgever_naam_organisatie: s.name,
    opdrachtgever_straat_huisnummer: s.street,
    opdrachtgever_plaats: s.city,
    opdrachtgever_kvk_nummer: s.kvk,
    opdrachtgever_contactpersoon: "Campagneteam",
    opdrachtgever_mailadres: s.mail,
    opdrachtgever_registratienummer_kiesraad: "",
    ...BLANK_AUTHORITY,
    ...BLANK_PAYER,
    campagne_periode_startdatum: "2026-02-02",
    campagne_periode_einddatum: "2026-03-18",
    betaalde_media_waarde_euro: "4500",
    totale_waarde_campagne_euro: "6200",
    relevante_links: "",
    gebruikte_targeting_techniek: "geen",
    akkoord_geen_targeting: true,
    oorsprong_ontvangen_bedragen: "Particulier geld van binnen de EU",
    methode_waardebepaling_voordelen_natura: "n.v.t.",
    ingezette_media: "Online display",
    reclame_boodschap: s.message,
    akkoord_labels_aanleveren: true,
    akkoord_gegevens_juist: true,
    akkoord_transparantieverklaring_toestemming: true,
  };
}

/** Every statement the notice host publishes, by public id. */
export const STATEMENTS: Statement[] = [
  complete({ id: "vvd-utr-26", name: "VVD Utrecht", street: "Oudegracht 100", city: "Utrecht", kvk: "40478123", mail: "campagne@vvdutrecht.nl", message: "Meer wijkagenten en betere straatverlichting." }),
  complete({ id: "d66-utr-26", name: "D66 Utrecht", street: "Lange Viestraat 2", city: "Utrecht", kvk: "40412345", mail: "info@d66utrecht.nl", message: "Kinderopvang om de hoek." }),
  complete({ id: "cda-ams-26", name: "CDA Amsterdam", street: "Keizersgracht 50", city: "Amsterdam", kvk: "40530011", mail: "info@cda-amsterdam.nl", message: "Buurthuizen open, mantelzorgers gesteund." }),
  complete({ id: "pvv-rtm-26", name: "PVV Rotterdam", street: "Postbus 20018", city: "Den Haag", kvk: "", mail: "rotterdam@pvv.nl", message: "Rotterdam weer van ons." }),
  complete({ id: "sbu-26", name: "Stadsbelang Utrecht", street: "Neude 11", city: "Utrecht", kvk: "81234567", mail: "bestuur@stadsbelang-utrecht.nl", message: "Gratis parkeren op zaterdag." }),
  complete({ id: "pvdd-gro-26", name: "Partij voor de Dieren Groningen", street: "Grote Markt 1", city: "Groningen", kvk: "40599887", mail: "groningen@partijvoordedieren.nl", message: "Meer bomen in elke straat." }),
  complete({ id: "hss-26", name: "Huurdersbond Samen Sterk", street: "Vredenburg 40", city: "Utrecht", kvk: "71122334", mail: "info@samensterk-huurders.nl", message: "Vraag om een huurstop.", theme: "Wonen en huur" }),
  complete({ id: "denk-rtm-26", name: "DENK Rotterdam", street: "Coolsingel 5", city: "Rotterdam", kvk: "61234876", mail: "rotterdam@bewegingdenk.nl", message: "Een stage voor elke student." }),
  { ...complete({ id: "volt-ams-26", name: "Stichting Europa Dichtbij", street: "Damrak 70", city: "Amsterdam", kvk: "77665544", mail: "info@europadichtbij.eu", message: "De tram 's nachts." }) },
  {
    ...complete({ id: "ja21-gld-26", name: "JA21 Gelderland", street: "", city: "", kvk: "", mail: "", message: "Geen gedwongen uitkoop." }),
    campagne_periode_startdatum: "", campagne_periode_einddatum: "", betaalde_media_waarde_euro: "", totale_waarde_campagne_euro: "", oorsprong_ontvangen_bedragen: "", theme_link: null,
  },
];
