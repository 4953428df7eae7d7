// Ingest benchmark (issue 7): N ads through `polad import --no-classify` (the ingest: parse, validate, store;
// classification is left out, it has its own benchmark) into the Postgres server and into the embedded
// store, against the floor of Postgres COPY of the same ad rows into the same table shape (measured before
// and after polad's runs, the mean taken, because the machine's load drifts). polad also writes one
// observation row per imported ad; a second floor COPYs those too, printed alongside for the reader.
// Prints ads/s, the ratios, and peak RSS of the importing process at two input sizes (N/10 and N:
// memory should stay flat as input grows, because import streams). Times are whole-process wall times
// (start, migrations, import, commit). --classify also times the default `polad import` (ingest then
// classification) at N/10 on the server, reported apart.
// Usage: npx tsx bench/ingest.ts [N=1000000] [--server-only|--embedded-only] [--classify]
import { spawn } from "node:child_process";
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { once } from "node:events";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { contentHash } from "../store/queries/ads.js";

const N = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 1_000_000);
const server = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const root = join(import.meta.dirname, "..");
const dir = mkdtempSync(join(tmpdir(), "polad-bench-ingest-"));
const parties = ["VVD", "D66", "GroenLinks-PvdA", "CDA", "PVV", "SP", "BBB", "Volt"];

function ad(i: number) {
  const p = parties[i % parties.length]!;
  return { id: `ad-${i}`, source: "publisher", publisher: `site-${i % 50}.nl`, sponsor: p, text: `Stem op 18 maart op ${p}: advertentie ${i} voor een betere gemeente.`, label: i % 3 ? "Politieke advertentie" : null, first_seen: "2026-03-01T10:00:00Z", last_seen: "2026-03-02T10:00:00Z" };
}

async function writeInput(n: number): Promise<string> {
  const file = join(dir, `ads-${n}.jsonl`);
  const out = createWriteStream(file);
  for (let i = 0; i < n; i++) if (!out.write(JSON.stringify(ad(i)) + "\n")) await once(out, "drain");
  out.end();
  await once(out, "finish");
  return file;
}

/** Runs polad import in a child, sampling its RSS from /proc; returns seconds and peak MB. */
async function timedImport(file: string, env: NodeJS.ProcessEnv, classify = false): Promise<{ seconds: number; peakMb: number }> {
  const t0 = performance.now();
  const args = ["import", ...(classify ? ["--now", "2026-03-10T00:00:00Z"] : ["--no-classify"]), "--input", file];
  const child = spawn(process.execPath, [join(root, "bin/polad.js"), ...args], { env: { ...process.env, POLAD_LOG_LEVEL: "warn", ...env }, stdio: ["ignore", "ignore", "inherit"] });
  let peak = 0;
  const timer = setInterval(() => {
    try {
      const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"));
      if (m) peak = Math.max(peak, Number(m[1]) / 1024);
    } catch { /* exited */ }
  }, 100);
  const [code] = (await once(child, "exit")) as [number];
  clearInterval(timer);
  if (code !== 0) throw new Error(`polad import exited ${code}`);
  return { seconds: (performance.now() - t0) / 1000, peakMb: Math.round(peak) };
}

async function freshDb(name: string): Promise<string> {
  const c = new pg.Client({ connectionString: server });
  await c.connect();
  await c.query(`drop database if exists ${name}`);
  await c.query(`create database ${name}`);
  await c.end();
  const u = new URL(server);
  u.pathname = `/${name}`;
  return u.toString();
}

const q = (s: string | null) => (s === null ? "" : `"${s.replace(/"/g, '""')}"`);

async function copyRows(c: pg.Client, statement: string, rows: () => Generator<string>): Promise<void> {
  await pipeline(Readable.from(rows()), c.query(copyFrom(statement)));
}

/**
 * The floor: COPY of the same ad rows (same columns, same indexes and constraints) into the emptied ad
 * table; with `observations`, also COPY of one observation row per ad, as polad stores for an import.
 */
async function copyFloor(n: number, observations: boolean): Promise<number> {
  const url = await freshDb("polad_bench_copy");
  await timedImport(await writeInput(1), { DATABASE_URL: url }); // creates the schema
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query("truncate ad cascade");
  const pid = (await c.query("select id from publisher limit 1")).rows[0].id as number;
  const first = Number((await c.query("select nextval('ad_id_seq') as id")).rows[0].id) + 1;
  const t0 = performance.now();
  await c.query("begin");
  await copyRows(c, "copy ad (id, source, external_id, publisher_id, sponsor, text, label, extra, country, content_hash, first_seen_at, last_seen_at) from stdin (format csv)", function* () {
    for (let i = 0; i < n; i++) {
      const a = { country: "NL", ...ad(i) };
      yield `${first + i},${q(a.source)},${q(a.id)},${pid},${q(a.sponsor ?? null)},${q(a.text ?? null)},${q(a.label ?? null)},"{}",NL,${contentHash(a)},${a.first_seen},${a.last_seen}\n`;
    }
  });
  if (observations) {
    await copyRows(c, "copy observation (ad_id, seen_at, page_url) from stdin (format csv)", function* () {
      for (let i = 0; i < n; i++) yield `${first + i},${ad(i).last_seen},""\n`;
    });
  }
  await c.query("commit");
  const s = (performance.now() - t0) / 1000;
  await c.end();
  return n / s;
}

/** The ad-rows floor before and after polad's runs; the mean is the figure the ratio uses. */
async function floors(n: number, between: () => Promise<void>): Promise<{ ads: number; adsAndObs: number }> {
  const a1 = await copyFloor(n, false);
  const b1 = await copyFloor(n, true);
  await between();
  const a2 = await copyFloor(n, false);
  const b2 = await copyFloor(n, true);
  console.log(`COPY floor (server), ad rows: ${Math.round(a1)} before, ${Math.round(a2)} after polad's runs; ad + observation rows: ${Math.round(b1)} before, ${Math.round(b2)} after (ads/s)`);
  return { ads: (a1 + a2) / 2, adsAndObs: (b1 + b2) / 2 };
}

const mode = process.argv.includes("--server-only") ? "server" : process.argv.includes("--embedded-only") ? "embedded" : "both";
const small = Math.max(1000, Math.floor(N / 10));
const fileBig = await writeInput(N);
const fileSmall = await writeInput(small);
console.log(`input: ${N} ads, ${(statSync(fileBig).size / 1e6).toFixed(0)} MB; small run ${small} ads; polad runs \`import --no-classify\` (ingest only)`);
const runs: Array<{ what: string; rate: number; line: string }> = [];
const floor = await floors(N, async () => {
  if (mode !== "embedded") {
    const s1 = await timedImport(fileSmall, { DATABASE_URL: await freshDb("polad_bench_ingest") });
    const s2 = await timedImport(fileBig, { DATABASE_URL: await freshDb("polad_bench_ingest") });
    runs.push({ what: "server", rate: N / s2.seconds, line: `peak RSS ${s1.peakMb} MB at ${small}, ${s2.peakMb} MB at ${N}; ${Math.round(small / s1.seconds)} ads/s at ${small}` });
    if (process.argv.includes("--classify")) {
      const c1 = await timedImport(fileSmall, { DATABASE_URL: await freshDb("polad_bench_ingest") }, true);
      console.log(`server, default \`polad import\` (ingest + classification) at ${small}: ${Math.round(small / c1.seconds)} ads/s; peak RSS ${c1.peakMb} MB (not compared with COPY)`);
    }
  }
  if (mode !== "server") {
    const e1 = await timedImport(fileSmall, { DATABASE_URL: "", POLAD_DATA_DIR: join(dir, "e1") });
    const e2 = await timedImport(fileBig, { DATABASE_URL: "", POLAD_DATA_DIR: join(dir, "e2") });
    runs.push({ what: "embedded", rate: N / e2.seconds, line: `peak RSS ${e1.peakMb} MB at ${small}, ${e2.peakMb} MB at ${N}; ${Math.round(small / e1.seconds)} ads/s at ${small}` });
  }
});
for (const r of runs) {
  const vs = r.what === "server" ? "" : " (against the server's COPY)";
  console.log(`${r.what}: ${Math.round(r.rate)} ads/s = ${(r.rate / floor.ads).toFixed(2)} of COPY of the ad rows${vs} (target ≥ 0.50 on the server), ${(r.rate / floor.adsAndObs).toFixed(2)} of COPY of ad + observation rows; ${r.line}`);
}
rmSync(dir, { recursive: true, force: true });
