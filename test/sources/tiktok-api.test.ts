import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adInputSchema } from "../../common/ad-input.js";
import { parseAdQueryResponse, parseJsonKeepingIds } from "../../crawler/sources/tiktok-ad-library/api.js";
import { SANDBOX_TIKTOK_TOKEN, tiktokReplica } from "../../sandbox/platforms/tiktok-ad-library/replica.js";
import { serveReplica, type ServedReplica } from "./serve-replica.js";

describe("TikTok Commercial Content API shape (replica of POST /v2/research/adlib/ad/query/)", () => {
  let served: ServedReplica;
  beforeAll(async () => {
    served = await serveReplica(tiktokReplica);
  });
  afterAll(() => served?.close());

  const query = (body: unknown, token = SANDBOX_TIKTOK_TOKEN) =>
    fetch(`${served.base}/v2/research/adlib/ad/query/?fields=ad.id,ad.first_shown_date,ad.last_shown_date,advertiser.business_name,advertiser.paid_for_by`, {
      method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify(body),
    });

  it("maps a page of ads, pages on with search_id, and keeps ids exact as strings", async () => {
    const text = await (await query({ filters: { country_code: "NL" }, max_count: 2 })).text();
    expect(text).toMatch(/"id":7480000000000000001/);
    const first = parseAdQueryResponse(parseJsonKeepingIds(text));
    expect(first.ads).toHaveLength(2);
    expect(first.hasMore).toBe(true);
    const second = parseAdQueryResponse(parseJsonKeepingIds(await (await query({ filters: { country_code: "NL" }, max_count: 2, search_id: first.searchId })).text()));
    expect(second.hasMore).toBe(false);
    const all = [...first.ads, ...second.ads];
    expect(all.map((a) => a.id).sort()).toEqual(["7480000000000000001", "7480000000000000002", "7480000000000000003"]);
    for (const a of all) expect(adInputSchema.safeParse(a).success).toBe(true);
    expect(all.find((a) => a.sponsor === "Volt Nederland afdeling Utrecht")?.first_seen).toBe("2026-03-05T00:00:00.000Z");
  });

  it("turns TikTok's error envelope into an error naming its code", async () => {
    const res = await query({ filters: { country_code: "NL" } }, "wrong");
    expect(res.status).toBe(401);
    expect(() => parseAdQueryResponse({})).toThrow();
    const body: unknown = await res.json();
    expect(() => parseAdQueryResponse(body)).toThrow(/access_token_invalid/);
  });
});
