import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FetchedNotice } from "../../common/capture.js";
import { recordNoticeProbe } from "../../store/queries/notice-probes.js";
import { startOrResumeRun } from "../../store/queries/runs.js";
import { verifyRun } from "../../store/verify.js";
import { openTestStore, type TestStore } from "../support/store.js";

const fetched = (at: string, body = "<h1>Transparantieverklaring</h1><p>Opdrachtgever: Partij A</p>"): FetchedNotice => ({
  url: "https://politiekereclame.nl/v/1", finalUrl: "https://politiekereclame.nl/v/1", status: 200, headers: { "content-type": "text/html" },
  contentType: "text/html", body, redirects: [], fetchedAt: at, error: null,
});

/** A re-probe repeated after its commit's answer was lost (crawlDb repeats the call) is on record once. */
describe("notice probes", () => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openTestStore();
  });
  afterAll(async () => {
    await store?.close();
  });

  it("records the same fetch once, with its outcome, and a later fetch as a new probe", async () => {
    const { run } = await startOrResumeRun(store.db, { runKey: "probe-repeat", source: "notice-probe", params: {}, crawlerVersion: "t", clockStart: null });
    const first = fetched("2026-03-10T09:00:00.123Z");
    expect(await recordNoticeProbe(store.db, store.evidenceDir, run.id, first)).toBe("first");
    expect(await recordNoticeProbe(store.db, store.evidenceDir, run.id, first)).toBe("first");
    const probes = () => store.db.selectFrom("notice_probe").select(["outcome"]).where("crawl_run_id", "=", run.id).orderBy("id").execute();
    expect((await probes()).map((p) => p.outcome)).toEqual(["first"]);
    expect(await recordNoticeProbe(store.db, store.evidenceDir, run.id, fetched("2026-03-11T09:00:00.000Z"))).toBe("unchanged");
    expect(await recordNoticeProbe(store.db, store.evidenceDir, run.id, fetched("2026-03-12T09:00:00.000Z", "<h1>Andere tekst</h1>"))).toBe("changed");
    expect((await probes()).map((p) => p.outcome)).toEqual(["first", "unchanged", "changed"]);
    expect(await verifyRun(store, run.id)).toMatchObject({ ok: true, entries: 3 });
  });
});
