import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCrawl, type CrawlSummary } from "../../crawler/run.js";
import { statementIssueAdvertisers, statementsToActors } from "../../crawler/sources/politiekereclame-nl/actors.js";
import { parseEuro, publicIdFromNoticeUrl, statementToRecord } from "../../crawler/sources/politiekereclame-nl/map.js";
import { statementSchema, type Statement } from "../../crawler/sources/politiekereclame-nl/schema.js";
import { createStatementsApiReplica } from "../../sandbox/publisher/statements-api.js";
import { STATEMENTS } from "../../sandbox/publisher/statements.js";
import { listActors, upsertActors } from "../../store/queries/actors.js";
import { saveCapture } from "../../store/queries/ads.js";
import { listSourceAds, type SourceAd } from "../../store/queries/platform-sources.js";
import { listStatementLinks, listStatements } from "../../store/queries/statements.js";
import { REPO_ROOT } from "../support/cli.js";
import { openTestStore, type TestStore } from "../support/store.js";
import { CHROMIUM, serveReplica, testLog, TEST_POLITENESS, type ServedReplica } from "./serve-replica.js";

const REAL_DIR = path.resolve(REPO_ROOT, "../shared/data/real/openstate-politiekereclame-nl-statements");
const hasReal = existsSync(REAL_DIR);

/** The real statements, one per statement id (the mirror keeps several versions of some), last version wins. */
function realStatements(): Array<Record<string, unknown>> {
  const files = ["statements_snapshot_2025-10.json", "statements_newer_2025-11_to_2026-07_sample10.json"];
  const byId = new Map<string, Record<string, unknown>>();
  for (const f of files) for (const r of JSON.parse(readFileSync(path.join(REAL_DIR, f), "utf8")) as Array<Record<string, unknown>>) byId.set(String(r.id), r);
  return [...byId.values()];
}

describe("politiekereclame-nl: paging the statements API replica through runCrawl", () => {
  let store: TestStore;
  let sandbox: ServedReplica;
  let real: ServedReplica | null = null;
  let broken: ServedReplica;
  let summary: CrawlSummary;
  let records: SourceAd[];
  const realRows = hasReal ? realStatements() : [];
  beforeAll(async () => {
    store = await openTestStore();
    sandbox = await serveReplica(createStatementsApiReplica({ flakyPages: [2] }));
    broken = await serveReplica(createStatementsApiReplica({ htmlPage: 2, statements: STATEMENTS.map((st) => ({ ...st, id: `${String(st.id)}-b`, public_id: `${String(st.public_id)}-b` })) }));
    if (hasReal) real = await serveReplica(createStatementsApiReplica({ statements: realRows }));
    const plans = [
      { source: "politiekereclame-nl", options: { apiBase: sandbox.base, allowPrivate: true, pageSize: 4 } },
      { source: "politiekereclame-nl", options: { apiBase: broken.base, allowPrivate: true, pageSize: 2, terms: ["Utrecht"] } },
      ...(real ? [{ source: "politiekereclame-nl", options: { apiBase: real.base, allowPrivate: true, pageSize: 40, fetchStatementPages: false } }] : []),
    ];
    summary = await runCrawl({ store, plans, maxPages: 20, concurrency: 2, log: testLog, crawlerVersion: "test", chromiumPath: CHROMIUM, politeness: TEST_POLITENESS });
    records = await listSourceAds(store.db, "politiekereclame-nl");
  }, 300_000);
  afterAll(async () => {
    await sandbox?.close();
    await broken?.close();
    await real?.close();
    await store?.close();
  });

  it("pages through every statement, retrying a page that answered 503, and archives each statement page as its notice", () => {
    const run = summary.runs[0]!;
    expect(run.status).toBe("done");
    expect(run.stats.pages).toBe(3);
    const mine = records.filter((r) => r.noticeUrl?.startsWith(sandbox.base));
    expect(mine.map((r) => r.extra.public_id).sort()).toEqual(STATEMENTS.map((s) => s.public_id).sort());
    for (const r of mine) {
      expect(r.hasNotice, String(r.extra.public_id)).toBe(true);
      expect(r.noticeStatus).toBe(200);
      expect(r.text).toBeNull();
      expect(r.extra.record_kind).toBe("notice-statement");
    }
    const vvd = mine.find((r) => r.extra.public_id === "vvd-utr-26")!;
    expect(vvd.sponsor).toBe("VVD Utrecht");
    expect(vvd.extra).toMatchObject({ election: "Gemeenteraadsverkiezingen 18 maart 2026", period: { start: "2026-02-02", end: "2026-03-18" }, amounts: { paid_media_eur: 4500, total_campaign_eur: 6200 }, payer: "VVD Utrecht", payer_differs: false });
    expect(vvd.firstSeenAt.toISOString()).toBe("2026-02-02T00:00:00.000Z");
  });

  it("keeps what page 1 gave when page 2 answers an HTML maintenance page, and records why page 2 failed", () => {
    const run = summary.runs[1]!;
    expect(run.status).toBe("done");
    expect(run.stats.errors).toEqual({ "bad-payload": 1 });
    const fromBroken = records.filter((r) => r.noticeUrl?.startsWith(broken.base));
    expect(fromBroken.map((r) => r.sponsor)).toEqual(expect.arrayContaining(["VVD Utrecht", "D66 Utrecht"]));
    expect(fromBroken.length).toBe(2);
  });

  it("links an ad to the statement its notice link names, by public id", async () => {
    const ad = { id: "pub-linked-1", source: "publisher", publisher: "nieuwsdagblad.test", text: "Stem VVD", notice_url: `${sandbox.base}/transparantie-verklaringen/vvd-utr-26`, country: "NL" };
    const orphan = { ...ad, id: "pub-orphan-1", notice_url: `${sandbox.base}/transparantie-verklaringen/bestaat-niet` };
    for (const a of [ad, orphan]) {
      const sighting = { pageUrl: "http://127.0.0.1/x", frameChain: [], seenAt: new Date().toISOString(), viewport: null, userAgent: null, screenshotPng: null, html: null, labelStyles: [], links: [] };
      await saveCapture(store.db, store.evidenceDir, summary.runs[0]!.runId, { ad: a, sighting, notice: null }, "test");
    }
    const links = await listStatementLinks(store.db);
    const linked = links.filter((l) => l.adExternalId.startsWith("pub-"));
    expect(linked.map((l) => [l.adExternalId, l.publicId])).toEqual([["pub-linked-1", "vvd-utr-26"]]);
    expect(publicIdFromNoticeUrl(ad.notice_url)).toBe("vvd-utr-26");
    const statements = await listStatements(store.db);
    expect(statements.find((s) => s.publicId === "ja21-gld-26")).toMatchObject({ sponsor: "JA21 Gelderland", periodStart: null, paidMediaEur: null, election: "Gemeenteraadsverkiezingen 2026" });
  });

  it.skipIf(!hasReal)("stores the actors found in the real statements through upsertActors", async () => {
    const parsed = realRows.flatMap((r) => {
      const p = statementSchema.safeParse(r);
      return p.success ? [p.data] : [];
    });
    const actors = statementsToActors(parsed);
    expect(actors.length).toBeGreaterThan(20);
    await upsertActors(store.db, actors);
    const back = await listActors(store.db);
    expect(back.map((a) => a.name).sort()).toEqual(actors.map((a) => a.name).sort());
    expect(back.find((a) => a.name === "CDA Zeeland")).toMatchObject({ party: "CDA", kind: "branch" });
  });

  it.skipIf(!hasReal)("imports every real statement with nothing dropped: the statement is kept whole as the inline notice", () => {
    const run = summary.runs[2]!;
    expect(run.status).toBe("done");
    const fromReal = records.filter((r) => r.noticeUrl?.startsWith(real!.base));
    const valid = realRows.filter((r) => statementSchema.safeParse(r).success);
    expect(fromReal).toHaveLength(valid.length);
    expect(valid.length).toBeGreaterThanOrEqual(realRows.length - 1);
    const zaltbommel = fromReal.filter((r) => r.sponsor === "BVNL Zaltbommel");
    expect(zaltbommel.map((r) => r.extra.payer).sort()).toEqual(["RRA B.V.", "VDC Group B.V."]);
    expect(zaltbommel.every((r) => r.extra.payer_differs === true)).toBe(true);
    const outside = fromReal.filter((r) => /buiten de EU/i.test(String(r.extra.origin_of_funds)));
    expect(outside.length).toBeGreaterThanOrEqual(1);
  });
});

describe.skipIf(!hasReal)("politiekereclame-nl: mapping and actors on the real statements", () => {
  const rows = hasReal ? realStatements() : [];
  const parsed = rows.flatMap((r) => {
    const p = statementSchema.safeParse(r);
    return p.success ? [p.data] : [];
  });

  it("refuses only the one real test statement that has no sponsor fields, and maps every field of the rest", () => {
    const refused = rows.filter((r) => !statementSchema.safeParse(r).success);
    expect(refused.length).toBeLessThanOrEqual(1);
    for (const s of parsed) {
      const rec = statementToRecord(s, `https://politiekereclame.nl/transparantie-verklaringen/${s.public_id}`);
      expect(rec.notice).toEqual(s);
      const paid = s.betaalde_media_waarde_euro;
      if (typeof paid === "string" && paid.trim()) expect(rec.amounts, `${s.public_id} ${paid}`).toMatchObject({ paid_media_eur: Number(paid) });
    }
    expect(parseEuro("1.200,50")).toBe(1200.5);
    expect(parseEuro("€ 35000")).toBe(35000);
    expect(parseEuro("onbekend")).toBeNull();
  });

  it("turns party sponsors into political actors and keeps NGOs, associations and companies apart as issue advertisers", () => {
    const actors = statementsToActors(parsed as Statement[]);
    const byName = new Map(actors.map((a) => [a.name, a]));
    expect(byName.get("VVD")).toMatchObject({ party: "VVD", kind: "party" });
    expect(byName.get("Volt Nederland")).toMatchObject({ party: "Volt", kind: "party" });
    expect(byName.get("CDA Zeeland")).toMatchObject({ party: "CDA", kind: "branch" });
    expect(byName.get("Burgerbelangen Enschede")).toMatchObject({ party: null, kind: "local-party" });
    const issue = statementIssueAdvertisers(parsed as Statement[]);
    for (const n of ["Oxfam Novib", "Vereniging Eigen Huis", "ANWB B.V.", "Naturalis Biodiversity Center", "Boekhandel Dominicanen"]) {
      expect(issue, n).toContain(n);
      expect(byName.has(n), n).toBe(false);
    }
  });

});
