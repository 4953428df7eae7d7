import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate, openStore, type Store } from "../../store/db.js";
import { adInputSchema } from "../../common/ad-input.js";
import { archiveNotice, importAds } from "../../store/queries/ads.js";
import { listNoticeProbes } from "../../store/queries/notice-probes.js";
import { claimDueEntry, listSourceHealth, upsertScheduleEntry } from "../../store/queries/schedule.js";
import { runPolad, type CliResult } from "../support/cli.js";
import { cliStores, type CliStores } from "../support/cli-stores.js";
import { openTestStore } from "../support/store.js";

/** A notice host whose answers the test changes between first sight and the re-probe. */
function noticeHost(answers: Map<string, { status: number; body: string }>): Promise<{ base: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const a = answers.get(req.url ?? "");
    if (req.url === "/robots.txt" || !a) return void res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    res.writeHead(a.status, { "content-type": "text/html; charset=utf-8" }).end(a.body);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({ base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((r) => server.close(() => r())) })));
}

const page = (title: string) => `<!doctype html><html lang="nl"><head><title>${title}</title></head><body><main><h1>${title}</h1><p>Geen advertenties.</p></main></body></html>`;

describe("polad schedule: re-crawls on an interval and re-probes archived notices", () => {
  let stores: CliStores;
  let env: NodeJS.ProcessEnv;
  let host: { base: string; close(): Promise<void> };
  const answers = new Map<string, { status: number; body: string }>();
  const open = async (): Promise<Store> => {
    const s = await openStore({ databaseUrl: env.DATABASE_URL || undefined, dataDir: env.POLAD_DATA_DIR! });
    await migrate(s.db);
    return s;
  };
  const polad = (args: string[]): Promise<CliResult> => runPolad(args, { env });
  let strict: CliResult;
  let first: CliResult;

  beforeAll(async () => {
    stores = cliStores("sched");
    const base = await stores.envFor("main");
    env = { ...base, POLAD_DATA_DIR: join(stores.dir, "main") };
    host = await noticeHost(answers);
    const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000).toISOString();
    const store = await open();
    for (const [path, body] of [["/n/same", "Verklaring A"], ["/n/gone", "Verklaring B"], ["/n/edited", "Verklaring C, versie 1"]] as const) {
      await archiveNotice(store.db, { url: `${host.base}${path}`, finalUrl: `${host.base}${path}`, status: 200, headers: {}, contentType: "text/html", body, redirects: [], fetchedAt: twoDaysAgo, error: null });
    }
    await importAds(store.db, [adInputSchema.parse({
      id: "d66-utrecht-1", source: "publisher", publisher: "nieuws.example", sponsor: "D66 Utrecht", text: "Stem op 18 maart op D66 in Utrecht: lijst 2 voor betaalbaar wonen.",
      label: `Politieke advertentie, gemeenteraadsverkiezingen 2026. Betaald door D66 Utrecht. ${host.base}/n/gone`, notice_url: `${host.base}/n/gone`, notice_status: 200,
      first_seen: "2026-03-01T09:00:00Z", last_seen: "2026-03-05T09:00:00Z",
    })], new Date("2026-03-05T09:00:00Z"));
    await store.close();
    answers.set("/n/same", { status: 200, body: "Verklaring A" });
    answers.set("/n/gone", { status: 404, body: "weg" });
    answers.set("/n/edited", { status: 200, body: "Verklaring C, versie 2" });
    answers.set("/site/", { status: 200, body: page("Nieuws") });
    // "a-strict" sorts first: its turn runs without --allow-private, so the loopback notices are refused, not probed.
    for (const args of [
      ["schedule", "add", "a-strict", "--notices", "--every", "1h"],
      ["schedule", "add", "b-probe", "--notices", "--every", "1h", "--allow-private"],
      ["schedule", "add", "c-site", "--source", "publisher", "--seed", `${host.base}/site/`, "--every", "6h", "--max-pages", "1", "--full-page"],
    ]) {
      const r = await polad(args);
      expect(r.code, r.stderr).toBe(0);
    }
    strict = await polad(["schedule", "run", "--once"]);
    first = strict;
  }, 600_000);

  afterAll(async () => {
    await host?.close();
    await stores?.cleanup();
  });

  it("runs every due entry once and reports each turn", () => {
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/turn a-strict: done/);
    expect(first.stdout).toMatch(/turn b-probe: done/);
    expect(first.stdout).toMatch(/turn c-site: done/);
    expect(first.stdout).toMatch(/schedule: 3 turn\(s\) run/);
  });

  it("records each re-probed notice as unchanged, changed or gone, archives the new versions and chains them", async () => {
    const store = await open();
    try {
      const outcome = async (path: string) => (await listNoticeProbes(store.db, `${host.base}${path}`)).map((p) => p.outcome);
      expect(await outcome("/n/same")).toEqual(["unchanged"]);
      expect(await outcome("/n/gone")).toEqual(["gone"]);
      expect(await outcome("/n/edited")).toEqual(["changed"]);
      const versions = await store.db.selectFrom("notice").select(["status", "body"]).where("url", "=", `${host.base}/n/edited`).orderBy("fetched_at").execute();
      expect(versions.map((v) => v.body)).toEqual(["Verklaring C, versie 1", "Verklaring C, versie 2"]);
      const gone = await store.db.selectFrom("notice").select("status").where("url", "=", `${host.base}/n/gone`).orderBy("fetched_at").execute();
      expect(gone.map((g) => g.status)).toEqual([200, 404]);
      const runs = await store.db.selectFrom("crawl_run").select(["id", "stats"]).where("source", "=", "notice-probe").orderBy("id").execute();
      expect(runs).toHaveLength(2);
      const [refused, probed] = runs.map((r) => (typeof r.stats === "string" ? JSON.parse(r.stats) : r.stats) as { errors: Record<string, number>; probes?: Record<string, number> });
      expect(refused!.errors).toEqual({ "refused-address": 3 });
      expect(refused!.probes).toBeUndefined();
      expect(probed!.probes).toEqual({ unchanged: 1, gone: 1, changed: 1 });
      const withdrawn = await store.db.selectFrom("finding").innerJoin("ad", "ad.id", "finding.ad_id").select(["ad.external_id", "finding.message"]).where("finding.rule", "=", "ttpa.12.notice-withdrawn").execute();
      expect(withdrawn.map((w) => w.external_id)).toEqual(["d66-utrecht-1"]);
      expect(withdrawn[0]!.message).toMatch(/answered HTTP 404 when polad visited it again on 20\d\d-/);
      const chain = await store.db.selectFrom("manifest_entry").select("kind").where("crawl_run_id", "=", runs[1]!.id).execute();
      expect(chain.map((c) => c.kind)).toEqual(["notice", "notice", "notice"]);
    } finally {
      await store.close();
    }
    const verify = await polad(["verify"]);
    expect(verify.code, verify.stdout + verify.stderr).toBe(0);
  });

  it("passes the crawl's evidence options on to each turn (--full-page here)", async () => {
    const store = await open();
    try {
      const runs = await store.db.selectFrom("crawl_run").select(["params"]).where("source", "=", "publisher").execute();
      expect(runs).toHaveLength(1);
      const params = (typeof runs[0]!.params === "string" ? JSON.parse(runs[0]!.params) : runs[0]!.params) as Record<string, unknown>;
      expect(params.fullPage).toBe(true);
      expect(params.screenshots).toBeUndefined();
    } finally {
      await store.close();
    }
    const bad = await polad(["schedule", "add", "d-bad", "--source", "publisher", "--seed", `${host.base}/site/`, "--every", "6h", "--screenshots", "some"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--screenshots: expected "political" or "all"/);
  });

  it("takes no turn before an entry's interval has passed, lists the entries and shows each source's health", async () => {
    const again = await polad(["schedule", "run", "--once"]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/schedule: 0 turn\(s\) run/);
    const list = await polad(["schedule", "list"]);
    expect(list.stdout).toMatch(/^b-probe\tnotices\tevery 1h\tlast success 20\d\d-.*\tlast done\tnext 20\d\d-/m);
    expect(list.stdout).toMatch(/^c-site\tpublisher\tevery 6h\t/m);
    const status = await polad(["status", "--check"]);
    expect(status.code, status.stdout + status.stderr).toBe(0);
    expect(status.stdout).toMatch(/^ok +\tpublisher\tlast success 20\d\d-.*\tevery 6h\tok$/m);
    expect(status.stdout).toMatch(/notices \(latest re-probe\): first 0, unchanged 1, changed 1, gone 1, back 0/);
  }, 300_000);

  it("refuses a bad interval, a missing kind and an unknown source with exit 2, naming the flag", async () => {
    const bad = await polad(["schedule", "add", "x", "--notices", "--every", "5x"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--every: expected a duration/);
    const none = await polad(["schedule", "add", "x", "--every", "1h"]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/either --source <id>.* or --notices/);
    const unknown = await polad(["schedule", "add", "x", "--source", "nope", "--every", "1h"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown source "nope"/);
    const missing = await polad(["schedule", "remove", "nope"]);
    expect(missing.code).toBe(2);
  }, 300_000);
});

describe("source health and turn claims in the store", () => {
  it("flags overdue scheduled sources, old unscheduled ones and never-successful ones; a turn is claimed once", async () => {
    const ts = await openTestStore();
    try {
      const now = new Date("2026-12-05T12:00:00Z");
      const h = (hours: number) => new Date(now.getTime() - hours * 3_600_000);
      const run = (source: string, status: string, finishedHoursAgo: number) =>
        ts.db.insertInto("crawl_run").values({ run_key: `${source}:${finishedHoursAgo}`, source, params: "{}", status, crawler_version: "t", started_at: h(finishedHoursAgo + 1), finished_at: h(finishedHoursAgo), clock_start: null, error: null }).execute();
      await run("fresh", "done", 1);
      await run("overdue", "done", 3);
      await run("old", "done", 240);
      await run("young", "done", 24);
      await run("broken", "failed", 1);
      for (const [name, source] of [["f", "fresh"], ["o", "overdue"]]) await upsertScheduleEntry(ts.db, { name: name!, kind: "crawl", plan: { source }, everySeconds: 3600, maxPages: 10, concurrency: 1 });
      const health = Object.fromEntries((await listSourceHealth(ts.db, now, 7 * 86_400)).map((x) => [x.source, x]));
      expect(health.fresh!.stale).toBe(false);
      expect(health.overdue!.stale).toBe(true);
      expect(health.overdue!.reason).toMatch(/no success for 3 h \(scheduled every 1 h\)/);
      expect(health.old!.stale).toBe(true);
      expect(health.young!.stale).toBe(false);
      expect(health.broken!.stale).toBe(true);
      expect(health.broken!.reason).toBe("never succeeded");
      await upsertScheduleEntry(ts.db, { name: "once", kind: "notices", plan: {}, everySeconds: 3600, maxPages: 10, concurrency: 1 });
      await ts.db.updateTable("schedule_entry").set({ last_started_at: now }).where("name", "in", ["f", "o"]).execute();
      const claims = await Promise.all([claimDueEntry(ts.db, now), claimDueEntry(ts.db, now)]);
      expect(claims.filter((c) => c !== undefined).map((c) => c!.name)).toEqual(["once"]);
      expect((await claimDueEntry(ts.db, new Date(now.getTime() + 3_600_000)))?.name).toBe("f");
    } finally {
      await ts.close();
    }
  });
});
