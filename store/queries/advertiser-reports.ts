import { sql, type Kysely } from "kysely";
import type { Database } from "../schema.js";

/**
 * Advertiser reports: the lines of Meta's Ad Library report (a page, its "Paid for by" disclaimer or
 * the lack of one, its spend over a period). The crawl stores each line as an `ad` record of kind
 * `advertiser-report` (with its evidence); `refreshAdvertiserReports` projects those records into the
 * typed `advertiser_report` table, and the lists read from there.
 */

/** One report line. */
export interface AdvertiserReport {
  adId: number;
  platform: string;
  pageId: string;
  pageName: string | null;
  disclaimer: string | null;
  ranWithoutDisclaimer: boolean;
  spend: { min: number | null; max: number | null; text: string | null; currency: string | null };
  adsInLibrary: number | null;
  reportDate: string | null;
  period: string | null;
  country: string | null;
  region: string | null;
  reportUrl: string | null;
}

/** A page that ran ads without a disclaimer, over every stored report that says so. */
export interface PageWithoutDisclaimer {
  platform: string;
  pageId: string;
  pageName: string | null;
  /** Report lines (report × period × region) in which the page ran ads without a disclaimer. */
  reports: number;
  firstReportDate: string | null;
  lastReportDate: string | null;
  /** The largest spend range of one such line (report periods overlap, so lines are not summed). */
  maxSpendMin: number | null;
  maxSpendMax: number | null;
  currency: string | null;
}

/**
 * Brings `advertiser_report` up to date with the stored report records (all of them, or those of one
 * crawl run's observations): inserts new lines, updates changed ones. Returns the lines written.
 */
export async function refreshAdvertiserReports(db: Kysely<Database>, o: { runId?: number } = {}): Promise<number> {
  const run = o.runId === undefined ? sql`true` : sql`exists (select 1 from observation ob where ob.ad_id = ad.id and ob.crawl_run_id = ${o.runId})`;
  const r = await sql`
    insert into advertiser_report (ad_id, platform, page_id, page_name, disclaimer, ran_without_disclaimer, spend_min, spend_max, spend_text,
      currency, ads_in_library, report_date, period, country, region, report_url, updated_at)
    select ad.id, p.name, ad.extra->>'page_id', ad.extra->>'page_name', ad.sponsor,
      coalesce((ad.extra->>'ran_without_disclaimer')::boolean, ad.sponsor is null),
      (ad.extra->'spend'->>'min')::numeric, (ad.extra->'spend'->>'max')::numeric, ad.extra->'spend'->>'text', ad.extra->'spend'->>'currency',
      (ad.extra->>'ads_in_library')::int, case when ad.extra->'report'->>'date' ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' then (ad.extra->'report'->>'date')::date end, ad.extra->'report'->>'period', ad.country,
      ad.extra->'report'->>'region', ad.extra->'report'->>'url', now()
    from ad join publisher p on p.id = ad.publisher_id
    where ad.extra->>'record_kind' = 'advertiser-report' and ad.extra->>'page_id' is not null and ${run}
    on conflict (ad_id) do update set platform = excluded.platform, page_id = excluded.page_id, page_name = excluded.page_name,
      disclaimer = excluded.disclaimer, ran_without_disclaimer = excluded.ran_without_disclaimer, spend_min = excluded.spend_min,
      spend_max = excluded.spend_max, spend_text = excluded.spend_text, currency = excluded.currency, ads_in_library = excluded.ads_in_library,
      report_date = excluded.report_date, period = excluded.period, country = excluded.country, region = excluded.region,
      report_url = excluded.report_url, updated_at = excluded.updated_at
  `.execute(db);
  return Number(r.numAffectedRows ?? 0);
}

const day = (v: string | Date | null): string | null => (v === null ? null : typeof v === "string" ? v.slice(0, 10) : v.toISOString().slice(0, 10));

/** The report lines of one page (or all), newest report first. */
export async function listAdvertiserReports(db: Kysely<Database>, o: { pageId?: string; withoutDisclaimer?: boolean } = {}): Promise<AdvertiserReport[]> {
  let q = db.selectFrom("advertiser_report").selectAll();
  if (o.pageId !== undefined) q = q.where("page_id", "=", o.pageId);
  if (o.withoutDisclaimer) q = q.where("ran_without_disclaimer", "=", true);
  const rows = await q.orderBy("report_date", "desc").orderBy("page_id").orderBy("ad_id").execute();
  return rows.map((r) => ({
    adId: Number(r.ad_id), platform: r.platform, pageId: r.page_id, pageName: r.page_name, disclaimer: r.disclaimer, ranWithoutDisclaimer: r.ran_without_disclaimer,
    spend: { min: r.spend_min === null ? null : Number(r.spend_min), max: r.spend_max === null ? null : Number(r.spend_max), text: r.spend_text, currency: r.currency },
    adsInLibrary: r.ads_in_library, reportDate: day(r.report_date), period: r.period, country: r.country, region: r.region, reportUrl: r.report_url,
  }));
}

/** Pages that ran ads without a disclaimer, the largest spend first. */
export async function listPagesWithoutDisclaimer(db: Kysely<Database>, o: { limit?: number } = {}): Promise<PageWithoutDisclaimer[]> {
  const rows = await db.selectFrom("advertiser_report")
    .select((eb) => [
      "platform", "page_id", eb.fn.max("page_name").as("page_name"), eb.fn.countAll<number>().as("reports"),
      sql<string | Date | null>`min(report_date)`.as("first_report"), sql<string | Date | null>`max(report_date)`.as("last_report"),
      sql<number | null>`max(spend_min)`.as("max_spend_min"), sql<number | null>`max(spend_max)`.as("max_spend_max"), eb.fn.max("currency").as("currency"),
    ])
    .where("ran_without_disclaimer", "=", true)
    .groupBy(["platform", "page_id"])
    .orderBy(sql`max(spend_max) desc nulls last`).orderBy("page_id")
    .limit(o.limit ?? 10_000)
    .execute();
  return rows.map((r) => ({
    platform: r.platform, pageId: r.page_id, pageName: r.page_name, reports: Number(r.reports), firstReportDate: day(r.first_report), lastReportDate: day(r.last_report),
    maxSpendMin: r.max_spend_min === null ? null : Number(r.max_spend_min), maxSpendMax: r.max_spend_max === null ? null : Number(r.max_spend_max), currency: r.currency,
  }));
}
