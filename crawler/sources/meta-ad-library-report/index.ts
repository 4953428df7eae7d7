/**
 * Meta Ad Library Report source: imports the report CSVs Meta offers for download (advertisers, their
 * "Paid for by" disclaimers and spend per country, region and period) from seed URLs. Built from the
 * real Dutch exports (see parse.ts). Each line becomes an advertiser record in the ad input shape
 * (`record_kind: "advertiser-report"`, no text, no label), stored with its evidence like any capture;
 * after the crawl `polad crawl` projects them into the `advertiser_report` table
 * (store/queries/advertiser-reports.ts), which lists the pages that ran ads without a disclaimer.
 * Only runs when asked for: the demo does not.
 *
 * Checked against real material: the CSV shapes, BOM, "≤100" amounts, the no-disclaimer text and
 * the report-API shape (the real exports, test/sources/meta-report.test.ts, and their projection in
 * test/store/advertiser-reports.test.ts). Replica only: the download as an HTTP response (status,
 * content-disposition file name), since polad has no recorded live download.
 */
import { UsageError } from "../../../common/errors.js";
import type { AdInput } from "../../../common/ad-input.js";
import { GiveUp, RetryLater } from "../../errors.js";
import type { AdSource } from "../../source.js";
import { parseAdLibraryReport, type AdvertiserReportRow } from "./parse.js";

/** The source id. */
export const REPORT_SOURCE_ID = "meta-ad-library-report";
const PERIOD_DAYS: Record<string, number> = { yesterday: 1, last_7_days: 7, last_30_days: 30, last_90_days: 90 };

/** The period a report line covers: its report date back over the report's period. */
function reportWindow(r: AdvertiserReportRow): { first: string | null; last: string | null } {
  if (!r.reportDate || Number.isNaN(Date.parse(r.reportDate))) return { first: null, last: null };
  const end = new Date(`${r.reportDate}T00:00:00Z`);
  const days = r.period ? PERIOD_DAYS[r.period] : undefined;
  return { first: days ? new Date(end.getTime() - days * 86_400_000).toISOString() : null, last: end.toISOString() };
}

/** One report line as an advertiser record. The id keeps report, page and disclaimer apart. */
export function reportRowToRecord(r: AdvertiserReportRow, sourceUrl: string): AdInput {
  const { first, last } = reportWindow(r);
  const id = [r.reportDate ?? "undated", r.period ?? "period", r.region ?? r.country ?? "all", r.pageId, r.disclaimer ?? "no-disclaimer"].join("/").slice(0, 512);
  return {
    id, source: REPORT_SOURCE_ID, publisher: "Meta", sponsor: r.disclaimer, text: null, label: null,
    first_seen: first, last_seen: last, country: (r.country ?? "NL").slice(0, 8),
    record_kind: "advertiser-report", page_id: r.pageId, page_name: r.pageName, ran_without_disclaimer: r.ranWithoutDisclaimer,
    spend: { currency: r.currency, min: r.spend.min, max: r.spend.max, text: r.spend.text }, ads_in_library: r.adsInLibrary,
    report: { date: r.reportDate, period: r.period, region: r.region, url: sourceUrl },
  };
}

/** The Meta Ad Library Report source (registry entry). */
export const metaAdLibraryReportSource: AdSource = {
  id: REPORT_SOURCE_ID,
  description: "Meta Ad Library Report CSVs: advertisers, disclaimers (or their absence) and spend",
  seed(opts) {
    const urls = opts.seeds.filter((s) => /^https?:\/\//.test(s));
    if (urls.length === 0) throw new UsageError("meta-ad-library-report needs the URL of a report CSV (--seed)");
    return urls.map((url) => ({ url, kind: "meta-report-csv" }));
  },
  async handle(item, ctx) {
    const res = await ctx.fetch(item.url, { headers: { accept: "text/csv,*/*;q=0.5" } });
    if (res.status >= 500 || res.status === 429) throw new RetryLater(`http-${res.status}`, `report answered HTTP ${res.status}`);
    if (res.status !== 200) throw new GiveUp(`http-${res.status}`, `report answered HTTP ${res.status}`);
    if (res.headers["x-polad-truncated"] === "1") throw new GiveUp("too-large", "report larger than the fetch limit: import it in parts");
    const fileName = /filename="?([^";]+)"?/.exec(res.headers["content-disposition"] ?? "")?.[1] ?? decodeURIComponent(new URL(res.finalUrl).pathname.split("/").pop() ?? "");
    let rows: AdvertiserReportRow[];
    try {
      rows = parseAdLibraryReport(res.body, fileName);
    } catch (err) {
      throw new GiveUp("bad-report", err instanceof Error ? err.message : String(err), { cause: err });
    }
    const seenAt = ctx.now().toISOString();
    for (const r of rows) {
      const sighting = { pageUrl: item.url, frameChain: [], seenAt, viewport: null, userAgent: null, screenshotPng: null, html: null, labelStyles: [], links: [] };
      await ctx.emit({ ad: reportRowToRecord(r, item.url), sighting, notice: null });
    }
    ctx.log.info({ source: REPORT_SOURCE_ID, url: item.url, rows: rows.length, withoutDisclaimer: rows.filter((r) => r.ranWithoutDisclaimer).length }, "ad library report imported");
  },
};
