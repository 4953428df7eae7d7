import type { Kysely } from "kysely";
import type { Database } from "../store/schema.js";
import type { DashboardFilter } from "../store/queries/dashboard-filter.js";
import { listPlatformEnforcement } from "../store/queries/dashboard-enforcement.js";
import { listGroupStats, listRuleStats } from "../store/queries/dashboard-groups.js";
import { iterateAds, iterateFindings, listAds, listFindings, type AdListRow, type FindingListRow } from "../store/queries/dashboard-lists.js";
import { PLATFORM_BANS } from "./platform-bans.js";
import { ruleInfo } from "./rules.js";

/** Lists that can be exported (and served by the API). */
export const EXPORT_LISTS = ["ads", "findings", "parties", "publishers", "rules", "enforcement"] as const;
export type ExportList = (typeof EXPORT_LISTS)[number];

/** A flat cell value, the same in CSV and JSON. */
export type Cell = string | number | boolean | null;

/** Rows of a list as flat records, with a fixed column order. */
export interface ExportTable { columns: string[]; rows: Array<Record<string, Cell>> }

/** The most rows one export returns; the filters narrow larger sets. */
export const EXPORT_MAX = 100_000;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

async function adsRows(db: Kysely<Database>, f: DashboardFilter, s: { limit: number; offset: number }): Promise<Array<Record<string, Cell>>> {
  return (await listAds(db, f, s)).rows.map(adRecord);
}

function adRecord(r: AdListRow): Record<string, Cell> {
  return {
    id: r.id, source: r.source, external_id: r.externalId, publisher: r.publisher, sponsor: r.sponsor, party: r.party, political: r.political,
    violations: r.violations, rules: r.rules.join(" "), first_seen_at: iso(r.firstSeenAt), last_seen_at: iso(r.lastSeenAt), label: r.label, text: r.text,
  };
}

async function findingsRows(db: Kysely<Database>, f: DashboardFilter, s: { limit: number; offset: number }): Promise<Array<Record<string, Cell>>> {
  return (await listFindings(db, f, s)).rows.map(findingRecord);
}

function findingRecord(r: FindingListRow): Record<string, Cell> {
  return {
    id: r.id, ad_id: r.adId, rule: r.rule, article: ruleInfo(r.rule).article, severity: r.severity, message: r.message, party: r.party,
    publisher: r.publisher, source: r.source, sponsor: r.sponsor, review_status: r.reviewStatus, review_note: r.reviewNote,
    reviewed_by: r.reviewedBy, reviewed_at: iso(r.reviewedAt), first_seen_at: iso(r.firstSeenAt), last_seen_at: iso(r.lastSeenAt),
  };
}

/** Rows per keyset batch of a streamed export: small enough to keep memory flat, large enough to keep round trips few. */
const EXPORT_BATCH = 2_000;

/**
 * The rows of one list under a filter as batches, for streamed exports: ads and findings are read
 * in keyset batches up to EXPORT_MAX (memory stays flat), the small aggregate lists in one batch.
 */
export async function* exportBatches(db: Kysely<Database>, list: ExportList, f: DashboardFilter): AsyncGenerator<Array<Record<string, Cell>>> {
  const o = { max: EXPORT_MAX, batch: EXPORT_BATCH };
  if (list === "ads") for await (const rows of iterateAds(db, f, o)) yield rows.map(adRecord);
  else if (list === "findings") for await (const rows of iterateFindings(db, f, o)) yield rows.map(findingRecord);
  else yield await exportRows(db, list, f);
}

/**
 * Builds the rows of one list under a filter. `slice` pages the ads and findings lists (the API);
 * exports pass none and get everything up to EXPORT_MAX. Aggregates are small and never paged.
 */
export async function exportRows(db: Kysely<Database>, list: ExportList, f: DashboardFilter, slice?: { limit: number; offset: number }): Promise<Array<Record<string, Cell>>> {
  const s = slice ?? { limit: EXPORT_MAX, offset: 0 };
  switch (list) {
    case "ads": return adsRows(db, f, s);
    case "findings": return findingsRows(db, f, s);
    case "parties":
    case "publishers":
      return (await listGroupStats(db, f, list === "parties" ? "party" : "publisher")).map((r) => ({
        [list === "parties" ? "party" : "publisher"]: r.key, ads: r.ads, political_ads: r.political, violations: r.violations,
        compliant_political_ads: r.compliantPolitical, share_compliant: r.shareCompliant, first_seen_at: iso(r.firstSeenAt), last_seen_at: iso(r.lastSeenAt),
      }));
    case "rules":
      return (await listRuleStats(db, f)).map((r) => ({
        rule: r.rule, article: ruleInfo(r.rule).article, title: ruleInfo(r.rule).title, findings: r.findings, violations: r.violations,
        open: r.open, confirmed: r.confirmed, dismissed: r.dismissed, ads: r.ads,
      }));
    case "enforcement":
      return (await listPlatformEnforcement(db, PLATFORM_BANS, f)).map((r) => ({
        platform: r.platform, ban_since: iso(r.since), party: r.party, political_ads_after_ban: r.ads, first_after_ban: iso(r.firstAfterBan),
        last_seen_at: iso(r.lastSeenAt), max_days_up: Math.round(r.maxDaysUp * 10) / 10, avg_days_up: Math.round(r.avgDaysUp * 10) / 10,
      }));
  }
}

/** Column order of each list, so an empty export still has a header. */
export const EXPORT_COLUMNS: Record<ExportList, string[]> = {
  ads: ["id", "source", "external_id", "publisher", "sponsor", "party", "political", "violations", "rules", "first_seen_at", "last_seen_at", "label", "text"],
  findings: ["id", "ad_id", "rule", "article", "severity", "message", "party", "publisher", "source", "sponsor", "review_status", "review_note", "reviewed_by", "reviewed_at", "first_seen_at", "last_seen_at"],
  parties: ["party", "ads", "political_ads", "violations", "compliant_political_ads", "share_compliant", "first_seen_at", "last_seen_at"],
  publishers: ["publisher", "ads", "political_ads", "violations", "compliant_political_ads", "share_compliant", "first_seen_at", "last_seen_at"],
  rules: ["rule", "article", "title", "findings", "violations", "open", "confirmed", "dismissed", "ads"],
  enforcement: ["platform", "ban_since", "party", "political_ads_after_ban", "first_after_ban", "last_seen_at", "max_days_up", "avg_days_up"],
};

/** Neutralises spreadsheet formulas in scraped text (a cell starting with = + - @ is prefixed with '). */
export function csvSafe(v: Cell): Cell {
  return typeof v === "string" && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}
