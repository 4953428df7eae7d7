/**
 * Turns a politiekereclame.nl statement into polad's record of it. A statement is not an ad: the
 * record carries `record_kind: "notice-statement"`, no text and no label, the statement itself as its
 * inline notice (nothing dropped) and the parties, election, period and amounts as extra fields.
 */
import type { AdInput } from "../../../common/ad-input.js";
import type { Statement } from "./schema.js";

/** The source id. */
export const PR_SOURCE_ID = "politiekereclame-nl";

/** Where the statement page of a public id lives on a site base (the platform's real path). */
export function statementPageUrl(siteBase: string, publicId: string): string {
  return new URL(`/transparantie-verklaringen/${encodeURIComponent(publicId)}`, siteBase).href;
}

/** The public id in a link to a statement page (politiekereclame.nl/transparantie-verklaringen/<id>), or null. */
export function publicIdFromNoticeUrl(url: string | null | undefined): string | null {
  if (!url || !URL.canParse(url)) return null;
  const m = /\/transparantie-verklaringen?\/([A-Za-z0-9_-]{1,64})\/?$/.exec(new URL(url).pathname);
  return m?.[1] ?? null;
}

/** A euro amount as the platform writes it ("35000", "1121315.2", "1.200,50", "€ 500"), or null. */
export function parseEuro(v: string | number | null | undefined): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (!v) return null;
  let s = v.replace(/[€\s]|eur(o)?/gi, "");
  if (/,\d{1,2}$/.test(s)) s = s.replace(/\./g, "").replace(",", ".");
  else s = s.replace(/,/g, "");
  if (!/^\d+(\.\d+)?$/.test(s)) return null;
  return Number(s);
}

const clean = (s: string | null | undefined): string | null => {
  const t = s?.normalize("NFKC").replace(/\s+/g, " ").trim();
  return t ? t.slice(0, 2048) : null;
};

/** A list field ("contextueel,demografisch"; "geen" means none). */
function list(s: string | null | undefined): string[] {
  return (s ?? "").split(",").map((x) => x.trim()).filter((x) => x && x.toLowerCase() !== "geen");
}

/** An ISO date (YYYY-MM-DD) turned into a timestamp the ad input accepts, or null. */
function day(s: string | null | undefined): string | null {
  const t = s?.trim();
  return t && /^\d{4}-\d{2}-\d{2}/.test(t) && !Number.isNaN(Date.parse(t)) ? new Date(`${t.slice(0, 10)}T00:00:00Z`).toISOString() : null;
}

/** The election (or "Algemeen" issue theme) a statement names: theme_link's label first, else theme. */
export function electionOf(s: Statement): string | null {
  return clean(s.theme_link?.label) ?? clean(s.theme);
}

/** The statement as a record for the store. `pageUrl` is its statement page (the notice ads link to). */
export function statementToRecord(s: Statement, pageUrl: string): AdInput {
  const sponsor = clean(s.opdrachtgever_naam_organisatie) ?? clean(s.organization_created?.name);
  const payer = clean(s.betalende_naam_organisatie);
  const targeting = list(s.gebruikte_targeting_techniek);
  return {
    id: `pr-${s.id}`.slice(0, 512),
    source: PR_SOURCE_ID,
    publisher: "politiekereclame.nl",
    sponsor,
    text: null,
    label: null,
    notice_url: pageUrl,
    notice: s as Record<string, unknown>,
    first_seen: day(s.campagne_periode_startdatum),
    last_seen: day(s.campagne_periode_einddatum),
    country: "NL",
    targeting: targeting.length ? { techniques: targeting } : null,
    record_kind: "notice-statement",
    public_id: s.public_id,
    statement_name: clean(s.name),
    payer: payer ?? sponsor,
    payer_differs: payer !== null && sponsor !== null && payer.toLowerCase() !== sponsor.toLowerCase(),
    controlling_entity: clean(s.gezaghebbende_naam_organisatie),
    kiesraad_registration: clean(s.opdrachtgever_registratienummer_kiesraad),
    election: electionOf(s),
    period: { start: clean(s.campagne_periode_startdatum), end: clean(s.campagne_periode_einddatum) },
    amounts: { paid_media_eur: parseEuro(s.betaalde_media_waarde_euro), total_campaign_eur: parseEuro(s.totale_waarde_campagne_euro) },
    media: list(s.ingezette_media),
    origin_of_funds: clean(s.oorsprong_ontvangen_bedragen),
    message: clean(s.reclame_boodschap),
    published_at: clean(s.date_published),
  };
}
