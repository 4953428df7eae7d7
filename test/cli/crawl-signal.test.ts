import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBenchSite, type BenchSite } from "../../sandbox/bench/site.js";
import { openStore } from "../../store/db.js";
import { CHROMIUM } from "../support/crawl-store.js";
import { REPO_ROOT, runPolad, type CliResult } from "../support/cli.js";

/**
 * `polad crawl` stopped with SIGTERM while its pages render (every page of the site has a political
 * ad, so each goes to the browser): it stops after the pages in flight, exits 1 saying the same
 * command resumes it, and the same command then finishes the run with
 * every ad stored once. Playwright's own SIGTERM handler used to close the browser and leave the
 * crawl running without it.
 */
describe.skipIf(!existsSync(CHROMIUM) || !!process.env.DATABASE_URL)("polad crawl stopped by a signal", () => {
  let site: BenchSite;
  const dir = mkdtempSync(join(tmpdir(), "polad-signal-"));
  const env = { DATABASE_URL: "", POLAD_DATA_DIR: join(dir, "store"), POLAD_LOG_LEVEL: "info", POLAD_CHROMIUM: CHROMIUM };
  let args: string[] = [];

  beforeAll(async () => {
    site = await startBenchSite({ pages: 40, scripted: false, politicalEvery: 1 });
    args = ["crawl", ...site.urls.flatMap((u) => ["--seed", u]), "--max-pages", "40", "--concurrency", "2"];
  });
  afterAll(async () => {
    await site?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("stops after the pages in flight, exits 1, and the same command finishes the run", async () => {
    const stopped = await new Promise<CliResult & { afterSignalMs: number }>((resolve, reject) => {
      const child = spawn(process.execPath, [join(REPO_ROOT, "bin", "polad.js"), ...args], { cwd: REPO_ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
      let stdout = "";
      let stderr = "";
      let sentAt = 0;
      child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
      child.stderr.on("data", (d: Buffer) => {
        stderr += d.toString();
        // The first progress line comes after 10 pages, each rendered: the browser is in use.
        if (!sentAt && stderr.includes('"crawl progress"')) {
          sentAt = Date.now();
          child.kill("SIGTERM");
        }
      });
      const timer = setTimeout(() => child.kill("SIGKILL"), 120_000);
      child.on("error", reject);
      child.on("close", (code, signal) => {
        clearTimeout(timer);
        resolve({ code, signal, stdout, stderr, afterSignalMs: Date.now() - sentAt });
      });
    });
    expect(stopped.signal).toBeNull();
    expect(stopped.code).toBe(1);
    expect(stopped.stderr).toContain("SIGTERM: stopping the crawl");
    expect(stopped.stderr).toContain("the same command resumes it");
    expect(stopped.afterSignalMs).toBeLessThan(30_000);
    const store = await openStore({ dataDir: env.POLAD_DATA_DIR });
    try {
      const runs = await store.db.selectFrom("crawl_run").select(["id", "status"]).execute();
      expect(runs.map((r) => r.status)).toEqual(["interrupted"]);
      const done = await store.db.selectFrom("frontier").select("url").where("status", "=", "done").execute();
      expect(done.length).toBeGreaterThanOrEqual(10);
      expect(done.length).toBeLessThan(40);
    } finally {
      await store.close();
    }

    const again = await runPolad(args, { env, timeoutMs: 180_000 });
    expect(again.code, again.stderr.slice(-2000)).toBe(0);
    const after = await openStore({ dataDir: env.POLAD_DATA_DIR });
    try {
      expect((await after.db.selectFrom("crawl_run").select("status").execute()).map((r) => r.status)).toEqual(["done"]);
      const obs = await after.db.selectFrom("observation").select(["ad_id", "page_url"]).execute();
      expect(obs).toHaveLength(40 * 3);
      expect(new Set(obs.map((o) => `${o.ad_id} ${o.page_url}`)).size).toBe(40 * 3);
    } finally {
      await after.close();
    }
  }, 300_000);
});
