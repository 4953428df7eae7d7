import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCrawl, type CrawlSummary } from "../../crawler/run.js";
import { ARTICLES } from "../../sandbox/publisher/articles.js";
import { startSandbox, type Sandbox } from "../../sandbox/server.js";
import { CHROMIUM, openTestStore, TEST_POLITENESS, testLog, type TestStore } from "../support/crawl-store.js";

describe.skipIf(!existsSync(CHROMIUM))("crawling the sandbox publisher with Chromium", () => {
  let sb: Sandbox;
  let ts: TestStore;
  let summary: CrawlSummary;
  type Row = { text: string | null; label: string | null; sponsor: string | null; notice_url: string | null; notice_id: string | number | null; page_url: string; screenshot_sha256: string | null; html_sha256: string | null; label_styles: unknown; frame_chain: unknown };
  let rows: Row[];

  beforeAll(async () => {
    sb = await startSandbox();
    ts = await openTestStore();
    const plan = sb.plans.find((p) => p.options.seeds?.[0]?.startsWith(sb.addrs["nieuwsdagblad"]!))!;
    const t0 = Date.now();
    summary = await runCrawl({ store: ts.store, plans: [plan], maxPages: 40, concurrency: 2, log: testLog, crawlerVersion: "test", chromiumPath: CHROMIUM, politeness: TEST_POLITENESS });
    rows = (await ts.store.db.selectFrom("observation").innerJoin("ad", "ad.id", "observation.ad_id")
      .select(["ad.text", "ad.label", "ad.sponsor", "ad.notice_url", "ad.notice_id", "observation.page_url", "observation.screenshot_sha256", "observation.html_sha256", "observation.label_styles", "observation.frame_chain"])
      .execute()) as Row[];
    testLog.warn({ ms: Date.now() - t0, pages: summary.pages }, "publisher crawl timing");
  }, 150_000);
  afterAll(async () => {
    await ts?.dispose();
    await sb?.close();
  });

  const find = (match: string) => rows.filter((r) => (r.text ?? "").includes(match));
  const styles = (r: Row) => (typeof r.label_styles === "string" ? JSON.parse(r.label_styles) : r.label_styles) as Array<{ text: string; visible: boolean; fontSizePx: number | null; contrast: number | null; insideAd: boolean; behindInteraction: boolean }>;

  it("captures every reachable truth ad of the publisher exactly once, and none behind robots.txt", () => {
    const truth = sb.truth.filter((t) => t.replica === "nieuwsdagblad");
    for (const t of truth) expect(find(t.match).length, t.match).toBe(t.reachable ? 1 : 0);
    expect(rows.length).toBe(truth.filter((t) => t.reachable).length);
  });

  it("does not take political news articles for ads", () => {
    for (const a of ARTICLES) for (const p of a.paragraphs) expect(rows.some((r) => (r.text ?? "").includes(p.slice(0, 60)))).toBe(false);
  });

  it("stores the HTML of each ad and a screenshot of each political one as content-addressed files", async () => {
    for (const r of rows) expect(r.html_sha256).toMatch(/^[0-9a-f]{64}$/);
    // Every political ad can become a finding, so it has a screenshot (the plain commercial ones need none).
    const truth = sb.truth.filter((t) => t.replica === "nieuwsdagblad" && t.reachable && t.political);
    expect(truth.length).toBeGreaterThan(3);
    for (const t of truth) expect(find(t.match)[0]?.screenshot_sha256, t.match).toMatch(/^[0-9a-f]{64}$/);
    expect(rows.some((r) => r.screenshot_sha256 === null)).toBe(true);
    const arts = await ts.store.db.selectFrom("artefact").select(["path", "kind"]).execute();
    for (const a of arts) expect(existsSync(join(ts.store.evidenceDir, a.path))).toBe(true);
  });

  it("reads sponsor, label and notice link from the ad, and archives the notice (a 404 included)", async () => {
    const vvd = find("Stem op 18 maart VVD")[0]!;
    expect(vvd.sponsor).toBe("VVD Utrecht");
    expect(vvd.label).toContain("Politieke advertentie");
    expect(vvd.notice_url).toContain("/verklaring/vvd-utr-26");
    const notices = await ts.store.db.selectFrom("notice").select(["id", "url", "status", "body"]).execute();
    const vvdNotice = notices.find((n) => Number(n.id) === Number(vvd.notice_id))!;
    expect(vvdNotice.status).toBe(200);
    expect(vvdNotice.body).toContain("opdrachtgever_naam_organisatie");
    const cu = find("ChristenUnie Zwolle investeert")[0]!;
    expect(notices.find((n) => Number(n.id) === Number(cu.notice_id))?.status).toBe(404);
    expect(find("De SP Rotterdam wil")[0]!.notice_url).toBeNull();
    expect(find("het CDA Amsterdam maakt")[0]!.sponsor).toBeNull();
  });

  it("records label style facts: a legible label, a tiny pale one, one behind a click", () => {
    const ok = styles(find("Stem op 18 maart VVD")[0]!).find((l) => l.text.startsWith("Politieke advertentie"))!;
    expect(ok).toMatchObject({ visible: true, insideAd: true, behindInteraction: false });
    expect(ok.contrast!).toBeGreaterThan(4.5);
    const tiny = styles(find("Minder asielzoekerscentra")[0]!).find((l) => l.text.startsWith("Politieke advertentie"))!;
    expect(tiny.fontSizePx!).toBeLessThan(7);
    expect(tiny.contrast!).toBeLessThan(1.5);
    const hidden = styles(find("gratis parkeren op zaterdag")[0]!).find((l) => l.text.startsWith("Politieke advertentie"))!;
    expect(hidden).toMatchObject({ visible: false, behindInteraction: true });
  });

  it("follows ads into cross-origin and nested frames and records the frame chain", () => {
    const volt = find("Volt Amsterdam wil de tram")[0]!;
    const chain = (typeof volt.frame_chain === "string" ? JSON.parse(volt.frame_chain) : volt.frame_chain) as string[];
    expect(chain).toHaveLength(3);
    expect(chain[1]).toContain(`${sb.addrs["ad-server"]}/frame/`);
    expect(chain[2]).toContain(`${sb.addrs["ad-server"]}/creative/`);
  });

  it("writes run statistics with pages, ads and errors by reason", async () => {
    const run = await ts.store.db.selectFrom("crawl_run").selectAll().executeTakeFirstOrThrow();
    const stats = (typeof run.stats === "string" ? JSON.parse(run.stats) : run.stats) as Record<string, unknown>;
    expect(run.status).toBe("done");
    expect(stats.pages).toBe(7);
    expect(stats.ads).toBe(rows.length);
    expect(stats.errors).toEqual({ "robots-disallowed": 1, "http-404": 1 });
    expect(summary.runs[0]!.stats.durationMs).toBeGreaterThan(0);
  });
});
