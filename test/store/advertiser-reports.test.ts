import { sql } from "kysely";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reportRowToRecord } from "../../crawler/sources/meta-ad-library-report/index.js";
import { parseAdLibraryReport } from "../../crawler/sources/meta-ad-library-report/parse.js";
import { metaReportReplica, REPORT_PATH } from "../../sandbox/platforms/meta-ad-library-report/replica.js";
import { META_SEED } from "../../sandbox/platforms/meta-ad-library/seed.js";
import { openStore } from "../../store/db.js";
import { importAds } from "../../store/queries/ads.js";
import { listAdvertiserReports, listPagesWithoutDisclaimer, refreshAdvertiserReports } from "../../store/queries/advertiser-reports.js";
import { openCliStore, type CliStore } from "../bad-input/cli-store.js";
import { CHROMIUM, serveReplica, type ServedReplica } from "../sources/serve-replica.js";
import { runPolad } from "../support/cli.js";
import { openTestStore, type TestStore } from "../support/store.js";

const dir = resolve(join(import.meta.dirname, "..", ".."), "../shared/data/real/favstats-PS2023-nl-advertisers");
const FILE = "FacebookAdLibraryReport_2023-03-05_NL_last_30_days_advertisers.csv";

describe.skipIf(!existsSync(dir))("advertiser_report from the real Dutch Meta report (March 2023)", () => {
  let store: TestStore;
  const rows = existsSync(dir) ? parseAdLibraryReport(readFileSync(join(dir, FILE), "utf8"), FILE) : [];
  beforeAll(async () => {
    store = await openTestStore();
    await importAds(store.db, rows.map((r) => reportRowToRecord(r, `https://www.facebook.com/ads/library/report/${FILE}`)), new Date("2023-03-06T00:00:00Z"));
  }, 120_000);
  afterAll(async () => store?.close());

  it("projects every report line, and a second refresh changes nothing", async () => {
    expect(await refreshAdvertiserReports(store.db)).toBe(rows.length);
    expect(await refreshAdvertiserReports(store.db)).toBe(rows.length);
    const all = await listAdvertiserReports(store.db);
    expect(all).toHaveLength(rows.length);
    expect(all.find((r) => r.pageName === "Natuurmonumenten")).toMatchObject({ platform: "Meta", pageId: "132031878648", disclaimer: "Vereniging tot Behoud van Natuurmonumenten in Nederland", adsInLibrary: 315, reportDate: "2023-03-05", period: "last_30_days", country: "NL", ranWithoutDisclaimer: false });
  });

  it("lists the lines and pages that ran ads without a disclaimer, with their largest spend", async () => {
    const without = rows.filter((r) => r.ranWithoutDisclaimer);
    expect(await listAdvertiserReports(store.db, { withoutDisclaimer: true })).toHaveLength(without.length);
    const pages = await listPagesWithoutDisclaimer(store.db);
    expect(pages).toHaveLength(new Set(without.map((r) => r.pageId)).size);
    const top = without.reduce((a, b) => (b.spend.max > a.spend.max ? b : a));
    expect(pages[0]).toMatchObject({ pageId: top.pageId, maxSpendMax: top.spend.max, currency: "EUR", lastReportDate: "2023-03-05" });
    expect(pages.every((p) => p.reports >= 1)).toBe(true);
  });
});

describe("polad crawl --source meta-ad-library-report fills advertiser_report", () => {
  let served: ServedReplica;
  let cli: CliStore;
  beforeAll(async () => {
    cli = await openCliStore();
    served = await serveReplica(metaReportReplica);
  }, 120_000);
  afterAll(async () => {
    await served?.close();
    await cli?.close();
  });

  it("lists the replica's page that ran without a disclaimer after a crawl", async () => {
    const r = await runPolad(["crawl", "--source", "meta-ad-library-report", "--seed", `${served.base}${REPORT_PATH}`, "--allow-private"], { env: { ...cli.env, POLAD_CHROMIUM: CHROMIUM } });
    expect(r.code, r.stderr.slice(-2000)).toBe(0);
    const pages = new Set(META_SEED.filter((s) => s.countries.includes("NL")).map((s) => s.pageId));
    expect(r.stdout).toContain(`advertiser report lines: ${pages.size + 1}`);
    const store = await openStore({ databaseUrl: cli.env.DATABASE_URL || undefined, dataDir: join(cli.dir, "data") });
    try {
      const without = await listPagesWithoutDisclaimer(store.db);
      expect(without.map((p) => p.pageId)).toContain("203040506070801");
      // Each report line without a disclaimer is a finding of its own (platform.disclaimer-missing); lines with one are not.
      const findings = await store.db.selectFrom("finding").innerJoin("ad", "ad.id", "finding.ad_id")
        .select([sql<string>`ad.extra->>'page_id'`.as("page_id"), "finding.message"]).where("finding.rule", "=", "platform.disclaimer-missing").execute();
      expect(new Set(findings.map((f) => f.page_id))).toEqual(new Set(without.map((p) => p.pageId)));
      expect(findings.find((f) => f.page_id === "203040506070801")?.message).toMatch(/ran without a "Paid for by" disclaimer/);
    } finally {
      await store.close();
    }
  }, 240_000);
});
