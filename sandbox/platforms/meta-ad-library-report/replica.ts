import { stringify } from "csv-stringify/sync";
import type { Replica } from "../../replica.js";
import { META_SEED } from "../meta-ad-library/seed.js";

/** Replica id (also the key of its address in SandboxAddresses). */
export const REPORT_REPLICA_ID = "meta-ad-library-report";
/** The report file the replica serves, named as Meta names its downloads. */
export const REPORT_FILE = "FacebookAdLibraryReport_2026-03-15_NL_last_30_days_advertisers.csv";
/** Where the replica serves it. */
export const REPORT_PATH = `/ads/library/report/download/${REPORT_FILE}`;

/**
 * The report as Meta's download gives it (UTF-8 BOM, "≤100", "These ads ran without a disclaimer"),
 * with one line per page of the Meta replica, so both agree, plus a page id beyond float precision.
 */
export function reportCsv(): string {
  const pages = new Map<string, { name: string; byline: string | null; ads: number; spend: number }>();
  for (const a of META_SEED.filter((s) => s.countries.includes("NL"))) {
    const p = pages.get(a.pageId) ?? { name: a.pageName, byline: a.byline, ads: 0, spend: 0 };
    p.ads += 1;
    p.spend += Math.floor(a.reach / 90);
    pages.set(a.pageId, p);
  }
  const rows = [...pages.entries()].map(([id, p]) => [id, p.name, p.byline ?? "These ads ran without a disclaimer", p.spend <= 100 ? "≤100" : String(p.spend), String(p.ads)]);
  rows.push(["1550088745275913", "DENK", "DENK", "≤100", "3"]);
  return "\ufeff" + stringify([["Page ID", "Page name", "Disclaimer", "Amount spent (EUR)", "Number of ads in Library"], ...rows]);
}

/**
 * Meta Ad Library Report download replica. Advertiser lines are not ads, so the truth list is empty
 * and the demo does not crawl it (no plan); tests and `polad crawl --source meta-ad-library-report` do.
 */
export const metaReportReplica: Replica = {
  id: REPORT_REPLICA_ID,
  replicates: "facebook.com/ads/library/report CSV download",
  truth: [],
  handle(req, res) {
    const path = new URL(req.url ?? "/", "http://replica.invalid").pathname;
    if (path === "/robots.txt") {
      res.writeHead(200, { "content-type": "text/plain" });
      return void res.end("User-agent: *\nAllow: /\n");
    }
    if (path !== REPORT_PATH) {
      res.writeHead(404, { "content-type": "text/plain" });
      return void res.end("not found");
    }
    res.writeHead(200, { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${REPORT_FILE}"` });
    res.end(reportCsv());
  },
};
