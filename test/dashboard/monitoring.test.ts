import type { FastifyInstance } from "fastify";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adInputSchema } from "../../common/ad-input.js";
import { createDashboard } from "../../dashboard/server.js";
import { importAds } from "../../store/queries/ads.js";
import { clusterCreatives } from "../../store/queries/creatives.js";
import { recordNoticeProbe } from "../../store/queries/notice-probes.js";
import { finishRun, startOrResumeRun } from "../../store/queries/runs.js";
import { seedDashboard, NOTICE } from "../support/dashboard-seed.js";
import { openTestStore, type TestStore } from "../support/store.js";

const TEXT = "Stem op 18 maart op GroenLinks-PvdA in Utrecht. Samen voor een eerlijke en groene stad, lijst 3.";

describe("dashboard: creatives, notice re-probes and stale sources", () => {
  let store: TestStore;
  let app: FastifyInstance;
  let ids: Map<string, number>;
  let variant: number;
  beforeAll(async () => {
    store = await openTestStore();
    ids = await seedDashboard(store);
    await importAds(store.db, [
      adInputSchema.parse({ id: "var-1", source: "meta-ad-library", publisher: "Facebook", sponsor: "GroenLinks-PvdA", text: TEXT }),
      adInputSchema.parse({ id: "var-2", source: "google-ads-transparency", publisher: "Google", sponsor: "GroenLinks-PvdA", text: TEXT.replace("Utrecht", "Amersfoort").replace("18", "19") }),
    ], new Date("2026-03-05T00:00:00Z"));
    await clusterCreatives(store.db);
    variant = Number((await store.db.selectFrom("ad").select("id").where("external_id", "=", "var-2").executeTakeFirstOrThrow()).id);
    // The seeded notice, visited again: gone.
    const { run } = await startOrResumeRun(store.db, { runKey: "notice-probe:test", source: "notice-probe", params: {}, crawlerVersion: "test", clockStart: null });
    await recordNoticeProbe(store.db, store.evidenceDir, Number(run.id), { ...NOTICE, status: 404, body: "weg", fetchedAt: "2026-06-01T03:00:00.000Z", error: "http-404" });
    await finishRun(store.db, Number(run.id), { status: "done", stats: {} });
    // A source whose only run failed: stale.
    const { run: failed } = await startOrResumeRun(store.db, { runKey: "tiktok:test", source: "tiktok-ad-library", params: {}, crawlerVersion: "test", clockStart: null });
    await finishRun(store.db, Number(failed.id), { status: "failed", stats: {}, error: "tiktok-api: access_token_invalid" });
    app = await createDashboard({ store, log: pino({ level: "silent" }) });
  });
  afterAll(async () => {
    await app?.close();
    await store?.close();
  });

  it("lists the other ads of the same creative on an ad's page", async () => {
    const r = await app.inject({ method: "GET", url: `/ads/${variant}?lang=en` });
    expect(r.statusCode).toBe(200);
    const section = r.body.slice(r.body.indexOf("Same creative"));
    expect(section).toMatch(/meta-ad-library · <code>var-1<\/code>/);
    const other = await app.inject({ method: "GET", url: `/ads/${ids.get("nu-1")}?lang=en` });
    expect(other.body).not.toContain("Same creative");
  });

  it("shows the notice's re-probes with their outcome", async () => {
    const r = await app.inject({ method: "GET", url: `/ads/${ids.get("nu-2")}?lang=en` });
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain("Visited again later");
    expect(r.body).toMatch(/<span class="probe-gone">gone<\/span>/);
  });

  it("flags a source that never succeeded as stale on the overview", async () => {
    const r = await app.inject({ method: "GET", url: "/?lang=en" });
    expect(r.statusCode).toBe(200);
    const sources = r.body.slice(r.body.indexOf("Sources: last successful run"));
    expect(sources).toMatch(/tiktok-ad-library<\/td>.*<span class="sev-high">stale<\/span>: never succeeded/s);
    expect(sources).toMatch(/notice-probe<\/td>.*?<td>yes<\/td>/s);
  });
});
