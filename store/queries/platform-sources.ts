import type { Kysely } from "kysely";
import type { Database } from "../schema.js";

/** An ad of one platform source as stored, with what its sightings captured. */
export interface SourceAd {
  externalId: string;
  publisher: string;
  sponsor: string | null;
  text: string | null;
  label: string | null;
  noticeUrl: string | null;
  noticeStatus: number | null;
  hasNotice: boolean;
  targeting: Record<string, unknown> | null;
  extra: Record<string, unknown>;
  country: string;
  firstSeenAt: Date;
  lastSeenAt: Date;
  screenshots: number;
  pageUrls: string[];
}

/** Every ad of a source with its sightings' page URLs and screenshot count, ordered by external id. */
export async function listSourceAds(db: Kysely<Database>, source: string): Promise<SourceAd[]> {
  const rows = await db
    .selectFrom("ad")
    .innerJoin("publisher", "publisher.id", "ad.publisher_id")
    .leftJoin("observation", "observation.ad_id", "ad.id")
    .select((eb) => [
      "ad.external_id", "publisher.name as publisher", "ad.sponsor", "ad.text", "ad.label", "ad.notice_url", "ad.notice_status", "ad.notice_id",
      "ad.targeting", "ad.extra", "ad.country", "ad.first_seen_at", "ad.last_seen_at",
      eb.fn.count<number>("observation.screenshot_sha256").as("screenshots"),
      eb.fn.coalesce(eb.fn.agg<string[]>("array_agg", ["observation.page_url"]), eb.val([])).as("page_urls"),
    ])
    .where("ad.source", "=", source)
    .groupBy(["ad.id", "publisher.name"])
    .orderBy("ad.external_id")
    .execute();
  return rows.map((r) => ({
    externalId: r.external_id, publisher: r.publisher, sponsor: r.sponsor, text: r.text, label: r.label, noticeUrl: r.notice_url,
    noticeStatus: r.notice_status, hasNotice: r.notice_id !== null, targeting: r.targeting, extra: r.extra, country: r.country,
    firstSeenAt: new Date(r.first_seen_at), lastSeenAt: new Date(r.last_seen_at), screenshots: Number(r.screenshots),
    pageUrls: (r.page_urls ?? []).filter((u): u is string => typeof u === "string"),
  }));
}

/** Every URL a run keeps (frontier, sightings, links found, notices), to check no credential was stored. */
export async function listRunStoredText(db: Kysely<Database>, runId: number): Promise<string[]> {
  const frontier = await db.selectFrom("frontier").select(["url", "payload", "reason"]).where("run_id", "=", runId).execute();
  const obs = await db.selectFrom("observation").select(["page_url", "frame_chain", "links"]).where("crawl_run_id", "=", runId).execute();
  const run = await db.selectFrom("crawl_run").select(["params", "stats", "error"]).where("id", "=", runId).execute();
  const notices = await db.selectFrom("notice").select(["url", "final_url", "body"]).execute();
  return [
    ...frontier.flatMap((f) => [f.url, JSON.stringify(f.payload), f.reason ?? ""]),
    ...obs.flatMap((o) => [o.page_url, JSON.stringify(o.frame_chain), JSON.stringify(o.links)]),
    ...run.flatMap((r) => [JSON.stringify(r.params), JSON.stringify(r.stats), r.error ?? ""]),
    ...notices.flatMap((n) => [n.url, n.final_url ?? "", n.body]),
  ];
}
