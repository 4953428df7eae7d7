import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adInputSchema, type AdInput } from "../../common/ad-input.js";
import type { Capture, FetchedNotice } from "../../common/capture.js";
import { sha256 } from "../../common/hash.js";
import { importAds, saveCapture, saveCaptures } from "../../store/queries/ads.js";
import { recordNoticeProbe } from "../../store/queries/notice-probes.js";
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

const fetchedNotice = (at: string, body = "<h1>Transparantieverklaring</h1><p>Opdrachtgever: Partij A</p>"): FetchedNotice => ({
  url: "https://politiekereclame.nl/v/1", finalUrl: "https://politiekereclame.nl/v/1", status: 200, headers: { "content-type": "text/html" },
  contentType: "text/html", body, redirects: [], fetchedAt: at, error: null,
});

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

  it("stores a page's captures in one go: each ad once, each sighting once, the chain in capture order, site names kept current", async () => {
    const { run } = await startOrResumeRun(store.db, { runKey: "k-page", source: "publisher", params: {}, crawlerVersion: "t", clockStart: null });
    const page = (site: string | undefined, url = "https://krant.nl/p") => {
      const c = (id: string, text: string, seenAt: string, notice: boolean): Capture => ({
        ...capture({ id, text, publisher: "krant.nl", ...(site ? { site_name: site } : {}) }),
        notice: notice ? capture().notice : null,
        sighting: { ...capture().sighting, pageUrl: url, seenAt, html: `<div>${text}</div>`, screenshotPng: Buffer.from(`png ${id}`) },
      });
      // b appears twice on the page (two slots): one ad, one observation (the first), seen over both times.
      return [c("a", "Stem A", "2026-03-10T09:00:00Z", true), c("b", "Stem B", "2026-03-10T09:00:02Z", false), c("b", "Stem B", "2026-03-10T09:00:05Z", true)];
    };
    const saved = await saveCaptures(store.db, store.evidenceDir, run.id, page("De Krant"), "t");
    expect(saved.map((s) => s.observationNew)).toEqual([true, true, false]);
    expect(saved[1]!.adId).toBe(saved[2]!.adId);
    const b = await store.db.selectFrom("ad").select(["first_seen_at", "last_seen_at", "notice_id"]).where("id", "=", saved[1]!.adId).executeTakeFirstOrThrow();
    expect(new Date(b.first_seen_at).toISOString()).toBe("2026-03-10T09:00:02.000Z");
    expect(new Date(b.last_seen_at).toISOString()).toBe("2026-03-10T09:00:05.000Z");
    expect(b.notice_id).not.toBeNull();
    const chain = await store.db.selectFrom("manifest_entry").select(["seq", "ref"]).where("crawl_run_id", "=", run.id).orderBy("seq").execute();
    const obsIds = (await store.db.selectFrom("observation").select(["id", "ad_id"]).where("crawl_run_id", "=", run.id).orderBy("id").execute());
    expect(obsIds.map((o) => Number(o.ad_id))).toEqual([saved[0]!.adId, saved[1]!.adId]);
    // a: screenshot, html, notice; b: screenshot, html; nothing for the repeat.
    expect(chain.map((e) => e.ref)).toEqual([...Array(3).fill(`observation:${obsIds[0]!.id}`), ...Array(2).fill(`observation:${obsIds[1]!.id}`)]);
    expect(chain.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(await verifyRun(store, run.id)).toMatchObject({ ok: true, entries: 5 });
    const siteName = async () => (await store.db.selectFrom("publisher").select("site_name").where("name", "=", "krant.nl").executeTakeFirstOrThrow()).site_name;
    expect(await siteName()).toBe("De Krant");
    // A page that names no site keeps the known name; a new name wins, and so does the old one again.
    await saveCaptures(store.db, store.evidenceDir, run.id, page(undefined, "https://krant.nl/q"), "t");
    expect(await siteName()).toBe("De Krant");
    await saveCaptures(store.db, store.evidenceDir, run.id, page("Krant van Nu", "https://krant.nl/r"), "t");
    expect(await siteName()).toBe("Krant van Nu");
    await saveCaptures(store.db, store.evidenceDir, run.id, page("De Krant", "https://krant.nl/s"), "t");
    expect(await siteName()).toBe("De Krant");
    // The same page again in the same run: nothing new, the chain unchanged.
    const again = await saveCaptures(store.db, store.evidenceDir, run.id, page("De Krant"), "t");
    expect(again.every((s) => !s.observationNew)).toBe(true);
    expect(await verifyRun(store, run.id)).toMatchObject({ ok: true });
  });

  it("pages written at once to one run keep one unbroken chain (on a server they run concurrently)", async () => {
    const { run } = await startOrResumeRun(store.db, { runKey: "k-concurrent", source: "publisher", params: {}, crawlerVersion: "t", clockStart: null });
    const pages = Array.from({ length: 12 }, (_, p) => [0, 1, 2].map((n): Capture => {
      const c = capture({ id: `c${p}-${n}`, text: `Stem ${p} ${n}` });
      return { ...c, notice: null, sighting: { ...c.sighting, pageUrl: `https://nieuws.nl/c${p}`, html: `<div>${p} ${n}</div>`, screenshotPng: Buffer.from(`png ${p} ${n}`) } };
    }));
    const saved = await Promise.all(pages.map((caps) => saveCaptures(store.db, store.evidenceDir, run.id, caps, "t")));
    expect(saved.flat().every((s) => s.observationNew)).toBe(true);
    const seqs = (await store.db.selectFrom("manifest_entry").select("seq").where("crawl_run_id", "=", run.id).orderBy("seq").execute()).map((r) => r.seq);
    expect(seqs).toEqual(Array.from({ length: 12 * 3 * 2 }, (_, i) => i + 1));
    expect(await verifyRun(store, run.id)).toMatchObject({ ok: true, entries: 72 });
  });

  it("a page whose write fails leaves nothing behind, and the publisher it created is not remembered", async () => {
    const { run } = await startOrResumeRun(store.db, { runKey: "k-fail", source: "publisher", params: {}, crawlerVersion: "t", clockStart: null });
    const good = capture({ id: "f1", publisher: "fresh-publisher.nl" });
    // A second capture the database refuses (its time is not a time): the page's write fails after the publisher row was written.
    const bad: Capture = { ...good, ad: { ...good.ad, id: "f2" }, sighting: { ...good.sighting, seenAt: "not a time" } };
    await expect(saveCaptures(store.db, store.evidenceDir, run.id, [good, bad], "t")).rejects.toThrow();
    expect(await store.db.selectFrom("publisher").select("id").where("name", "=", "fresh-publisher.nl").execute()).toHaveLength(0);
    expect(await store.db.selectFrom("observation").select("id").where("crawl_run_id", "=", run.id).execute()).toHaveLength(0);
    // The next page of that publisher writes it again (a remembered id from the rolled-back write would break the foreign key).
    const ok = await saveCaptures(store.db, store.evidenceDir, run.id, [good], "t");
    expect(ok[0]!.observationNew).toBe(true);
    expect(await store.db.selectFrom("publisher").select("id").where("name", "=", "fresh-publisher.nl").execute()).toHaveLength(1);
  });

  it("marks the page's frontier item done with its captures, and leaves it in progress when their write fails", async () => {
    const { run } = await startOrResumeRun(store.db, { runKey: "k-settle", source: "publisher", params: {}, crawlerVersion: "t", clockStart: null });
    await addToFrontier(store.db, run.id, [{ url: "https://nieuws.nl/s1" }, { url: "https://nieuws.nl/s2" }]);
    expect(await claimFrontier(store.db, run.id, 2)).toHaveLength(2);
    const page = (url: string, id: string): Capture => {
      const c = capture({ id, text: `Stem ${id}` });
      return { ...c, notice: null, sighting: { ...c.sighting, pageUrl: url } };
    };
    const status = async (url: string) => (await store.db.selectFrom("frontier").select("status").where("run_id", "=", run.id).where("url", "=", url).executeTakeFirstOrThrow()).status;
    await saveCaptures(store.db, store.evidenceDir, run.id, [page("https://nieuws.nl/s1", "s1")], "t", { settle: "https://nieuws.nl/s1" });
    expect(await status("https://nieuws.nl/s1")).toBe("done");
    const bad = page("https://nieuws.nl/s2", "s2");
    await expect(saveCaptures(store.db, store.evidenceDir, run.id, [bad, { ...bad, ad: { ...bad.ad, id: "s3" }, sighting: { ...bad.sighting, seenAt: "not a time" } }], "t", { settle: "https://nieuws.nl/s2" })).rejects.toThrow();
    expect(await status("https://nieuws.nl/s2")).toBe("in_progress");
  });

  // A re-probe repeated after its commit's answer was lost (crawlDb repeats the call) is on record once.
  it("records the same notice fetch once, with its outcome, and a later fetch as a new probe", async () => {
    const { run } = await startOrResumeRun(store.db, { runKey: "probe-repeat", source: "notice-probe", params: {}, crawlerVersion: "t", clockStart: null });
    const first = fetchedNotice("2026-03-10T09:00:00.123Z");
    expect(await recordNoticeProbe(store.db, store.evidenceDir, run.id, first)).toBe("first");
    expect(await recordNoticeProbe(store.db, store.evidenceDir, run.id, first)).toBe("first");
    const probes = () => store.db.selectFrom("notice_probe").select(["outcome"]).where("crawl_run_id", "=", run.id).orderBy("id").execute();
    expect((await probes()).map((p) => p.outcome)).toEqual(["first"]);
    expect(await recordNoticeProbe(store.db, store.evidenceDir, run.id, fetchedNotice("2026-03-11T09:00:00.000Z"))).toBe("unchanged");
    expect(await recordNoticeProbe(store.db, store.evidenceDir, run.id, fetchedNotice("2026-03-12T09:00:00.000Z", "<h1>Andere tekst</h1>"))).toBe("changed");
    expect((await probes()).map((p) => p.outcome)).toEqual(["first", "unchanged", "changed"]);
    expect(await verifyRun(store, run.id)).toMatchObject({ ok: true, entries: 3 });
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
