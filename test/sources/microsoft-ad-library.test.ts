import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCrawl, type CrawlSummary } from "../../crawler/run.js";
import { adDetailUrl, adSchema, adsUrl, microsoftAdToRecord, nextPageUrl, parseJsonKeepingIds } from "../../crawler/sources/microsoft-ad-library/api.js";
import { microsoftAdLibrarySource } from "../../crawler/sources/microsoft-ad-library/index.js";
import { createMicrosoftReplica } from "../../sandbox/platforms/microsoft-ad-library/replica.js";
import { MICROSOFT_SEED } from "../../sandbox/platforms/microsoft-ad-library/seed.js";
import { openStore } from "../../store/db.js";
import { listSourceAds, type SourceAd } from "../../store/queries/platform-sources.js";
import { frontierStats } from "../../store/queries/runs.js";
import { listJudgedAds } from "../../store/queries/scorecard.js";
import { openCliStore, type CliStore } from "../bad-input/cli-store.js";
import { runPolad } from "../support/cli.js";
import { openTestStore, type TestStore } from "../support/store.js";
import { CHROMIUM, serveReplica, testLog, TEST_POLITENESS, type ServedReplica } from "./serve-replica.js";

// An ad as the API reference documents it: TargetType as the value-set number, the reference's `TargetTypes` name, date-only dates.
const DOC_AD = {
  AdId: 78202980498079, AdvertiserName: "Example B.V.", AdvertiserId: 4295007715, Title: "Title", Description: "Description", DisplayUrl: "example.nl",
  DestinationUrl: "https://www.example.nl/x", AssetJson: "",
  AdDetails: { PaidForByName: null, StartDate: "2025-04-04", EndDate: "2026-09-24", TotalImpressionsRange: "2.5K - 5K", ImpressionsByCountry: [{ Country: "Austria", ImpressionShare: "1.8%" }], TargetTypes: [{ TargetType: 3, UsedForExclusion: false }, { TargetType: 22, UsedForExclusion: true }], RejectionJson: null },
};

describe("Microsoft Ad Library API records", () => {
  it("maps a documented ad: sponsor falls back to the advertiser, targeting types by name, dates, nothing dropped", () => {
    const r = microsoftAdToRecord(adSchema.parse(DOC_AD), { country: "NL", apiUrl: "https://api.example/Ads/1" });
    expect(r).toMatchObject({ id: "78202980498079", sponsor: "Example B.V.", text: "Title\nDescription", label: null, first_seen: "2025-04-04T00:00:00.000Z", last_seen: "2026-09-24T00:00:00.000Z", impressions_range: "2.5K - 5K", advertiser_id: "4295007715" });
    expect(r.targeting).toMatchObject({ target_types: ["Location", "MicrosoftAudiences"], excluded_types: ["MicrosoftAudiences"] });
    expect((r.library as { AdDetails: { RejectionJson: unknown } }).AdDetails).toHaveProperty("RejectionJson", null);
  });

  it("takes 'paid for by' over the account name when the library gives one", () => {
    const r = microsoftAdToRecord(adSchema.parse({ ...DOC_AD, AdDetails: { ...DOC_AD.AdDetails, PaidForByName: "D66 Amsterdam" } }), { country: "NL", apiUrl: "u" });
    expect([r.sponsor, r.advertiser]).toEqual(["D66 Amsterdam", "Example B.V."]);
  });

  it("keeps ids longer than a double holds exactly", () => {
    expect((parseJsonKeepingIds('{"AdId": 12345678901234567891, "AdvertiserId": 42}') as { AdId: string }).AdId).toBe("12345678901234567891");
  });

  it("pages with top/skip and stops at a partial page or at the API's skip limit of 999", () => {
    const u = adsUrl("https://api.example", { searchText: "18 maart", country: "NL", top: 24, skip: 0 });
    expect(u).toBe("https://api.example/api/v1/Ads?searchText=18+maart&countryCodes=129&top=24&skip=0");
    expect(nextPageUrl(u, 24)).toContain("skip=24");
    expect(nextPageUrl(u, 23)).toBeNull();
    expect(nextPageUrl(u.replace("skip=0", "skip=984"), 24)).toBeNull();
    expect(adDetailUrl("https://api.example/", "7")).toBe("https://api.example/api/v1/Ads/7?expand=AdDetails(expand%3DImpressionsByCountry%2CTargets)");
  });

  it("searches advertisers for 'advertiser:NAME' terms and ad copy for other terms", () => {
    const items = microsoftAdLibrarySource.seed({ seeds: [], terms: ["advertiser:PVV Rotterdam", "18 maart"], maxPages: 1, apiBase: "https://api.example" });
    expect(items.map((i) => i.url)).toEqual([
      "https://api.example/api/v1/Advertisers?searchText=PVV+Rotterdam&top=24&skip=0",
      "https://api.example/api/v1/Ads?searchText=18+maart&countryCodes=129&top=24&skip=0",
    ]);
  });

  it("refuses a page size beyond the API's limit and countries outside the EU/EEA", () => {
    expect(() => microsoftAdLibrarySource.seed({ seeds: ["x"], maxPages: 1, pageSize: 25 })).toThrow(/pageSize/);
    expect(() => microsoftAdLibrarySource.seed({ seeds: ["x"], maxPages: 1, country: "US" })).toThrow(/EU\/EEA/);
    expect(() => microsoftAdLibrarySource.seed({ seeds: [], maxPages: 1 })).toThrow(/needs/);
  });
});

describe("the Microsoft Ad Library replica answers like the live API", () => {
  let served: ServedReplica;
  beforeAll(async () => {
    served = await serveReplica(createMicrosoftReplica());
  });
  afterAll(async () => served?.close());

  it("refuses top over 24 and skip over 999 with the API's OData error", async () => {
    for (const [q, msg] of [["top=25", "'24' for Top"], ["skip=1000", "'999' for Skip"]] as const) {
      const res = await fetch(`${served.base}/api/v1/Ads?searchText=a&${q}`);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { message: string } }).error.message).toContain(msg);
    }
  });

  it("gives no AdDetails in a collection and all of them for one ad with expand", async () => {
    const list = (await (await fetch(`${served.base}/api/v1/Ads?advertiserId=4295100002&top=24`)).json()) as { "@odata.count": number; value: Array<{ AdDetails: unknown }> };
    expect(list["@odata.count"]).toBe(1);
    expect(list.value[0]?.AdDetails).toBeNull();
    const one = (await (await fetch(adDetailUrl(served.base, "78200000000002"))).json()) as { AdDetails: { PaidForByName: string; Targets: unknown[] } };
    expect(one.AdDetails.PaidForByName).toBe("D66 Amsterdam");
    expect(one.AdDetails.Targets).toHaveLength(2);
  });

  it("answers a burst beyond its limit with 429 when configured to", async () => {
    const limited = await serveReplica(createMicrosoftReplica({ burst: { max: 2, windowMs: 60_000 } }));
    try {
      const codes = [];
      for (let i = 0; i < 3; i++) codes.push((await fetch(`${limited.base}/api/v1/Advertisers?searchText=pvv`)).status);
      expect(codes).toEqual([200, 200, 429]);
    } finally {
      await limited.close();
    }
  });
});

describe("microsoft-ad-library crawled through runCrawl against the replica", () => {
  let store: TestStore;
  let served: ServedReplica;
  let summary: CrawlSummary;
  let ads: SourceAd[] = [];
  let frontier: Record<string, number> = {};
  const replica = createMicrosoftReplica();
  beforeAll(async () => {
    store = await openTestStore();
    served = await serveReplica(replica);
    summary = await runCrawl({ store, plans: [replica.plan!({ [replica.id]: served.base })], maxPages: 100, concurrency: 2, log: testLog, crawlerVersion: "test", chromiumPath: CHROMIUM, politeness: { ...TEST_POLITENESS, maxRetryAfterMs: 5_000 } });
    ads = await listSourceAds(store.db, "microsoft-ad-library");
    frontier = await frontierStats(store.db, summary.runs[0]!.runId);
  }, 240_000);
  afterAll(async () => {
    await served?.close();
    await store?.close();
  });

  it("finds every reachable truth ad, through both searches and across pages, and none of the unreachable ones", () => {
    for (const t of replica.truth) expect({ m: t.match, found: ads.some((a) => (a.text ?? "").includes(t.match)) }).toEqual({ m: t.match, found: t.reachable });
    expect(ads).toHaveLength(replica.truth.filter((t) => t.reachable).length);
  });

  it("records the challenge as blocked and the removed ad as gone, and gets the rate-limited ad after its Retry-After", () => {
    expect(frontier["blocked:bot-challenge"]).toBe(1);
    expect(frontier["failed:ad-gone"]).toBe(1);
    expect(ads.some((a) => a.externalId === "78200000000001")).toBe(true);
    expect(summary.runs[0]?.status).toBe("done");
  });

  it("stores sponsor, dates, targeting and the library record of each ad", () => {
    for (const s of MICROSOFT_SEED.filter((x) => x.reachable)) {
      const ad = ads.find((a) => a.externalId === String(s.id))!;
      expect(ad.sponsor).toBe(s.paidForBy ?? ad.extra.advertiser);
      expect(ad.firstSeenAt.toISOString().slice(0, 10)).toBe(s.first);
      expect(ad.lastSeenAt.toISOString().slice(0, 10)).toBe(s.last);
      expect(ad.targeting?.target_types).toEqual(s.targets.map(([t]) => t));
      expect(ad.label).toBeNull();
      expect(ad.extra.impressions_range).toBe(s.impressions);
      expect(ad.publisher).toBe("Microsoft Bing");
    }
  });
});

describe("polad crawl --source microsoft-ad-library", () => {
  let served: ServedReplica;
  let cli: CliStore;
  beforeAll(async () => {
    cli = await openCliStore();
    served = await serveReplica(createMicrosoftReplica());
  }, 120_000);
  afterAll(async () => {
    await served?.close();
    await cli?.close();
  });

  it("crawls advertiser and ad-copy searches from the command line and classifies the ads", async () => {
    const r = await runPolad(["crawl", "--source", "microsoft-ad-library", "--api-base", served.base, "--term", "advertiser:PVV Rotterdam", "--term", "18 maart", "--allow-private", "--max-pages", "30"], { env: { ...cli.env, POLAD_CHROMIUM: CHROMIUM } });
    expect(r.code, r.stderr.slice(-2000)).toBe(0);
    const store = await openStore({ databaseUrl: cli.env.DATABASE_URL || undefined, dataDir: join(cli.dir, "data") });
    try {
      const ads = await listSourceAds(store.db, "microsoft-ad-library");
      expect(ads.map((a) => a.externalId).sort()).toEqual(["78200000000001", "78200000000002", "78200000000003"]);
      // Classified after the crawl: the PVV ad ran on Bing after Microsoft's EU ban on political ads.
      const pvv = (await listJudgedAds(store.db)).find((a) => a.externalId === "78200000000001");
      expect(pvv).toMatchObject({ political: true, party: "PVV" });
      expect(pvv?.rules).toContain("platform.political-ad-ban");
    } finally {
      await store.close();
    }
  }, 240_000);
});
