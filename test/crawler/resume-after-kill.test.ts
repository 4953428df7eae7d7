import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CrawlSummary } from "../../crawler/run.js";
import { openStore, type Store } from "../../store/db.js";
import { NIEUWSDAGBLAD_ADS } from "../../sandbox/publisher/ads.js";
import { startSandbox, type Sandbox } from "../../sandbox/server.js";
import { CHROMIUM, openTestStore, type TestStore } from "../support/crawl-store.js";

const CHILD = resolve(import.meta.dirname, "../support/crawl-child.ts");

/** Runs the crawl child; kills its whole process group (node and its Chromium) with SIGKILL after `killAfter` progress lines. */
function runChild(env: string, killAfter: number | null): Promise<{ code: number | null; signal: string | null; lines: string[] }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ["--import", "tsx", CHILD], { env: { ...process.env, POLAD_CHILD: env }, detached: true, stdio: ["ignore", "pipe", "inherit"] });
    const lines: string[] = [];
    let buf = "";
    child.stdout.on("data", (d: Buffer) => {
      buf += d.toString();
      const parts = buf.split("\n");
      buf = parts.pop() ?? "";
      lines.push(...parts);
      if (killAfter !== null && lines.filter((l) => l.startsWith("progress")).length >= killAfter && child.pid) process.kill(-child.pid, "SIGKILL");
    });
    child.on("error", fail);
    child.on("exit", (code, signal) => done({ code, signal, lines }));
  });
}

describe.skipIf(!existsSync(CHROMIUM))("a crawl killed with SIGKILL and run again", () => {
  let sb: Sandbox;
  let ts: TestStore;
  let store: Store;
  let second: { code: number | null; lines: string[] };
  let first: { signal: string | null };

  beforeAll(async () => {
    sb = await startSandbox();
    ts = await openTestStore();
    await ts.store.close(); // the child processes own the store now
    const full = sb.plans.find((p) => p.options.seeds?.[0]?.startsWith(sb.addrs["nieuwsdagblad"]!))!;
    const plan = { ...full, options: { ...full.options, maxPages: 5 } }; // five pages keep the two crawls short
    const env = JSON.stringify({ dataDir: ts.dataDir, databaseUrl: ts.databaseUrl, plan });
    first = await runChild(env, 1 + Math.floor(Math.random() * 3));
    second = await runChild(env, null);
    store = await openStore({ dataDir: ts.dataDir, databaseUrl: ts.databaseUrl });
    ts.store = store;
  }, 170_000);
  afterAll(async () => {
    await ts?.dispose();
    await sb?.close();
  });

  it("resumes the unfinished run from its frontier and finishes it", async () => {
    expect(first.signal).toBe("SIGKILL");
    expect(second.code).toBe(0);
    const summary = JSON.parse(second.lines.at(-1)!) as CrawlSummary;
    expect(summary.runs[0]!.resumed).toBe(true);
    const runs = await store.db.selectFrom("crawl_run").select(["id", "status"]).execute();
    expect(runs).toHaveLength(1);
    expect(runs[0]!.status).toBe("done");
    const open = await store.db.selectFrom("frontier").select("url").where("status", "in", ["pending", "in_progress"]).execute();
    expect(open).toEqual([]);
  });

  it("ends with the same ads and observations as an uninterrupted crawl, none doubled", async () => {
    // An uninterrupted crawl stores each ad on each crawled page exactly once (publisher-crawl.test.ts);
    // so the expectation is the sandbox's ads on the pages this run marked done.
    const done = (await store.db.selectFrom("frontier").select("url").where("status", "=", "done").execute()).map((r) => new URL(r.url).pathname);
    expect(done.length).toBeGreaterThanOrEqual(3);
    const expected = NIEUWSDAGBLAD_ADS.filter((a) => done.includes(a.page));
    expect(expected.length).toBeGreaterThan(2);
    const rows = await store.db.selectFrom("observation").innerJoin("ad", "ad.id", "observation.ad_id").select(["ad.text", "observation.page_url"]).execute();
    expect(rows).toHaveLength(expected.length);
    for (const a of expected) expect(rows.filter((r) => (r.text ?? "").includes(a.body) && new URL(r.page_url).pathname === a.page).length, a.id).toBe(1);
    expect(await store.db.selectFrom("ad").select("id").execute()).toHaveLength(expected.length);
  });
});
