import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../sandbox/server.js";
import { runPolad } from "../support/cli.js";
import { postgresBinDir, startPrivatePostgres, type PrivatePostgres } from "../support/private-postgres.js";
import { exited, startPolad } from "../support/spawn-polad.js";
import { CHROMIUM } from "../sources/serve-replica.js";

// The server restarted here is the test's own (initdb in a temp dir), so no other test is disturbed; the
// file still runs only with the other restart tests: `POLAD_RESTART_TESTS=1 npx vitest run test/reliability/pg-restart-crawl.test.ts` (.ci/run does).
const enabled = process.env.POLAD_RESTART_TESTS === "1" && postgresBinDir() !== null;

async function query<T>(url: string, text: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(text)).rows as T[];
  } finally {
    await c.end();
  }
}

/** Frontier items of the store's (only) run by status; an empty object before the crawl has created its tables. */
async function frontier(url: string): Promise<Record<string, number>> {
  const rows = await query<{ status: string; n: number }>(url, "select status, count(*)::int as n from frontier group by status").catch(() => []);
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

/**
 * What a crawl stored, by stable keys and content hashes (no ids, no times): each ad, its sightings,
 * verdict and findings, the notices, and how every frontier item ended.
 */
async function fingerprint(url: string): Promise<Record<string, unknown[]>> {
  const key = "a.source || ':' || a.external_id";
  const q = (text: string) => query<Record<string, unknown>>(url, text);
  return {
    ads: await q(`select ${key} as ad, a.content_hash, a.sponsor, a.label, a.notice_url, a.notice_status, a.country, p.name as publisher from ad a join publisher p on p.id = a.publisher_id order by 1`),
    observations: await q(`select ${key} as ad, o.page_url, o.frame_chain::text, o.links::text, o.label_styles::text from observation o join ad a on a.id = o.ad_id order by 1, 2`),
    verdicts: await q(`select ${key} as ad, v.political, v.decision, v.party, v.score, v.reasons::text, v.rule_set from verdict v join ad a on a.id = v.ad_id order by 1`),
    findings: await q(`select ${key} as ad, f.rule, f.severity, f.message from finding f join ad a on a.id = f.ad_id order by 1, 2, 4`),
    notices: await q("select url, final_url, status, content_type, body, error from notice order by 1, 3, 5"),
    frontier: await q("select url, status, reason from frontier order by 1"),
    runs: await q("select source, run_key, status, error, finished_at is not null as finished from crawl_run order by 1"),
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until the crawl has finished `n` items (and fails if it ended first); returns the frontier at that moment. */
async function untilDone(child: ReturnType<typeof startPolad>, url: string, n: number): Promise<Record<string, number>> {
  let seen: Record<string, number> = {};
  while (child.exitCode === null && (seen.done ?? 0) < n) {
    seen = await frontier(url);
    await sleep(50);
  }
  expect(child.exitCode, child.out()).toBeNull();
  return seen;
}

describe.skipIf(!enabled)("the Postgres server restarts in the middle of a crawl", () => {
  let server: PrivatePostgres;
  let sandbox: Sandbox;
  const dir = mkdtempSync(join(tmpdir(), "polad-restart-crawl-"));
  const dbUrl = (name: string) => server.url.replace(/\/postgres$/, `/${name}`);
  const envFor = async (name: string): Promise<NodeJS.ProcessEnv> => {
    await query(server.url, `create database ${name}`);
    return { DATABASE_URL: dbUrl(name), POLAD_DATA_DIR: join(dir, name), POLAD_CHROMIUM: CHROMIUM, POLAD_LOG_LEVEL: "warn" };
  };
  const crawlArgs = () => ["crawl", "--seed", `${sandbox.addrs["nieuwsdagblad"]}/`, "--allow-private", "--max-pages", "30", "--concurrency", "2"];

  let want: Record<string, unknown[]>;

  // The reference: an undisturbed crawl of the same sandbox on the same server.
  beforeAll(async () => {
    server = await startPrivatePostgres();
    sandbox = await startSandbox();
    const clean = await runPolad(crawlArgs(), { env: await envFor("clean"), timeoutMs: 300_000 });
    expect(clean.code, clean.stderr.slice(-2000)).toBe(0);
    want = await fingerprint(dbUrl("clean"));
  }, 400_000);
  afterAll(async () => {
    await sandbox?.close();
    server?.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it("polad crawl waits, reconnects, finishes, and stores what an undisturbed crawl stores", { timeout: 600_000 }, async () => {
    expect(want.ads!.length).toBeGreaterThan(5);
    expect(want.findings!.length).toBeGreaterThan(0);

    const child = startPolad(crawlArgs(), await envFor("disturbed"));
    const before = await untilDone(child, dbUrl("disturbed"), 2);
    server.stop();
    // Keep the server down until the crawl has met the outage several times (or has ended, as it did before the fix).
    const waits = () => child.out().match(/database unreachable; waiting/g)?.length ?? 0;
    for (let i = 0; i < 1200 && child.exitCode === null && waits() < 3; i++) await sleep(50);
    server.start();
    const code = await exited(child);
    expect(code, child.out().slice(-3000)).toBe(0);
    expect(waits()).toBeGreaterThanOrEqual(3);

    const after = await frontier(dbUrl("disturbed"));
    const total = Object.values(after).reduce((a, b) => a + b, 0);
    expect(before.done).toBeGreaterThanOrEqual(2);
    expect(after.done ?? 0, "items done after the restart").toBeGreaterThan(before.done ?? 0);
    expect(before.done! + (before.failed ?? 0), "items still to do at the restart").toBeLessThan(total);
    const got = await fingerprint(dbUrl("disturbed"));
    expect(got.runs).toEqual([expect.objectContaining({ status: "done", finished: true })]);
    expect(got).toEqual(want);
  });

  it("polad crawl gives up after the configured wait naming the database, fails no item for it, and the same command then resumes", { timeout: 600_000 }, async () => {
    const env = { ...(await envFor("gone")), POLAD_DB_RETRY_SECONDS: "3" };
    const child = startPolad(crawlArgs(), env);
    await untilDone(child, dbUrl("gone"), 2);
    server.stop();
    const code = await exited(child);
    server.start();
    expect(code, child.out().slice(-3000)).not.toBe(0);
    expect(child.out()).toContain(`the database ${new URL(dbUrl("gone")).host}/gone stayed unreachable for`);
    const stopped = await fingerprint(dbUrl("gone"));
    // The run is left open for the same command; no item was failed because of the database.
    expect(stopped.runs).toEqual([expect.objectContaining({ status: "running", finished: false })]);
    const reasons = (f: Record<string, unknown[]>) => new Set(f.frontier!.map((r) => (r as { reason: string | null }).reason).filter(Boolean));
    expect([...reasons(stopped)].filter((r) => !reasons(want).has(r))).toEqual([]);

    const again = await runPolad(crawlArgs(), { env, timeoutMs: 300_000 });
    expect(again.code, again.stderr.slice(-2000)).toBe(0);
    expect(again.stdout).toMatch(/done \(resumed\)/);
    expect(await fingerprint(dbUrl("gone"))).toEqual(want);
  });
});
