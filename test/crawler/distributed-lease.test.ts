import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Replica } from "../../sandbox/replica.js";
import { adServer } from "../../sandbox/publisher/ad-server.js";
import { nieuwsdagblad } from "../../sandbox/publisher/nieuwsdagblad.js";
import { noticeHost } from "../../sandbox/publisher/notice-host.js";
import { startSandbox, type Sandbox } from "../../sandbox/server.js";
import { openTestStore, type TestStore } from "../support/store.js";
import { killGroup, queueEnv, startGroup, type Proc } from "./distributed-support.js";

const STALL = "/nieuws/fietsbrug-rotterdam";

/** The publisher, except that the first request for one article never gets an answer: the worker holding it is then killed. */
function stallingPublisher(onStall: () => void): Replica {
  let stalled = false;
  return {
    ...nieuwsdagblad,
    handle(req, res, addrs) {
      if (new URL(req.url ?? "/", "http://x").pathname === STALL && !stalled) {
        stalled = true;
        onStall();
        return; // no answer: the worker sits on this item until it is killed
      }
      return nieuwsdagblad.handle(req, res, addrs);
    },
  };
}

describe.skipIf(!process.env.DATABASE_URL)("a worker SIGKILLed mid-task: another worker takes the task after the lease", () => {
  let sb: Sandbox;
  let store: TestStore;
  let env: NodeJS.ProcessEnv;
  let coordinator: Proc;
  let first: Proc;
  let second: Proc | undefined;
  let code: number | null;
  let stalledItem: { status: string; attempts: number } | undefined;

  beforeAll(async () => {
    let stalled!: () => void;
    const stall = new Promise<void>((resolve) => (stalled = resolve));
    sb = await startSandbox({ replicas: [stallingPublisher(() => stalled()), adServer, noticeHost] });
    store = await openTestStore();
    env = queueEnv(store, { leaseSeconds: 20 });
    coordinator = startGroup(["crawl", "--distributed", "--seed", `${sb.addrs["nieuwsdagblad"]}/`, "--allow-private", "--max-pages", "40"], env);
    first = startGroup(["worker", "--concurrency", "2"], env);
    await stall;
    stalledItem = await store.db.selectFrom("frontier").select(["status", "attempts"]).where("url", "like", `%${STALL}`).executeTakeFirst();
    killGroup(first, "SIGKILL");
    await first.done;
    second = startGroup(["worker", "--concurrency", "2"], env);
    code = await coordinator.done;
    second.kill("SIGTERM");
    await second.done;
  }, 240_000);
  afterAll(async () => {
    for (const p of [coordinator, first, second]) if (p) killGroup(p, "SIGKILL");
    if (env?.POLAD_QUEUE_SCHEMA) {
      const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await c.connect();
      await c.query(`drop schema if exists ${env.POLAD_QUEUE_SCHEMA} cascade`);
      await c.end();
    }
    await store?.close();
    await sb?.close();
  });

  it("the killed worker held the task when it died", () => {
    expect(stalledItem).toEqual({ status: "in_progress", attempts: 1 });
  });

  it("the second worker finished the task after the lease ran out, and the run completed", async () => {
    expect(code, coordinator.out()).toBe(0);
    const row = await store.db.selectFrom("frontier").select(["status", "attempts"]).where("url", "like", `%${STALL}`).executeTakeFirstOrThrow();
    expect(row.status).toBe("done");
    expect(row.attempts).toBeGreaterThanOrEqual(2);
    const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await c.connect();
    const jobs = await c.query<{ retry_count: number; state: string }>(`select retry_count, state from ${env.POLAD_QUEUE_SCHEMA}.job where singleton_key like $1`, [`%${STALL}`]);
    await c.end();
    expect(jobs.rows.some((j) => j.retry_count >= 1 && j.state === "completed"), JSON.stringify(jobs.rows)).toBe(true);
  });

  it("stores each ad of the stalled page once, and every reachable truth ad once", async () => {
    const rows = await store.db.selectFrom("ad").innerJoin("observation", "observation.ad_id", "ad.id").select(["ad.text"]).execute();
    const truth = sb.truth.filter((t) => t.replica === "nieuwsdagblad");
    for (const t of truth) expect(rows.filter((r) => (r.text ?? "").includes(t.match)).length, t.match).toBe(t.reachable ? 1 : 0);
  });
});
