import type { AdInput } from "../../../common/ad-input.js";
import { archivedAdSchema, type ArchivedAd } from "./schema.js";
import { stripToken } from "./redact.js";

/** The source id under which Meta ad library ads are stored. */
export const META_SOURCE_ID = "meta-ad-library";

/** An ad library record mapped to polad's ad input, plus the snapshot URL (token-free) to render. */
export interface MetaAd {
  ad: AdInput;
  snapshotUrl: string | null;
}

function toIso(s: string | undefined): string | null {
  if (!s) return null;
  const t = Date.parse(s);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

/** The archive id: `id`, a mirror's `_id`, or the `id=` parameter of the snapshot URL (2019 dumps have no `id`). */
function archiveId(r: ArchivedAd): string | null {
  if (r.id) return r.id;
  if (r._id) return r._id;
  if (!r.ad_snapshot_url) return null;
  try {
    return new URL(r.ad_snapshot_url).searchParams.get("id");
  } catch {
    return null;
  }
}

function plural(list: string[] | undefined, single: string | undefined): string[] {
  if (list && list.length > 0) return list;
  return single ? [single] : [];
}

/** Targeting and delivery facts as the library reports them (the EU fields, else the old distributions). */
function targeting(r: ArchivedAd): Record<string, unknown> | null {
  const t: Record<string, unknown> = {};
  if (r.target_ages) t.ages = r.target_ages;
  if (r.target_gender) t.gender = r.target_gender;
  if (r.target_locations) t.locations = r.target_locations;
  if (r.eu_total_reach !== undefined) t.eu_total_reach = r.eu_total_reach;
  if (r.age_country_gender_reach_breakdown) t.age_country_gender_reach_breakdown = r.age_country_gender_reach_breakdown;
  if (r.estimated_audience_size) t.estimated_audience_size = r.estimated_audience_size;
  if (r.demographic_distribution) t.demographic_distribution = r.demographic_distribution;
  const regions = r.delivery_by_region ?? r.region_distribution;
  if (regions) t.delivery_by_region = regions;
  if (r.publisher_platforms) t.publisher_platforms = r.publisher_platforms;
  return Object.keys(t).length > 0 ? t : null;
}

/** The raw record with every credential removed (the snapshot URL carries the access token). */
function cleanRaw(raw: Record<string, unknown>): Record<string, unknown> {
  const out = { ...raw };
  if (typeof out.ad_snapshot_url === "string") out.ad_snapshot_url = stripToken(out.ad_snapshot_url);
  return out;
}

/**
 * Maps one `ads_archive` record (old or new field names) to an AdInput. The label is left empty: it is
 * what the rendered snapshot shows, filled in by the snapshot step, never guessed from the API fields.
 * Throws with the field name when the record has no usable id.
 */
export function mapArchivedAd(input: unknown, opts: { country?: string } = {}): MetaAd {
  const parsed = archivedAdSchema.safeParse(input);
  if (!parsed.success) throw new Error(`ads_archive record does not parse: ${parsed.error.issues.map((i) => i.path.join(".") + ": " + i.message).join("; ")}`);
  const r = parsed.data;
  const id = archiveId(r);
  if (!id) throw new Error("ads_archive record has no id (no id, _id or id= in ad_snapshot_url)");
  const raw = cleanRaw(input as Record<string, unknown>);
  const bodies = plural(r.ad_creative_bodies, r.ad_creative_body);
  const byline = (r.bylines ?? r.funding_entity)?.trim() || null;
  const ad: AdInput = {
    id,
    source: META_SOURCE_ID,
    publisher: "Meta",
    sponsor: byline ?? r.page_name ?? null,
    text: bodies.length > 0 ? bodies.join("\n\n") : null,
    label: null,
    targeting: targeting(r),
    first_seen: toIso(r.ad_delivery_start_time),
    last_seen: toIso(r.ad_delivery_stop_time),
    country: opts.country ?? "NL",
    page_id: r.page_id ?? null,
    page_name: r.page_name ?? null,
    byline,
    raw,
  };
  return { ad, snapshotUrl: r.ad_snapshot_url ? stripToken(r.ad_snapshot_url) : null };
}
