import type { FastifyInstance } from "fastify";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDashboard } from "../../dashboard/server.js";
import { EXPORT_LISTS } from "../../dashboard/export-rows.js";
import { PLATFORM_BANS } from "../../dashboard/platform-bans.js";
import { importAds } from "../../store/queries/ads.js";
import { refreshAggregates } from "../../store/queries/dashboard-aggregates.js";
import { seedDashboard } from "../support/dashboard-seed.js";
import { openTestStore, type TestStore } from "../support/store.js";

let store: TestStore;
let app: FastifyInstance;
let ids: Map<string, number>;
const EXTRA = 120;

beforeAll(async () => {
  store = await openTestStore();
  ids = await seedDashboard(store);
  // Many ads with the same last_seen: the order must still be stable (id breaks ties).
  const same = "2026-01-15T00:00:00Z";
  await importAds(store.db, Array.from({ length: EXTRA }, (_, i) => ({ id: `bulk-${i}`, source: "bulk", publisher: "bulk.example", text: `bulk ad ${i}`, country: "NL", first_seen: same, last_seen: same })), new Date(same));
  // polad import ends with classification, which refreshes the dashboard aggregates; these ads skip classification.
  await refreshAggregates(store.db, { bans: PLATFORM_BANS });
  app = await createDashboard({ store, log: pino({ level: "silent" }) });
});
afterAll(async () => {
  await app?.close();
  await store?.close();
});

const json = async <T>(url: string): Promise<T> => {
  const r = await app.inject({ method: "GET", url });
  expect(r.statusCode, url).toBe(200);
  return JSON.parse(r.body) as T;
};

describe("JSON API", () => {
  it("describes every list endpoint in the OpenAPI document", async () => {
    const doc = await json<{ openapi: string; paths: Record<string, unknown> }>("/api/openapi.json");
    expect(doc.openapi).toMatch(/^3\.1/);
    for (const list of EXPORT_LISTS) {
      expect(Object.keys(doc.paths)).toContain(`/api/${list}`);
      await json(`/api/${list}`);
    }
    expect(Object.keys(doc.paths)).toContain("/api/ads/{id}");
  });

  it("returns one ad with its findings, sightings and notice fetches", async () => {
    const r = await json<{ ad: { sponsor: string }; findings: Array<{ rule: string }>; sightings: unknown[]; notices: Array<{ status: number }> }>(`/api/ads/${ids.get("nu-2")}`);
    expect(r.ad.sponsor).toBe("GroenLinks-PvdA");
    expect(r.findings.map((f) => f.rule)).toEqual(["ttpa.12-1.notice-incomplete"]);
    expect(r.sightings).toHaveLength(1);
    expect(r.notices[0]?.status).toBe(200);
    expect((await app.inject({ method: "GET", url: "/api/ads/0" })).statusCode).toBe(404);
  });

  it("pages through ads in a stable order with no overlap and no gaps", async () => {
    const seen: number[] = [];
    for (let page = 1; page <= 4; page++) {
      const r = await json<{ rows: Array<{ id: number }> }>(`/api/ads?source=bulk&page=${page}`);
      seen.push(...r.rows.map((x) => x.id));
    }
    expect(seen).toHaveLength(EXTRA);
    expect(new Set(seen).size).toBe(EXTRA);
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
  });

  it("keeps the filters in the HTML pager links", async () => {
    const r = await app.inject({ method: "GET", url: "/ads?source=bulk&q=bulk" });
    expect(r.body).toContain('href="/ads?source=bulk&amp;q=bulk&amp;page=2&amp;after=');
    expect(r.body).toContain("(120)");
  });

  it("continues a list by keyset from its next link, with the same rows as the numbered page", async () => {
    const ids = (body: string) => [...body.matchAll(/href="\/ads\/(\d+)"/g)].map((m) => m[1]);
    const first = await app.inject({ method: "GET", url: "/ads?source=bulk" });
    const next = /<a rel="next" href="([^"]+)"/.exec(first.body)?.[1]?.replace(/&amp;/g, "&");
    expect(next).toMatch(/after=/);
    const byKeyset = ids((await app.inject({ method: "GET", url: next! })).body);
    const byOffset = ids((await app.inject({ method: "GET", url: "/ads?source=bulk&page=2" })).body);
    expect(byKeyset.length).toBe(50);
    expect(byKeyset).toEqual(byOffset);
    expect(byKeyset).not.toEqual(ids(first.body));
    expect((await app.inject({ method: "GET", url: "/ads?after=not-a-cursor" })).statusCode).toBe(400);
  });

  it("filters findings by severity and review status", async () => {
    const high = await json<{ rows: Array<{ severity: string }> }>("/api/findings?severity=high");
    expect(high.rows.length).toBe(4);
    expect(high.rows.every((x) => x.severity === "high")).toBe(true);
    expect((await json<{ rows: unknown[] }>("/api/findings?review=confirmed")).rows).toHaveLength(0);
  });

  it("answers a bad filter with 400 and a JSON error naming the parameter", async () => {
    const r = await app.inject({ method: "GET", url: "/api/findings?severity=apocalyptic" });
    expect(r.statusCode).toBe(400);
    expect((JSON.parse(r.body) as { error: string }).error).toMatch(/severity/);
  });

  it("reports political ads on banning platforms after the ban, per party", async () => {
    const r = await json<{ rows: Array<Record<string, unknown>> }>("/api/enforcement");
    expect(r.rows.map((x) => [x.platform, x.party, x.political_ads_after_ban]).sort()).toEqual([["Google", "VVD", 1], ["Meta", "PVV", 1]]);
  });
});
