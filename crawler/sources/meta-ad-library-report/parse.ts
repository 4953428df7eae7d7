/**
 * Parser for Meta Ad Library Report CSVs (facebook.com/ads/library/report, "Download report"), built
 * from the real Dutch exports in ../shared/data/real/favstats-PS2023-nl-advertisers: a UTF-8 BOM,
 * "Amount spent (EUR)" with "≤100" for small spenders, the disclaimer "These ads ran without a
 * disclaimer", an optional "Number of ads in Library" column (absent in regional reports), and the
 * report-API shape (advertiser_id, disclaimer, spend, ad_library_size, date_produced). Page ids stay
 * strings: a float round-trip turns DENK's 1550088745275913 into ...910.
 */
import { parse } from "csv-parse/sync";
import { z } from "zod";

/** The disclaimer text Meta writes for ads that ran without one. */
export const NO_DISCLAIMER = "These ads ran without a disclaimer";

/** One advertiser (page × disclaimer) line of a report. */
export interface AdvertiserReportRow {
  pageId: string;
  pageName: string | null;
  /** The "Paid for by" disclaimer; null when the ads ran without one. */
  disclaimer: string | null;
  ranWithoutDisclaimer: boolean;
  spend: { min: number; max: number; text: string };
  currency: string;
  adsInLibrary: number | null;
  /** Report facts from the file name or columns: date, country, period, region. */
  reportDate: string | null;
  country: string | null;
  period: string | null;
  region: string | null;
}

/** What a report's file name says: FacebookAdLibraryReport_<date>_<country>_<period>_<advertisers|region>.csv */
export function reportFileFacts(name: string): { reportDate: string | null; country: string | null; period: string | null; region: string | null } {
  const m = /FacebookAdLibraryReport_(\d{4}-\d{2}-\d{2})_([A-Z]{2})_(yesterday|last_7_days|last_30_days|last_90_days|lifelong)_(.+?)\.csv$/i.exec(name);
  if (!m) return { reportDate: null, country: null, period: null, region: null };
  return { reportDate: m[1] ?? null, country: m[2]?.toUpperCase() ?? null, period: m[3] ?? null, region: m[4] === "advertisers" ? null : (m[4] ?? null) };
}

/** Parses a spend cell: "≤100" → 0..100, "1234" → 1234..1234, "1.234" and "1,234" as thousands. */
export function parseSpend(cell: string): { min: number; max: number; text: string } | null {
  const s = cell.trim();
  const le = /^(?:≤|<=|<)\s*([\d.,]+)$/.exec(s);
  const num = (v: string) => Number(v.replace(/[.,](?=\d{3}\b)/g, "").replace(",", "."));
  if (le?.[1]) return { min: 0, max: num(le[1]), text: s };
  if (/^[\d.,]+$/.test(s)) {
    const n = num(s);
    return Number.isFinite(n) ? { min: n, max: n, text: s } : null;
  }
  return null;
}

const pageIdSchema = z.string().regex(/^\d{1,25}$/, "page id must be digits");
const text = z.string().max(2048);

function row(line: number, r: Record<string, string>, facts: ReturnType<typeof reportFileFacts>): AdvertiserReportRow {
  const spendCol = Object.keys(r).find((k) => /^Amount spent \(([A-Z]{3})\)$/.test(k));
  const apiShape = "advertiser_id" in r;
  const pageIdRaw = apiShape ? r.advertiser_id : r["Page ID"];
  const fail = (field: string, msg: string) => new Error(`report line ${line}: field "${field}": ${msg}`);
  const pid = pageIdSchema.safeParse(pageIdRaw ?? "");
  if (!pid.success) throw fail(apiShape ? "advertiser_id" : "Page ID", pid.error.issues[0]?.message ?? "invalid");
  const spendText = apiShape ? r.spend : spendCol ? r[spendCol] : undefined;
  const spend = parseSpend(spendText ?? "");
  if (!spend) throw fail(apiShape ? "spend" : (spendCol ?? "Amount spent"), `unreadable amount "${String(spendText).slice(0, 40)}"`);
  const disclaimerRaw = text.parse((apiShape ? r.disclaimer : r.Disclaimer) ?? "").trim();
  const noDisclaimer = disclaimerRaw === NO_DISCLAIMER || disclaimerRaw === "";
  const count = apiShape ? r.ad_library_size : r["Number of ads in Library"];
  return {
    pageId: pid.data,
    pageName: text.parse((apiShape ? r.advertiser_name : r["Page name"]) ?? "").trim() || null,
    disclaimer: noDisclaimer ? null : disclaimerRaw,
    ranWithoutDisclaimer: noDisclaimer,
    spend,
    currency: apiShape ? (r.currency_units ?? "EUR") : (/\(([A-Z]{3})\)/.exec(spendCol ?? "")?.[1] ?? "EUR"),
    adsInLibrary: count !== undefined && /^\d+$/.test(count) ? Number(count) : null,
    reportDate: apiShape ? (r.date_produced ?? null) : facts.reportDate,
    country: apiShape ? (r.country_code ?? null) : facts.country,
    period: apiShape ? "yesterday" : facts.period,
    region: facts.region,
  };
}

/**
 * Parses a whole report (either shape). All or nothing: the first bad line throws, naming line and
 * field, so a half-read report is never imported.
 */
export function parseAdLibraryReport(csv: string, fileName = ""): AdvertiserReportRow[] {
  const facts = reportFileFacts(fileName);
  const rows = parse(csv, { columns: true, bom: true, skip_empty_lines: true, cast: false, to: 500_000 }) as Array<Record<string, string>>;
  return rows.map((r, i) => row(i + 2, r, facts));
}
