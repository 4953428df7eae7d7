import type { NoticeFacts } from "./notice.js";
import { EMPTY_VALUE, EU_REPOSITORY_URL, NOT_APPLICABLE, type NoticeElement, OUTSIDE_EU } from "./notice-lexicon.js";
import { foldText } from "./normalize.js";

/** True when a JSON object has the politiekereclame.nl statement shape (opdrachtgever_* fields). */
export function isPolitiekeReclameStatement(obj: Record<string, unknown>): boolean {
  return "opdrachtgever_naam_organisatie" in obj || "campagne_periode_startdatum" in obj || ("public_id" in obj && "theme" in obj);
}

function str(obj: Record<string, unknown>, key: string): string | null {
  const v = obj[key];
  if (typeof v !== "string" && typeof v !== "number") return null;
  const s = String(v).trim().slice(0, 2000);
  return EMPTY_VALUE.test(s) ? null : s;
}

function joinParts(...parts: Array<string | null>): string | null {
  const present = parts.filter((p): p is string => p !== null);
  return present.length > 0 ? present.join(", ") : null;
}

// Which statement fields answer which Art. 12(1) element, to record the ones answered "n.v.t.".
const FIELD_ELEMENT: ReadonlyArray<[string, NoticeElement]> = [
  ["opdrachtgever_naam_organisatie", "sponsor"], ["opdrachtgever_mailadres", "sponsorContact"], ["opdrachtgever_straat_huisnummer", "sponsorAddress"],
  ["gezaghebbende_naam_organisatie", "controller"], ["betalende_naam_organisatie", "payer"], ["campagne_periode_startdatum", "period"],
  ["betaalde_media_waarde_euro", "amounts"], ["oorsprong_ontvangen_bedragen", "origin"], ["methode_waardebepaling_voordelen_natura", "method"],
  ["theme", "election"], ["theme_link", "election"], ["gebruikte_targeting_techniek", "targeting"],
];

function notApplicableIn(obj: Record<string, unknown>): NoticeElement[] {
  return FIELD_ELEMENT.filter(([key]) => typeof obj[key] === "string" && NOT_APPLICABLE.test(obj[key] as string)).map(([, e]) => e);
}

/** Map a politiekereclame.nl statement (public API JSON) onto the Art. 12(1) elements. */
export function parsePolitiekeReclame(obj: Record<string, unknown>): NoticeFacts {
  const targeting = str(obj, "gebruikte_targeting_techniek");
  const origin = str(obj, "oorsprong_ontvangen_bedragen");
  const start = str(obj, "campagne_periode_startdatum");
  const end = str(obj, "campagne_periode_einddatum");
  const paid = str(obj, "betaalde_media_waarde_euro");
  const total = str(obj, "totale_waarde_campagne_euro");
  const techniques = targeting ? foldText(targeting).split(/[,;]/).map((t) => t.trim()).filter((t) => t && t !== "geen") : [];
  const facts: NoticeFacts = {
    format: "politiekereclame",
    isNotice: true,
    title: str(obj, "name"),
    sponsor: str(obj, "opdrachtgever_naam_organisatie"),
    sponsorEmail: str(obj, "opdrachtgever_mailadres"),
    sponsorAddress: joinParts(str(obj, "opdrachtgever_straat_huisnummer"), str(obj, "opdrachtgever_plaats")),
    controller: str(obj, "gezaghebbende_naam_organisatie"),
    payer: str(obj, "betalende_naam_organisatie"),
    period: start || end ? { start, end } : null,
    amounts: paid || total ? [paid && `betaalde media € ${paid}`, total && `totale campagne € ${total}`].filter(Boolean).join("; ") : null,
    origin,
    originOutsideEu: origin !== null && OUTSIDE_EU.test(foldText(origin)),
    method: str(obj, "methode_waardebepaling_voordelen_natura"),
    election: electionOf(str(obj, "theme") ?? themeLink(obj)),
    targeting,
    targetingUsed: targeting === null ? null : techniques.length > 0,
    adMessage: str(obj, "reclame_boodschap"),
    publicId: str(obj, "public_id"),
    repositoryLink: EU_REPOSITORY_URL.exec(str(obj, "relevante_links") ?? "")?.[0] ?? null,
    notApplicable: notApplicableIn(obj),
    unreadable: null,
    found: [],
  };
  return facts;
}

// Newer statements (2025-11 on) carry the election as theme_link { label, date } instead of theme.
function themeLink(obj: Record<string, unknown>): string | null {
  const link = obj.theme_link;
  if (typeof link !== "object" || link === null) return null;
  return str(link as Record<string, unknown>, "label");
}

// "Algemeen - beleid en maatschappelijke thema's" is politiekereclame.nl's theme for ads linked to no election.
function electionOf(theme: string | null): string | null {
  return theme && !/^algemeen/i.test(theme) ? theme : null;
}
