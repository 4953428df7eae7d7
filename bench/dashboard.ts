// Dashboard benchmark on the Postgres server: loads N ads with 3 findings each (generated in the database, kept between
// runs when the counts match), refreshes the aggregates, then times each page through fastify.inject (p50/p95 over
// repeated requests) against its floor: the same SQL the page sent, replayed alone, one query after another. Last, a
// 100,000-row CSV export over real HTTP, with the process's peak RSS while it streams.
// Usage: DATABASE_URL=postgres://postgres@127.0.0.1:5432/polad_bench_dash npx tsx bench/dashboard.ts [N=1000000] [--reload]
import { execSync } from "node:child_process";
import { CompiledQuery, Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import pino from "pino";
import { createDashboard } from "../dashboard/server.js";
import { migrate, type Store } from "../store/db.js";
import { PLATFORM_BANS } from "../dashboard/platform-bans.js";
import { refreshAggregates } from "../store/queries/dashboard-aggregates.js";
import { countBenchData, deleteBenchData, findBenchAdId, generateBenchData } from "../store/queries/dashboard-bench.js";
import type { Database } from "../store/schema.js";

const N = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 1_000_000);
const RELOAD = process.argv.includes("--reload");
const RUNS = 20;
const BUDGET_MS = 20_000;
const SOURCE = "bench";
const PARTIES = ["VVD", "PVV", "GroenLinks-PvdA", "NSC", "D66", "CDA", "SP", "BBB", "JA21", "FvD", "PvdD", "ChristenUnie", "SGP", "Volt", "DENK"];
const PUBLISHERS = ["Facebook", "Instagram", "YouTube", "nu.nl", "telegraaf.nl", "ad.nl", "at5.nl", "rtl.nl", "dumpert.nl", "linkedin.com"];
const RULES: Array<[string, string]> = [
  ["ttpa.11-1-a.label-missing", "high"], ["ttpa.11-1-b.sponsor-missing", "high"], ["ttpa.11-1-e.notice-missing", "high"],
  ["ttpa.12-1.notice-incomplete", "medium"], ["ttpa.11-1-c.election-missing", "medium"], ["platform.political-ad-ban", "medium"],
];

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("bench/dashboard.ts measures the Postgres server: set DATABASE_URL=postgres://…/<a database of its own>");
  process.exit(2);
}
const load = () => execSync("uptime").toString().trim().replace(/.*load/, "load");
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;

async function ensureDatabase(u: string): Promise<void> {
  const name = new URL(u).pathname.slice(1);
  const admin = new pg.Client({ connectionString: Object.assign(new URL(u), { pathname: "/postgres" }).toString() });
  await admin.connect();
  const { rowCount } = await admin.query("select 1 from pg_database where datname = $1", [name]);
  if (!rowCount) await admin.query(`create database "${name.replace(/"/g, "")}"`);
  await admin.end();
}

await ensureDatabase(url);
let captured: CompiledQuery[] | undefined;
const pool = new pg.Pool({ connectionString: url, max: 8 });
const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log: (e) => { if (e.level === "query") captured?.push(e.query); } });
const store: Store = { db, kind: "server", evidenceDir: "/nonexistent-bench-evidence", close: () => db.destroy() };

async function timeRuns(fn: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  const start = performance.now();
  while (times.length < RUNS && (times.length < 5 || performance.now() - start < BUDGET_MS)) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return times;
}

/** The page's SQL, captured from one request and replayed alone. */
async function sqlFloor(request: () => Promise<unknown>): Promise<{ times: number[]; queries: number }> {
  captured = [];
  await request();
  const queries = captured;
  captured = undefined;
  const times = await timeRuns(async () => { for (const q of queries) await db.executeQuery(q); });
  return { times, queries: queries.length };
}

try {
  console.log(`start: ${load()}`);
  await migrate(db);
  let t = performance.now();
  const have = await countBenchData(db, SOURCE);
  if (RELOAD || have.ads !== N || have.findings !== 3 * N) {
    await deleteBenchData(db, SOURCE);
    await generateBenchData(db, { ads: N, parties: PARTIES, publishers: PUBLISHERS, rules: RULES, source: SOURCE }, (done) => process.stdout.write(`\rloaded ${done} ads`));
    console.log(`\nloaded ${N} ads, ${3 * N} findings in ${((performance.now() - t) / 1000).toFixed(1)} s (${load()})`);
  } else console.log(`reusing ${have.ads} ads, ${have.findings} findings`);
  t = performance.now();
  await refreshAggregates(db, { bans: PLATFORM_BANS });
  console.log(`refreshAggregates: ${((performance.now() - t) / 1000).toFixed(1)} s`);

  const app = await createDashboard({ store, log: pino({ level: "silent" }) });
  const adId = await findBenchAdId(db, SOURCE, `b-${N >> 1}`);
  const pages = ["/", "/parties", "/publishers", "/parties/VVD", "/publishers/Facebook", "/rules", "/findings?severity=high&party=VVD",
    "/ads?party=VVD&page=20", await deepPage(app, "/ads?party=VVD", 20), "/findings?severity=high", "/ads?q=verkiezingen&party=VVD",
    "/findings?from=2026-01-01", "/enforcement", `/ads/${adId}`, "/api/overview"];
  console.log(`${"page".padEnd(36)} code   p50 ms   p95 ms  sql p50  sql p95  queries  p50/sql  runs`);
  for (const path of pages) {
    let status = 0;
    const req = async () => { status = (await app.inject({ method: "GET", url: path })).statusCode; };
    await req();
    const times = await timeRuns(req);
    const floor = await sqlFloor(req);
    const [p50, p95, f50, f95] = [pct(times, 0.5), pct(times, 0.95), pct(floor.times, 0.5), pct(floor.times, 0.95)];
    const label = path.includes("after=") ? `${path.replace(/[?&]after=[^&]*|[?&]page=\d+/g, "")} p20 via next` : path;
    console.log(`${label.padEnd(36)} ${String(status).padEnd(4)} ${p50.toFixed(1).padStart(8)} ${p95.toFixed(1).padStart(8)} ${f50.toFixed(1).padStart(8)} ${f95.toFixed(1).padStart(8)} ${String(floor.queries).padStart(8)} ${(p50 / f50).toFixed(2).padStart(7)}x ${String(times.length).padStart(5)}`);
  }
  await exportRun(app);
  await app.close();
  console.log(`end: ${load()}`);
} finally {
  await store.close();
}

/** The URL of page `n` of a list reached by following its keyset "next" links, as a reader would. */
async function deepPage(app: Awaited<ReturnType<typeof createDashboard>>, first: string, n: number): Promise<string> {
  let path = first;
  for (let i = 1; i < n; i++) {
    const body = (await app.inject({ method: "GET", url: path })).body;
    const href = /<a rel="next" href="([^"]+)"/.exec(body)?.[1];
    if (!href) throw new Error(`no next link on ${path}`);
    path = href.replace(/&amp;/g, "&").replace(/&#124;|&#x7c;/gi, "|");
  }
  return path;
}

async function exportRun(app: Awaited<ReturnType<typeof createDashboard>>): Promise<void> {
  const path = "/export/findings.csv?party=PVV";
  const base = await app.listen({ port: 0, host: "127.0.0.1" });
  const get = async () => {
    const res = await fetch(`${base}${path}`);
    let bytes = 0;
    let lines = 0;
    for await (const part of res.body as unknown as AsyncIterable<Uint8Array>) {
      bytes += part.length;
      for (const b of part) if (b === 10) lines++;
    }
    return { bytes, lines };
  };
  globalThis.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 5);
  let out = { bytes: 0, lines: 0 };
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const s = performance.now();
    out = await get();
    times.push(performance.now() - s);
  }
  clearInterval(sampler);
  const floor = await sqlFloor(get);
  const mb = (b: number) => (b / 1048576).toFixed(0);
  console.log(`${path}: ${out.lines - 1} rows, ${mb(out.bytes)} MB; p50 ${pct(times, 0.5).toFixed(0)} ms over ${times.length} runs; sql alone ${pct(floor.times, 0.5).toFixed(0)} ms (${floor.queries} keyset batches); RSS ${mb(rssBefore)} MB before, peak ${mb(peak)} MB while streaming (+${mb(peak - rssBefore)} MB)`);
}
