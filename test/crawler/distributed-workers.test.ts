import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adServer } from "../../sandbox/publisher/ad-server.js";
import { nieuwsdagblad } from "../../sandbox/publisher/nieuwsdagblad.js";
import { noticeHost } from "../../sandbox/publisher/notice-host.js";
import { startSandbox, type Sandbox } from "../../sandbox/server.js";
import { openTestStore, type TestStore } from "../support/store.js";
import { killGroup, queueEnv, startGroup, type Proc } from "./distributed-support.js";

describe.skipIf(!process.env.DATABASE_URL)("polad crawl --distributed with two polad worker processes on the Postgres server", () => {
  let sb: Sandbox;
  let store: TestStore;
  let env: NodeJS.ProcessEnv;
  let coordinator: Proc;
  let workers: Proc[] = [];
  let code: number | null;

  beforeAll(async () => {
    sb = await startSandbox({ replicas: [nieuwsdagblad, adServer, noticeHost] });
    store = await openTestStore();
    env = queueEnv(store, { leaseSeconds: 120 });
    coordinator = startGroup(["crawl", "--distributed", "--seed", `${sb.addrs["nieuwsdagblad"]}/`, "--allow-private", "--max-pages", "40"], env);
    workers = [startGroup(["worker", "--concurrency", "2"], env), startGroup(["worker", "--concurrency", "2"], env)];
    code = await coordinator.done;
    for (const w of workers) w.kill("SIGTERM");
    await Promise.all(workers.map((w) => w.done));
  }, 240_000);
  afterAll(async () => {
    for (const p of [coordinator, ...workers]) if (p) killGroup(p, "SIGKILL");
    if (env?.POLAD_QUEUE_SCHEMA) {
      const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await c.connect();
      await c.query(`drop schema if exists ${env.POLAD_QUEUE_SCHEMA} cascade`);
      await c.end();
    }
    await store?.close();
    await sb?.close();
  });

  it("finishes the run with every frontier item settled, classified by the coordinator", async () => {
    expect(code, coordinator.out()).toBe(0);
    expect(coordinator.out()).toMatch(/classified \d+ ads/);
    const runs = await store.db.selectFrom("crawl_run").select(["status"]).execute();
    expect(runs).toEqual([{ status: "done" }]);
    const open = await store.db.selectFrom("frontier").select("url").where("status", "in", ["pending", "in_progress"]).execute();
    expect(open).toEqual([]);
  });

  it("stores each reachable truth ad of the site once, with one observation", async () => {
    const rows = await store.db.selectFrom("ad").innerJoin("observation", "observation.ad_id", "ad.id").select(["ad.text"]).execute();
    const truth = sb.truth.filter((t) => t.replica === "nieuwsdagblad");
    for (const t of truth) expect(rows.filter((r) => (r.text ?? "").includes(t.match)).length, t.match).toBe(t.reachable ? 1 : 0);
    expect(rows.length).toBe(truth.filter((t) => t.reachable).length);
  });

  it("claims every frontier item exactly as often as the workers handled items: no item was taken by two workers", async () => {
    const handled = workers.map((w) => Number(/worker: (\d+) items handled/.exec(w.out())?.[1] ?? Number.NaN));
    for (const [i, n] of handled.entries()) expect(Number.isInteger(n), workers[i]!.out()).toBe(true);
    const claims = await store.db.selectFrom("frontier").select((eb) => eb.fn.sum<number>("attempts").as("n")).executeTakeFirstOrThrow();
    expect(handled.reduce((a, b) => a + b, 0)).toBe(Number(claims.n));
  });
});
