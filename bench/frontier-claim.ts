/**
 * Frontier claim benchmark: what a claim of 12 items (and settling them) costs as the frontier grows,
 * with the claim index (migration 0009) and without it (the plan before: every pending item of the
 * run sorted on each claim). Embedded store in a temp dir, then the server when BENCH_DATABASE_URL
 * names one (a fresh database polad_bench_frontier is made there and dropped). On demand only.
 *   npx tsx bench/frontier-claim.ts [--sizes 1000,100000] [--claims 200]
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/frontier-claim.ts
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { sql } from "kysely";
import pg from "pg";
import { migrate, openStore, type Store } from "../store/db.js";
import { claimFrontier, settleFrontier, startOrResumeRun } from "../store/queries/runs.js";

const { values } = parseArgs({ options: { sizes: { type: "string", default: "1000,100000" }, claims: { type: "string", default: "200" } } });
const sizes = values.sizes.split(",").map(Number);
const claims = Number(values.claims);

/** Mean ms of one claim of 12 plus settling them, over `claims` claims, on a fresh run with `n` pending items. */
async function measure(store: Store, n: number, key: string): Promise<number> {
  const { run } = await startOrResumeRun(store.db, { runKey: key, source: "publisher", params: {}, crawlerVersion: "bench", clockStart: null });
  await sql`insert into frontier (run_id, url, depth) select ${run.id}, 'https://nieuws.example/artikel/' || g, g % 3 from generate_series(1, ${n}) g`.execute(store.db);
  await sql`analyze frontier`.execute(store.db);
  const t0 = performance.now();
  for (let i = 0; i < claims; i++) {
    const items = await claimFrontier(store.db, run.id, 12);
    for (const it of items) await settleFrontier(store.db, run.id, it.url, "done");
  }
  return (performance.now() - t0) / claims;
}

async function bench(label: string, open: () => Promise<Store>): Promise<void> {
  const store = await open();
  try {
    await migrate(store.db);
    await measure(store, 1000, "warm-up"); // JIT and caches warm before either variant is timed
    const withIndex = new Map<number, number>();
    for (const n of sizes) withIndex.set(n, await measure(store, n, `with-${n}`));
    await sql`drop index frontier_claim`.execute(store.db);
    for (const n of sizes) {
      const without = await measure(store, n, `without-${n}`);
      const w = withIndex.get(n)!;
      console.log(`  ${label}: ${String(n).padStart(7)} pending: ${w.toFixed(2).padStart(7)} ms a claim of 12 + settles with the index, ${without.toFixed(2).padStart(7)} ms without: ${(without / w).toFixed(1)}x`);
    }
  } finally {
    await store.close();
  }
}

console.log(`frontier claim bench: ${claims} claims of 12 items (each settled) per size`);
const dir = mkdtempSync(join(tmpdir(), "polad-bench-frontier-"));
try {
  await bench("embedded", () => openStore({ dataDir: dir }));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const server = process.env.BENCH_DATABASE_URL;
if (server) {
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query("drop database if exists polad_bench_frontier");
  await admin.query("create database polad_bench_frontier");
  const url = new URL(server);
  url.pathname = "/polad_bench_frontier";
  const sdir = mkdtempSync(join(tmpdir(), "polad-bench-frontier-"));
  try {
    await bench("server  ", () => openStore({ databaseUrl: url.href, dataDir: sdir }));
  } finally {
    await admin.query("drop database if exists polad_bench_frontier");
    await admin.end();
    rmSync(sdir, { recursive: true, force: true });
  }
}
