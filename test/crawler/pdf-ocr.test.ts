import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultActorRegistry } from "../../classifier/actors.js";
import { classify } from "../../classifier/classify.js";
import { runCrawl, type CrawlSummary } from "../../crawler/run.js";
import { adServer } from "../../sandbox/publisher/ad-server.js";
import { NIEUWSDAGBLAD_ADS } from "../../sandbox/publisher/ads.js";
import { nieuwsdagblad } from "../../sandbox/publisher/nieuwsdagblad.js";
import { noticeHost } from "../../sandbox/publisher/notice-host.js";
import { startSandbox, type Sandbox } from "../../sandbox/server.js";
import { listStoredAds, type StoredAd } from "../../store/queries/verdicts.js";
import { CHROMIUM, openTestStore, TEST_POLITENESS, testLog, type TestStore } from "../support/crawl-store.js";

const IMAGE_AD = NIEUWSDAGBLAD_ADS.find((a) => a.label === "image")!;

describe.skipIf(!existsSync(CHROMIUM))("capture-time OCR of a label drawn in the image, and a notice published as PDF", () => {
  let sb: Sandbox;
  let ts: TestStore;
  let summary: CrawlSummary;
  let stored: StoredAd[];
  const byText = (match: string) => stored.find((a) => (a.input.text ?? "").includes(match));

  beforeAll(async () => {
    sb = await startSandbox({ replicas: [nieuwsdagblad, adServer, noticeHost] });
    ts = await openTestStore();
    const plan = nieuwsdagblad.plan!(sb.addrs);
    summary = await runCrawl({ store: ts.store, plans: [plan], maxPages: 40, concurrency: 2, log: testLog, crawlerVersion: "test", chromiumPath: CHROMIUM, politeness: TEST_POLITENESS, ocr: { timeoutMs: 120_000 } });
    stored = await listStoredAds(ts.store.db, { afterId: 0, limit: 500 });
  }, 240_000);
  afterAll(async () => {
    await ts?.dispose();
    await sb?.close();
  });

  it("reads the label lines from the image into ocr_text, and only for ads whose text has no label", () => {
    expect(summary.runs[0]?.status).toBe("done");
    const ad = byText(IMAGE_AD.body)!;
    expect(ad.input.label ?? "").not.toMatch(/Politieke advertentie/);
    const ocr = String(ad.input.ocr_text ?? "");
    expect(ocr).toMatch(/Politieke advertentie/);
    expect(ocr).toMatch(/Betaald door VVD Utrecht/);
    expect(ocr).toMatch(/18 maart 2026/);
    const labelled = byText("Stem op 18 maart VVD")!;
    expect(labelled.input.ocr_text).toBeUndefined();
  });

  it("classifies the image-labelled ad as political with no label-missing finding; the truth lists no rule for it", () => {
    const ad = byText(IMAGE_AD.body)!;
    const v = classify(ad.input, { now: new Date("2026-03-12T10:00:00Z"), actors: defaultActorRegistry(), labelStyles: ad.labelStyles });
    expect(v.political).toBe(true);
    const rules = v.findings.map((f) => f.rule);
    expect(rules).not.toContain("ttpa.11-1-a.label-missing");
    expect(rules.filter((r) => r.startsWith("ttpa."))).toEqual(IMAGE_AD.rules);
    // Without its OCR text the same ad is unlabelled: the OCR text is what makes the difference.
    const without = classify({ ...ad.input, ocr_text: null }, { now: new Date("2026-03-12T10:00:00Z"), actors: defaultActorRegistry(), labelStyles: ad.labelStyles });
    expect(without.findings.map((f) => f.rule)).toContain("ttpa.11-1-a.label-missing");
  });

  it("stores a PDF notice as its extracted text typed application/pdf, and keeps the PDF bytes as evidence in the run's chain", async () => {
    const ad = byText(IMAGE_AD.body)!;
    expect(ad.input.notice_url).toMatch(/\/verklaring\/vvd-utr-26\.pdf$/);
    const n = await ts.store.db.selectFrom("notice").select(["body", "content_type", "status"]).where("url", "=", ad.input.notice_url!).executeTakeFirstOrThrow();
    expect(n.status).toBe(200);
    expect(n.content_type).toBe("application/pdf");
    expect(n.body).toMatch(/^Opdrachtgever: VVD Utrecht$/m);
    expect(n.body).not.toContain("%PDF");
    const art = await ts.store.db.selectFrom("artefact").select(["path", "sha256"]).where("kind", "=", "notice-pdf").execute();
    expect(art).toHaveLength(1);
    expect(readFileSync(join(ts.store.evidenceDir, art[0]!.path)).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const entries = await ts.store.db.selectFrom("manifest_entry").select(["ref", "sha256"]).where("kind", "=", "notice-pdf").execute();
    expect(entries).toEqual([{ ref: `notice:${ad.input.notice_url}`, sha256: art[0]!.sha256 }]);
  });
});
