import type { AdInput } from "../../common/ad-input.js";
import type { Capture, FetchedNotice } from "../../common/capture.js";
import type { Finding, Severity } from "../../common/verdict.js";
import type { Store } from "../../store/db.js";
import { importAds, saveCapture } from "../../store/queries/ads.js";
import { finishRun, startOrResumeRun } from "../../store/queries/runs.js";
import { PLATFORM_BANS } from "../../dashboard/platform-bans.js";
import { refreshAggregates } from "../../store/queries/dashboard-aggregates.js";
import { saveVerdicts } from "../../store/queries/verdicts.js";

/** A 1x1 PNG, so screenshots are real images a browser can decode. */
export const PNG_1X1 = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

/** One ad to seed: its input, how it was classified, and optionally a crawl capture with evidence. */
export interface SeedAd {
  ad: AdInput;
  political: boolean;
  party: string | null;
  findings: Array<[rule: string, severity: Severity]>;
  capture?: { pages: string[]; html: string; notice?: FetchedNotice };
}

const f = (rule: string, severity: Severity): [string, Severity] => [rule, severity];
const ad = (o: Partial<AdInput> & Pick<AdInput, "id" | "source" | "publisher">): AdInput => ({ country: "NL", ...o });

/** The notice the GroenLinks-PvdA ad links to, as the crawler would have fetched it. */
export const NOTICE: FetchedNotice = {
  url: "https://notice.example/glpvda-1", finalUrl: "https://notice.example/glpvda-1", status: 200, headers: { "content-type": "text/html" },
  contentType: "text/html", body: "Transparantieverklaring: sponsor GroenLinks-PvdA, Postbus 1, Utrecht. Verkiezing: TK 2026.", redirects: [],
  fetchedAt: "2026-03-02T10:00:00.000Z", error: null,
};

/** The standard dashboard fixture: captured ads with evidence, library ads on banning platforms, a compliant and a non-political ad. */
export const STANDARD_ADS: SeedAd[] = [
  { ad: ad({ id: "nu-1", source: "publisher-site", publisher: "nu.nl", sponsor: "VVD", text: "Stem VVD op 18 maart", label: "Gesponsord", first_seen: "2026-03-01T09:00:00Z", last_seen: "2026-03-03T09:00:00Z" }),
    political: true, party: "VVD", findings: [f("ttpa.11-1-a.label-missing", "high"), f("ttpa.11-1-b.sponsor-missing", "high"), f("ttpa.11-1-e.notice-missing", "high")],
    capture: { pages: ["https://nu.example/a", "https://nu.example/b"], html: "<div class=ad><b>Stem VVD</b> <img src=https://tracker.example/p.gif></div>" } },
  { ad: ad({ id: "nu-2", source: "publisher-site", publisher: "nu.nl", sponsor: "GroenLinks-PvdA", text: "Samen sterker: GroenLinks-PvdA", label: "Politieke advertentie van GroenLinks-PvdA", notice_url: NOTICE.url, first_seen: "2026-03-02T09:00:00Z", last_seen: "2026-03-02T12:00:00Z" }),
    political: true, party: "GroenLinks-PvdA", findings: [f("ttpa.12-1.notice-incomplete", "medium")],
    capture: { pages: ["https://nu.example/c"], html: "<div class=ad>Samen sterker</div>", notice: NOTICE } },
  { ad: ad({ id: "meta-1", source: "meta-ad-library", publisher: "Facebook", sponsor: "PVV", text: "PVV: Nederland weer van ons", first_seen: "2025-10-01T00:00:00Z", last_seen: "2025-10-20T00:00:00Z" }),
    political: true, party: "PVV", findings: [f("platform.political-ad-ban", "medium"), f("ttpa.11-1-a.label-missing", "high")] },
  { ad: ad({ id: "g-1", source: "google-transparency", publisher: "YouTube", sponsor: "VVD", text: "VVD: werk moet lonen", first_seen: "2025-10-12T00:00:00Z", last_seen: "2025-10-15T00:00:00Z" }),
    political: true, party: "VVD", findings: [f("platform.political-ad-ban", "medium")] },
  { ad: ad({ id: "nu-3", source: "publisher-site", publisher: "nu.nl", sponsor: "Albert Heijn", text: "Bonus: 2e halve prijs", label: "Advertentie", first_seen: "2026-03-01T10:00:00Z", last_seen: "2026-03-01T11:00:00Z" }),
    political: false, party: null, findings: [] },
  { ad: ad({ id: "tg-1", source: "publisher-site", publisher: "telegraaf.nl", sponsor: "PVV", text: "PVV: kies voor Nederland", label: "Politieke advertentie, betaald door PVV", notice_url: "https://notice.example/pvv", first_seen: "2026-02-20T09:00:00Z", last_seen: "2026-02-21T09:00:00Z" }),
    political: true, party: "PVV", findings: [] },
];

async function adId(store: Store, a: AdInput): Promise<number> {
  const row = await store.db.selectFrom("ad").select("id").where("source", "=", a.source).where("external_id", "=", a.id).executeTakeFirstOrThrow();
  return Number(row.id);
}

function capture(s: SeedAd, page: string): Capture {
  const c = s.capture!;
  return {
    ad: s.ad, notice: c.notice ?? null,
    sighting: {
      pageUrl: page, frameChain: [page], seenAt: s.ad.last_seen ?? "2026-03-01T00:00:00Z", viewport: { width: 1280, height: 800 }, userAgent: "polad-test",
      screenshotPng: PNG_1X1, html: c.html, links: [],
      labelStyles: s.ad.label ? [{ text: s.ad.label, visible: true, fontSizePx: 9, contrast: 1.6, inViewport: true, insideAd: true, behindInteraction: false }] : [],
    },
  };
}

/**
 * Seeds ads through the store's own functions (saveCapture for crawled ads with evidence, importAds
 * for library ads, saveVerdicts for verdicts and findings, refreshAggregates) plus a done and a failed crawl run.
 * Returns the ad ids by external id.
 */
export async function seedDashboard(store: Store, ads: SeedAd[] = STANDARD_ADS): Promise<Map<string, number>> {
  const { run } = await startOrResumeRun(store.db, { runKey: "seed-run", source: "publisher-site", params: {}, crawlerVersion: "test", clockStart: null });
  for (const s of ads.filter((x) => x.capture)) for (const p of s.capture!.pages) await saveCapture(store.db, store.evidenceDir, run.id, capture(s, p), "test");
  await finishRun(store.db, run.id, { status: "done", stats: {} });
  const failed = await startOrResumeRun(store.db, { runKey: "seed-failed", source: "meta-ad-library", params: {}, crawlerVersion: "test", clockStart: null });
  await finishRun(store.db, failed.run.id, { status: "failed", stats: {}, error: "quota" });
  await importAds(store.db, ads.filter((x) => !x.capture).map((x) => x.ad), new Date("2026-03-05T00:00:00Z"));
  const ids = new Map<string, number>();
  const verdicts = [];
  for (const s of ads) {
    const id = await adId(store, s.ad);
    ids.set(s.ad.id, id);
    const findings: Finding[] = s.findings.map(([rule, severity]) => ({ rule, severity, message: `${rule}: seeded finding for ${s.ad.id}` }));
    verdicts.push({ adId: id, verdict: { id: s.ad.id, political: s.political, score: s.political ? 0.9 : 0.1, decision: s.political ? "yes" as const : "no" as const, reasons: ["seed"], party: s.party, findings, ruleSet: "test-1" } });
  }
  await saveVerdicts(store.db, verdicts);
  // As classifyStored does after every classification: the pages read these aggregates.
  await refreshAggregates(store.db, { bans: PLATFORM_BANS });
  return ids;
}
