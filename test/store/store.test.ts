import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adInputSchema, type AdInput } from "../../common/ad-input.js";
import type { Capture } from "../../common/capture.js";
import { sha256 } from "../../common/hash.js";
import { importAds, saveCapture } from "../../store/queries/ads.js";
import { addToFrontier, claimFrontier, settleFrontier, startOrResumeRun } from "../../store/queries/runs.js";
import { saveVerdicts, listStoredAds } from "../../store/queries/verdicts.js";
import { violationReport } from "../../store/queries/reports.js";
import { verifyRun } from "../../store/verify.js";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { openTestStore, type TestStore } from "../support/store.js";

const ad = (over: Partial<AdInput>): AdInput => adInputSchema.parse({ id: "a1", source: "publisher", publisher: "nieuws.nl", text: "Stem VVD", ...over });

function capture(over: Partial<AdInput> = {}): Capture {
  return {
    ad: ad(over),
    sighting: { pageUrl: "https://nieuws.nl/a", frameChain: [], seenAt: "2026-03-10T09:00:00Z", viewport: { width: 1280, height: 800 }, userAgent: "ua", screenshotPng: Buffer.from("png-bytes"), html: "<div>Stem VVD</div>", labelStyles: [], links: [] },
    notice: { url: "https://politiekereclame.nl/n/1", finalUrl: "https://politiekereclame.nl/n/1", status: 200, headers: {}, contentType: "text/html", body: "<h1>notice</h1>", redirects: [], fetchedAt: "2026-03-10T09:00:01Z", error: null },
  };
}

describe("store", () => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openTestStore();
  });
  afterAll(async () => {
    await store?.close();
  });

  it("stores a capture once per run and page, and keeps the hash chain verifiable", async () => {
    const { run } = await startOrResumeRun(store.db, { runKey: "k1", source: "publisher", params: {}, crawlerVersion: "t", clockStart: null });
    const first = await saveCapture(store.db, store.evidenceDir, run.id, capture(), "t");
    const again = await saveCapture(store.db, store.evidenceDir, run.id, capture(), "t");
    expect(first.observationNew).toBe(true);
    expect(again.observationNew).toBe(false);
    expect(again.adId).toBe(first.adId);
    const obs = await store.db.selectFrom("observation").select("id").where("ad_id", "=", first.adId).execute();
    expect(obs).toHaveLength(1);
    expect(first.artefacts.map((a) => a.sha256)).toContain(sha256(Buffer.from("png-bytes")));
    const ok = await verifyRun(store, run.id);
    expect(ok).toMatchObject({ ok: true, entries: 3 });
    const png = first.artefacts.find((a) => a.kind === "screenshot")!;
    writeFileSync(join(store.evidenceDir, png.path), "tampered");
    const broken = await verifyRun(store, run.id);
    expect(broken.ok).toBe(false);
    expect(broken.problems.join("\n")).toMatch(/was changed/);
  });

  it("resumes an unfinished run and puts in-progress frontier items back to pending", async () => {
    const a = await startOrResumeRun(store.db, { runKey: "k2", source: "publisher", params: {}, crawlerVersion: "t", clockStart: null });
    expect(await addToFrontier(store.db, a.run.id, [{ url: "u1" }, { url: "u2" }, { url: "u1" }])).toBe(2);
    const claimed = await claimFrontier(store.db, a.run.id, 1);
    expect(claimed.map((c) => c.url)).toEqual(["u1"]);
    const b = await startOrResumeRun(store.db, { runKey: "k2", source: "publisher", params: {}, crawlerVersion: "t", clockStart: null });
    expect(b).toMatchObject({ resumed: true, run: { id: a.run.id } });
    const again = await claimFrontier(store.db, b.run.id, 5);
    expect(again.map((c) => c.url).sort()).toEqual(["u1", "u2"]);
    await settleFrontier(store.db, b.run.id, "u1", "done");
    expect(await claimFrontier(store.db, b.run.id, 5)).toEqual([]);
  });

  it("imports ads idempotently, keeps unknown fields, and aggregates findings per party in SQL", async () => {
    const ads = [ad({ id: "x1", sponsor: "VVD", custom_field: 42 } as Partial<AdInput>), ad({ id: "x2", publisher: "Meta", source: "meta-ad-library" })];
    await importAds(store.db, ads, new Date("2026-03-10T00:00:00Z"));
    await importAds(store.db, ads, new Date("2026-03-11T00:00:00Z"));
    const idRows = await store.db.selectFrom("ad").select("id").where("external_id", "in", ["x1", "x2"]).orderBy("external_id").execute();
    const ids = idRows.map((r) => Number(r.id));
    expect(ids).toHaveLength(2);
    const obsCount = await store.db.selectFrom("observation").select("id").where("ad_id", "in", ids).execute();
    expect(obsCount).toHaveLength(2);
    await importAds(store.db, [ad({ id: "st1", source: "politiekereclame-nl", record_kind: "notice-statement" } as Partial<AdInput>)], new Date("2026-03-10T00:00:00Z"));
    const stored = await listStoredAds(store.db, { afterId: 0, limit: 100 });
    expect(stored.map((s) => s.input.id)).not.toContain("st1");
    const x1 = stored.find((s) => s.input.id === "x1")!;
    expect(x1.input).toMatchObject({ sponsor: "VVD", custom_field: 42 });
    await saveVerdicts(store.db, [
      { adId: ids[0]!, verdict: { id: "x1", political: true, score: 0.9, decision: "yes", reasons: [], party: "VVD", ruleSet: "t", findings: [{ rule: "ttpa.11-1-a.label-missing", severity: "high", message: "m" }, { rule: "ttpa.11-1-e.notice-missing", severity: "high", message: "m" }] } },
      { adId: ids[1]!, verdict: { id: "x2", political: false, score: 0.1, decision: "no", reasons: [], party: null, ruleSet: "t", findings: [] } },
    ]);
    await store.db.updateTable("finding").set({ review_status: "dismissed" }).where("rule", "=", "ttpa.11-1-e.notice-missing").execute();
    const rows = await violationReport(store.db, { by: "party" });
    expect(rows.find((r) => r.key === "VVD")).toMatchObject({ ads: 1, political: 1, violations: 1, high: 1 });
    const all = await violationReport(store.db, { by: "party", includeDismissed: true });
    expect(all.find((r) => r.key === "VVD")?.violations).toBe(2);
    // re-classification keeps the review status of a finding that is still found
    await saveVerdicts(store.db, [{ adId: ids[0]!, verdict: { id: "x1", political: true, score: 0.9, decision: "yes", reasons: [], party: "VVD", ruleSet: "t2", findings: [{ rule: "ttpa.11-1-e.notice-missing", severity: "high", message: "m2" }] } }]);
    const f = await store.db.selectFrom("finding").select(["rule", "review_status", "rule_set"]).where("ad_id", "=", ids[0]!).execute();
    expect(f).toEqual([{ rule: "ttpa.11-1-e.notice-missing", review_status: "dismissed", rule_set: "t2" }]);
  });
});
