import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { archiveUrl } from "../../crawler/sources/meta-ad-library/api.js";
import { archivePageSchema, graphErrorSchema } from "../../crawler/sources/meta-ad-library/schema.js";
import { mapArchivedAd } from "../../crawler/sources/meta-ad-library/map.js";
import { createMetaReplica } from "../../sandbox/platforms/meta-ad-library/replica.js";
import { SANDBOX_META_TOKEN } from "../../sandbox/platforms/meta-ad-library/seed.js";
import { serveReplica, type ServedReplica } from "./serve-replica.js";

describe("graph.facebook.com ads_archive replica", () => {
  let served: ServedReplica;
  beforeAll(async () => {
    served = await serveReplica(createMetaReplica());
  });
  afterAll(() => served?.close());

  const get = (url: string, token?: string) => fetch(url, token ? { headers: { authorization: `OAuth ${token}` } } : {});

  it("answers 400 with Graph's OAuthException shape when the token is missing or invalid", async () => {
    const url = archiveUrl(`${served.base}/v21.0`, { terms: "stem", countries: ["NL"], adType: "ALL" });
    const missing = await get(url);
    expect(missing.status).toBe(400);
    const m = graphErrorSchema.parse(await missing.json());
    expect(m.error).toMatchObject({ code: 104, type: "OAuthException" });
    const bad = await get(url, "wrong");
    expect(graphErrorSchema.parse(await bad.json()).error.code).toBe(190);
  });

  it("returns only the requested fields, id alone without fields, and the usage header", async () => {
    const u = new URL(archiveUrl(`${served.base}/v21.0`, { pageIds: ["121264564551002"], countries: ["NL"], adType: "ALL" }));
    u.searchParams.delete("fields");
    const res = await get(u.toString(), SANDBOX_META_TOKEN);
    expect(res.headers.get("x-business-use-case-usage")).toMatch(/call_count/);
    const page = archivePageSchema.parse(await res.json());
    expect(page.data).toEqual([{ id: "1298301123456710" }]);
  });

  it("pages with cursors, throttles a new cursor once with 613, and embeds the token in paging.next like Meta", async () => {
    const first = archivePageSchema.parse(await (await get(archiveUrl(`${served.base}/v21.0`, { terms: "stem", countries: ["NL"], adType: "ALL", limit: 3 }), SANDBOX_META_TOKEN)).json());
    expect(first.data).toHaveLength(3);
    expect(first.paging?.next).toContain("access_token=");
    const next = first.paging!.next!;
    const throttled = await fetch(next);
    expect(graphErrorSchema.parse(await throttled.json()).error.code).toBe(613);
    const second = archivePageSchema.parse(await (await fetch(next)).json());
    const ids = [...first.data, ...second.data].map((r) => mapArchivedAd(r).ad.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("filters political-and-issue ads to those with a byline, and countries to where the ad was delivered", async () => {
    const pol = archivePageSchema.parse(await (await get(archiveUrl(`${served.base}/v21.0`, { terms: "stem", countries: ["NL"], adType: "POLITICAL_AND_ISSUE_ADS", limit: 50 }), SANDBOX_META_TOKEN)).json());
    expect(pol.data.length).toBeGreaterThan(0);
    for (const r of pol.data) expect(mapArchivedAd(r).ad.byline).toBeTruthy();
    const be = archivePageSchema.parse(await (await get(archiveUrl(`${served.base}/v21.0`, { terms: "energie", countries: ["BE"], adType: "ALL" }), SANDBOX_META_TOKEN)).json());
    expect(be.data.map((r) => mapArchivedAd(r).ad.page_name)).toEqual(["Zonnedak Energie"]);
  });

  it("serves snapshots only with the token, as an empty shell that a script fills", async () => {
    const noToken = await fetch(`${served.base}/ads/archive/render_ad/?id=1298301123456701`);
    expect(noToken.status).toBe(400);
    const ok = await fetch(`${served.base}/ads/archive/render_ad/?id=1298301123456701&access_token=${SANDBOX_META_TOKEN}`);
    const html = await ok.text();
    expect(html).toContain('<div id="root"></div>');
    expect(html).not.toContain('role="article"');
  });
});
