// Dashboard benchmark on the Postgres server: loads N ads with 3 findings each (generated in the database, kept between
// runs when the counts match), refreshes the aggregates, then times each page through fastify.inject (p50/p95 over
// repeated requests) against its floor: the same SQL the page sent, replayed alone, one query after another. Page and
// floor runs alternate, so a change in the shared machine's load hits both alike (timed one block after the other, a
// page whose SQL takes 1 ms could read 2.5x or 1.2x depending on what else ran in its block). Last, the
// CSV export of a party's findings at N/100 and N/10 rows (10,000 and 100,000 at 1M), each streamed and buffered in a
// fresh child process (bench/export-memory.ts): peak RSS over the process's RSS before, and how it grows with size.
// Usage: DATABASE_URL=postgres://postgres@127.0.0.1:5432/polad_bench_dash npx tsx bench/dashboard.ts [N=1000000] [--reload]
import { execFileSync, execSync } from "node:child_process";
import { CompiledQuery, Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import pino from "pino";
import { createDashboard } from "../dashboard/server.js";
import { migrate, type Store } from "../store/db.js";
import { PLATFORM_BANS } from "../dashboard/platform-bans.js";
import { refreshAggregates } from "../store/queries/dashboard-aggregates.js";
import { countBenchData, deleteBenchData, findBenchAdId, findBenchExportDay, generateBenchData } from "../store/queries/dashboard-bench.js";
import type { Database } from "../store/schema.js";

const N = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 1_000_000);
const RELOAD = process.argv.includes("--reload");
const RUNS = 40;
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

/** A page's times and its floor's (the page's SQL, captured from one request and replayed alone), run by turns. */
async function pageAndFloor(request: () => Promise<unknown>): Promise<{ times: number[]; floor: number[]; queries: number }> {
  captured = [];
  await request();
  const queries = captured;
  captured = undefined;
  const times: number[] = [];
  const floor: number[] = [];
  await timeRuns(async () => {
    let t = performance.now();
    await request();
    times.push(performance.now() - t);
    t = performance.now();
    for (const q of queries) await db.executeQuery(q);
    floor.push(performance.now() - t);
  });
  return { times, floor, queries: queries.length };
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
    // Rare terms (one ad), so the trigram index has to find them ("verkiezingen" is in every ad's text); the first
    // also holds a word every ad has, whose trigrams' long posting lists the index must still intersect.
    `/ads?q=${encodeURIComponent(`Advertentie ${Math.floor(N * 0.4242)}:`)}`, `/ads?q=${Math.floor(N * 0.4242)}`, `/findings?q=${Math.floor(N * 0.4242)}`,
    "/findings?from=2026-01-01", "/enforcement", `/ads/${adId}`, "/api/overview"];
  console.log(`${"page".padEnd(36)} code   p50 ms   p95 ms  sql p50  sql p95  queries  p50/sql  runs`);
  for (const path of pages) {
    let status = 0;
    const req = async () => { status = (await app.inject({ method: "GET", url: path })).statusCode; };
    await req();
    const { times, floor, queries } = await pageAndFloor(req);
    const [p50, p95, f50, f95] = [pct(times, 0.5), pct(times, 0.95), pct(floor, 0.5), pct(floor, 0.95)];
    const label = path.includes("after=") ? `${path.replace(/[?&]after=[^&]*|[?&]page=\d+/g, "")} p20 via next` : path;
    console.log(`${label.padEnd(36)} ${String(status).padEnd(4)} ${p50.toFixed(1).padStart(8)} ${p95.toFixed(1).padStart(8)} ${f50.toFixed(1).padStart(8)} ${f95.toFixed(1).padStart(8)} ${String(queries).padStart(8)} ${(p50 / f50).toFixed(2).padStart(7)}x ${String(times.length).padStart(5)}`);
  }
  await app.close();
  await exportMemory();
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

/**
 * A party's findings exported as CSV at N/100 and N/10 rows, streamed (the dashboard's route) and buffered (the whole
 * CSV built first), each in a fresh process: "streamed, memory flat" is shown when the streamed peak stays put as the
 * export grows tenfold while the buffered one grows with it.
 */
async function exportMemory(): Promise<void> {
  const child = new URL("./export-memory.ts", import.meta.url).pathname;
  const mb = (b: number) => (b / 1048576).toFixed(0);
  type Run = { mode: string; metric: string; rows: number; bytes: number; ms: number; before: number; peak: number };
  const runs: Run[] = [];
  for (const size of [Math.floor(N / 100), Math.floor(N / 10)]) {
    const day = await findBenchExportDay(db, { source: SOURCE, party: "PVV", rows: size });
    const query = `party=PVV&source=${SOURCE}${day ? `&to=${day}` : ""}`;
    for (const metric of ["rss", "live"]) {
      for (const mode of ["stream", "buffer"]) {
        const out = execFileSync(process.execPath, [...process.execArgv, "--expose-gc", child, mode, "findings", query, metric], { env: process.env, encoding: "utf8", maxBuffer: 1 << 20 });
        const r = JSON.parse(out.trim().split("\n").pop()!) as Run;
        runs.push(r);
        console.log(`export findings.csv?${query} ${mode.padEnd(6)} ${metric.padEnd(4)} ${String(r.rows).padStart(7)} rows ${mb(r.bytes).padStart(3)} MB ${String(r.ms).padStart(6)} ms; ${metric === "rss" ? "RSS" : "live"} ${mb(r.before)} MB before, peak +${mb(r.peak - r.before)} MB  ${load()}`);
      }
    }
  }
  for (const metric of ["rss", "live"]) {
    const growth = (mode: string) => {
      const [small, large] = runs.filter((r) => r.mode === mode && r.metric === metric);
      return { small: small!.peak - small!.before, large: large!.peak - large!.before, rows: large!.rows / small!.rows };
    };
    const st = growth("stream");
    const bu = growth("buffer");
    console.log(`export ${metric === "rss" ? "peak RSS" : "peak live memory"} over before, ${st.rows.toFixed(1)}x the rows: streamed +${mb(st.small)} → +${mb(st.large)} MB (${(st.large / st.small).toFixed(2)}x), buffered +${mb(bu.small)} → +${mb(bu.large)} MB (${(bu.large / bu.small).toFixed(2)}x); at the larger size buffered/streamed = ${(bu.large / st.large).toFixed(1)}x`);
  }
}
