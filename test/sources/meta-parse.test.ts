import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { adInputSchema } from "../../common/ad-input.js";
import { archiveUrl, backoffMs, interpretArchiveResponse, quotaPauseMs, readQuota } from "../../crawler/sources/meta-ad-library/api.js";
import { mapArchivedAd } from "../../crawler/sources/meta-ad-library/map.js";
import { redactSecret, stripToken } from "../../crawler/sources/meta-ad-library/redact.js";

const repoRoot = join(import.meta.dirname, "..", "..");
const real = resolve(repoRoot, "../shared/data/real");
const ambanum = join(real, "ambanum-eu2019-ads-archive/ads_archive_eu2019_25ads.json");
const lejo = join(real, "lejo1-facebook-ad-library-example/example.json");

describe.skipIf(!existsSync(ambanum))("ads_archive records with the 2019 field names (real EU election dump)", () => {
  const records = JSON.parse(readFileSync(ambanum, "utf8")) as Array<Record<string, unknown>>;

  it("maps all 25 records to valid ad inputs, taking the id from the snapshot URL", () => {
    const ads = records.map((r) => mapArchivedAd(r).ad);
    expect(ads).toHaveLength(25);
    for (const ad of ads) expect(adInputSchema.safeParse(ad).success).toBe(true);
    expect(ads[0]!.id).toBe("408322803338923");
    expect(new Set(ads.map((a) => a.id)).size).toBe(25);
  });

  it("uses the singular creative body as text and funding_entity as sponsor, even when it differs from the page", () => {
    const i = records.findIndex((r) => r.page_name === "Oceansrespect");
    const { ad } = mapArchivedAd(records[i]);
    expect(ad.text).toBe(records[i]!.ad_creative_body);
    expect(ad.sponsor).toBe("Robin Lionel Cécil Cao");
    expect(ad.page_name).toBe("Oceansrespect");
    expect(ad.page_id).toBe("2400740980159579");
  });

  it("turns the +0000 delivery times into ISO instants and keeps the old distributions as targeting", () => {
    const { ad } = mapArchivedAd(records[0]);
    expect(ad.first_seen).toBe("2019-05-13T15:30:13.000Z");
    expect(ad.last_seen).toBe("2019-05-16T15:30:04.000Z");
    expect(Array.isArray(ad.targeting?.demographic_distribution)).toBe(true);
    expect(Array.isArray(ad.targeting?.delivery_by_region)).toBe(true);
  });

  it("keeps the raw record, snapshot URL without any access_token parameter", () => {
    const { ad, snapshotUrl } = mapArchivedAd(records[0]);
    const raw = ad.raw as Record<string, unknown>;
    expect(raw.funding_entity).toBe("EPP - European People's Party");
    expect(String(raw.ad_snapshot_url)).not.toContain("access_token");
    expect(snapshotUrl).toBe("https://www.facebook.com/ads/archive/render_ad/?id=408322803338923");
  });
});

describe.skipIf(!existsSync(lejo))("ads_archive record with the current plural fields (real 2021 record)", () => {
  const rec = JSON.parse(readFileSync(lejo, "utf8")) as Record<string, unknown>;

  it("takes the byline as sponsor when it differs from the page name, and the mirror's _id as id", () => {
    const { ad } = mapArchivedAd(rec);
    expect(ad.id).toBe("679808276335343");
    expect(ad.sponsor).toBe("Bloomberg Philanthropies");
    expect(ad.page_name).toBe("Mike Bloomberg");
    expect(ad.text).toContain("Holocaust Museum");
    expect(ad.first_seen).toBe("2021-12-08T00:00:00.000Z");
    expect(ad.targeting?.publisher_platforms).toEqual(["instagram"]);
    expect(adInputSchema.safeParse(ad).success).toBe(true);
  });
});

describe("ads_archive edge handling", () => {
  it("rejects a record without any id, naming what is missing", () => {
    expect(() => mapArchivedAd({ page_name: "X" })).toThrow(/no id/);
  });

  it("keeps large numeric page ids as written when they arrive as strings (DENK precision trap)", () => {
    const { ad } = mapArchivedAd({ id: "1", page_id: "1550088745275913", page_name: "DENK" });
    expect(ad.page_id).toBe("1550088745275913");
  });

  it("strips the token from paging.next and redacts it from error messages", () => {
    const page = interpretArchiveResponse({ status: 200, headers: {}, body: JSON.stringify({ data: [], paging: { next: "https://graph.facebook.com/v21.0/ads_archive?access_token=SECRETTOKEN&after=QQ" } }) }, "SECRETTOKEN");
    expect(page.kind === "page" && page.next).toBe("https://graph.facebook.com/v21.0/ads_archive?after=QQ");
    const err = interpretArchiveResponse({ status: 400, headers: {}, body: JSON.stringify({ error: { message: "bad token SECRETTOKEN", code: 190 } }) }, "SECRETTOKEN");
    expect(err).toEqual({ kind: "fatal", reason: "Graph API error 190: bad token REDACTED" });
    expect(stripToken("not a url access_token=abc&x=1")).toBe("not a url access_token=REDACTED&x=1");
    expect(redactSecret("a SECRETTOKEN b", "SECRETTOKEN")).toBe("a REDACTED b");
  });

  it("backs off on the rate-limit codes 4, 17 and 613 and honours the announced wait", () => {
    for (const code of [4, 17, 613]) {
      const out = interpretArchiveResponse({ status: 400, headers: {}, body: JSON.stringify({ error: { message: "limit", code } }) }, undefined);
      expect(out.kind).toBe("backoff");
    }
    const usage = JSON.stringify({ "123": [{ type: "ads_archive", call_count: 100, total_cputime: 20, total_time: 30, estimated_time_to_regain_access: 7 }] });
    const out = interpretArchiveResponse({ status: 400, headers: { "X-Business-Use-Case-Usage": usage }, body: JSON.stringify({ error: { message: "limit", code: 613 } }) }, undefined);
    expect(out).toMatchObject({ kind: "backoff", announcedMs: 7 * 60_000 });
    expect(backoffMs(0, 0)).toBe(60_000);
    expect(backoffMs(0, 2)).toBe(240_000);
    expect(backoffMs(7 * 60_000, 0)).toBe(7 * 60_000);
  });

  it("slows down before the quota is used up", () => {
    expect(quotaPauseMs(readQuota({}))).toBe(0);
    const h = (pct: number) => ({ "x-business-use-case-usage": JSON.stringify({ b: [{ call_count: pct, total_time: 1, total_cputime: 1, estimated_time_to_regain_access: 0 }] }) });
    expect(quotaPauseMs(readQuota(h(50)))).toBe(0);
    expect(quotaPauseMs(readQuota(h(85)))).toBeGreaterThan(0);
    expect(quotaPauseMs(readQuota(h(96)))).toBe(60_000);
  });

  it("builds archive URLs with the search, countries, ad type and every field, and never a token", () => {
    const u = new URL(archiveUrl("https://graph.facebook.com/v21.0/", { terms: "stem", countries: ["NL"], adType: "ALL", limit: 10 }));
    expect(u.pathname).toBe("/v21.0/ads_archive");
    expect(u.searchParams.get("search_terms")).toBe("stem");
    expect(u.searchParams.get("ad_reached_countries")).toBe('["NL"]');
    expect(u.searchParams.get("fields")).toContain("eu_total_reach");
    expect(u.searchParams.get("fields")).toContain("beneficiary_payers");
    expect(u.searchParams.has("access_token")).toBe(false);
  });
});
