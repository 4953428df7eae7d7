import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { adInputSchema } from "../../common/ad-input.js";
import { reportRowToRecord } from "../../crawler/sources/meta-ad-library-report/index.js";
import { parseAdLibraryReport, parseSpend, reportFileFacts } from "../../crawler/sources/meta-ad-library-report/parse.js";

const repoRoot = join(import.meta.dirname, "..", "..");
const dir = resolve(repoRoot, "../shared/data/real/favstats-PS2023-nl-advertisers");
const read = (f: string) => parseAdLibraryReport(readFileSync(join(dir, f), "utf8"), f);

describe.skipIf(!existsSync(dir))("Meta Ad Library Report CSVs (real NL exports, March 2023)", () => {
  it("reads the 30-day national report: BOM, 694 lines without disclaimer, 894 '≤100' amounts", () => {
    const rows = read("FacebookAdLibraryReport_2023-03-05_NL_last_30_days_advertisers.csv");
    expect(rows).toHaveLength(1185);
    expect(rows.filter((r) => r.ranWithoutDisclaimer)).toHaveLength(694);
    expect(rows.filter((r) => r.ranWithoutDisclaimer).every((r) => r.disclaimer === null)).toBe(true);
    expect(rows.filter((r) => r.spend.text === "≤100").every((r) => r.spend.min === 0 && r.spend.max === 100)).toBe(true);
    expect(rows.filter((r) => r.spend.text === "≤100")).toHaveLength(894);
    expect(rows[0]).toMatchObject({ pageId: "132031878648", pageName: "Natuurmonumenten", disclaimer: "Vereniging tot Behoud van Natuurmonumenten in Nederland", adsInLibrary: 315, reportDate: "2023-03-05", country: "NL", period: "last_30_days" });
  });

  it("keeps DENK's page id exact as a string in every report shape", () => {
    for (const f of ["FacebookAdLibraryReport_2023-03-05_NL_last_30_days_advertisers.csv", "FacebookAdLibraryReport_2023-03-08_NL_yesterday_advertisers.csv", "NL-SpendingsByAdvertisers.first1000.csv"]) {
      const denk = read(f).find((r) => r.pageName === "DENK");
      expect(denk?.pageId).toBe("1550088745275913");
    }
  });

  it("reads the regional report without a count column and the report-API shape", () => {
    const nh = read("FacebookAdLibraryReport_2023-02-28_NL_last_30_days_Noord-Holland.csv");
    expect(nh).toHaveLength(586);
    expect(nh[0]).toMatchObject({ region: "Noord-Holland", adsInLibrary: null, pageName: "Vattenfall", disclaimer: "Vattenfall Nederland" });
    const api = read("NL-SpendingsByAdvertisers.first1000.csv");
    expect(api).toHaveLength(1000);
    expect(api[0]).toMatchObject({ pageId: "121719834601889", pageName: "FNV Vakbond", spend: { min: 2541, max: 2541 }, adsInLibrary: 8, reportDate: "2023-02-05" });
  });

  it("maps lines to valid advertiser records with distinct ids", () => {
    const rows = read("FacebookAdLibraryReport_2023-03-05_NL_last_30_days_advertisers.csv");
    const recs = rows.map((r) => reportRowToRecord(r, "http://x/report.csv"));
    for (const r of recs) expect(adInputSchema.safeParse(r).success).toBe(true);
    expect(new Set(recs.map((r) => r.id)).size).toBe(recs.length);
    expect(recs[0]!.first_seen).toBe("2023-02-03T00:00:00.000Z");
  });
});

describe("report parsing edge cases", () => {
  it("names the line and field of a bad page id or amount, and reads spend notations", () => {
    expect(() => parseAdLibraryReport("Page ID,Page name,Disclaimer,Amount spent (EUR)\n1.55e15,DENK,DENK,10\n")).toThrow(/line 2: field "Page ID"/);
    expect(() => parseAdLibraryReport("Page ID,Page name,Disclaimer,Amount spent (EUR)\n15,X,X,veel\n")).toThrow(/line 2: field "Amount spent \(EUR\)"/);
    expect(parseSpend("≤100")).toEqual({ min: 0, max: 100, text: "≤100" });
    expect(parseSpend("1.234")).toEqual({ min: 1234, max: 1234, text: "1.234" });
    expect(reportFileFacts("FacebookAdLibraryReport_2026-03-15_NL_last_30_days_advertisers.csv")).toEqual({ reportDate: "2026-03-15", country: "NL", period: "last_30_days", region: null });
  });
});
