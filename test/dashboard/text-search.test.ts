import type { FastifyInstance } from "fastify";
import { CompiledQuery, sql, type KyselyPlugin, type RootOperationNode } from "kysely";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDashboard } from "../../dashboard/server.js";
import { PLATFORM_BANS } from "../../dashboard/platform-bans.js";
import { refreshAggregates } from "../../store/queries/dashboard-aggregates.js";
import { generateBenchData } from "../../store/queries/dashboard-bench.js";
import { listAds, listFindings } from "../../store/queries/dashboard-lists.js";
import { seedDashboard } from "../support/dashboard-seed.js";
import { openTestStore, type TestStore } from "../support/store.js";

// The dashboard's text search (?q=) on both stores: migration 0006's trigram index exists, the list's
// own SQL is planned through it, and the matches are the ones an ILIKE '%term%' over text, sponsor,
// label and publisher name gives.
const N = 50_000;
let store: TestStore;
let app: FastifyInstance;

beforeAll(async () => {
  store = await openTestStore();
  await seedDashboard(store);
  await generateBenchData(store.db, {
    ads: N, source: "bench", chunk: 25_000, parties: ["VVD", "PVV", "D66"], publishers: ["Facebook", "nu.nl", "Bench 100%_Site"],
    rules: [["ttpa.11-1-a.label-missing", "high"], ["ttpa.11-1-b.sponsor-missing", "high"], ["ttpa.12-1.notice-incomplete", "medium"]],
  });
  await refreshAggregates(store.db, { bans: PLATFORM_BANS });
  app = await createDashboard({ store, log: pino({ level: "silent" }) });
}, 300_000);
afterAll(async () => {
  await app?.close();
  await store?.close();
});

/** Runs `fn` against the store and returns every query it sent, compiled as the store sent it. */
async function captureQueries(fn: (db: TestStore["db"]) => Promise<unknown>): Promise<CompiledQuery[]> {
  const nodes: Array<{ node: RootOperationNode; queryId: { queryId: string } }> = [];
  const spy: KyselyPlugin = { transformQuery: (a) => { nodes.push({ node: a.node, queryId: a.queryId }); return a.node; }, transformResult: async (a) => a.result };
  const db = store.db.withPlugin(spy);
  await fn(db);
  return nodes.map((n) => db.getExecutor().compileQuery(n.node, n.queryId));
}

/**
 * The plan of a captured query, as text, with sequential scans priced out: at test size a scan of the
 * table is honestly cheaper (bench/dashboard.ts shows the planner's own choice at 1M ads), so this asks
 * whether the query *can* be answered from the index: a search written so that no index matches it
 * (lower(text) like …, a join column inside the OR) still plans a scan here.
 */
async function plan(q: CompiledQuery): Promise<string> {
  return store.db.transaction().execute(async (tx) => {
    await sql`set local enable_seqscan = off`.execute(tx);
    const r = await tx.executeQuery<Record<string, string>>(CompiledQuery.raw(`explain ${q.sql}`, [...q.parameters]));
    return r.rows.map((row) => Object.values(row).join(" ")).join("\n");
  });
}

describe("text search", () => {
  it("has the trigram index of migration 0006 on ad text, sponsor and label", async () => {
    const { rows } = await sql<{ indexdef: string }>`select indexdef from pg_indexes where schemaname = current_schema() and indexname = 'ad_search_trgm'`.execute(store.db);
    expect(rows.length).toBe(1);
    expect(rows[0]!.indexdef).toMatch(/USING gin \(text \S*gin_trgm_ops, sponsor \S*gin_trgm_ops, label \S*gin_trgm_ops\)/);
  });

  it("plans the ads list's search and its count through the trigram index, not a scan of every ad", async () => {
    const queries = await captureQueries((db) => listAds(db, { q: "12345" }, { limit: 50, offset: 0 }));
    const searches = queries.filter((q) => /\bfrom ad a\b/.test(q.sql) && q.sql.includes("ilike"));
    expect(searches.length).toBeGreaterThanOrEqual(2); // the page and its capped count
    for (const q of searches) {
      const p = await plan(q);
      expect(p, p).toContain("ad_search_trgm");
      expect(p, p).not.toMatch(/Seq Scan on ad a/);
    }
  });

  it("finds the one ad whose text holds the term, in the page and in the findings list", async () => {
    const ads = await listAds(store.db, { q: "advertentie 12345:" }, { limit: 50, offset: 0 });
    expect(ads.rows.map((r) => r.externalId)).toEqual(["b-12345"]);
    expect(ads.total).toBe(1);
    const findings = await listFindings(store.db, { q: "ADVERTENTIE 12345:" }, { limit: 50, offset: 0 });
    expect(findings.rows.map((r) => r.adId)).toEqual([ads.rows[0]!.id, ads.rows[0]!.id, ads.rows[0]!.id]);
  });

  it("matches sponsor, label and publisher name too, and takes % and _ literally", async () => {
    const bySponsor = await listAds(store.db, { q: "groenlinks-pvda" }, { limit: 50, offset: 0 });
    expect(bySponsor.rows.map((r) => r.externalId)).toEqual(["nu-2"]);
    const byLabel = await listAds(store.db, { q: "betaald door pvv" }, { limit: 50, offset: 0 });
    expect(byLabel.rows.map((r) => r.externalId)).toEqual(["tg-1"]);
    const byPublisher = await listAds(store.db, { q: "telegraaf", source: "publisher-site" }, { limit: 50, offset: 0 });
    expect(byPublisher.rows.map((r) => r.externalId)).toEqual(["tg-1"]);
    const literal = await listAds(store.db, { q: "100%_site" }, { limit: 5, offset: 0 });
    expect(literal.rows.length).toBe(5);
    expect(literal.rows.every((r) => r.publisher === "Bench 100%_Site")).toBe(true);
    expect((await listAds(store.db, { q: "100%x" }, { limit: 5, offset: 0 })).rows).toEqual([]);
  });

  it("serves /ads?q= with the matching ad and without the others", async () => {
    const r = await app.inject({ method: "GET", url: `/ads?q=${encodeURIComponent("Advertentie 777:")}` });
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain("Advertentie 777: stem op");
    expect(r.body).not.toContain("Advertentie 778:");
  });
});
