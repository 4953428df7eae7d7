// Ingest benchmark (issue 7): N ads through `polad import --no-classify` into the Postgres server and
// into the embedded store, against the floor of Postgres COPY of the same rows into the same table shape.
// Prints ads/s, the ratio to the COPY floor, and peak RSS of the importing process at two input sizes
// (memory should stay flat as input grows, because import streams).
// Usage: npx tsx bench/ingest.ts [N=1000000] [--server-only|--embedded-only]
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
async function timedImport(file: string, env: NodeJS.ProcessEnv): Promise<{ seconds: number; peakMb: number }> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [join(root, "bin/polad.js"), "import", "--no-classify", "--input", file], { env: { ...process.env, POLAD_LOG_LEVEL: "warn", ...env }, stdio: ["ignore", "ignore", "inherit"] });
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

/** The floor: COPY of the same ad rows (same columns, same indexes) into a fresh ad table. */
async function copyFloor(n: number): Promise<number> {
  const url = await freshDb("polad_bench_copy");
  await timedImport(await writeInput(1), { DATABASE_URL: url }); // creates the schema
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query("truncate ad cascade");
  const pid = (await c.query("select id from publisher limit 1")).rows[0].id as number;
  const t0 = performance.now();
  const stream = c.query(copyFrom("copy ad (source, external_id, publisher_id, sponsor, text, label, extra, country, content_hash, first_seen_at, last_seen_at) from stdin (format csv)"));
  const q = (s: string | null) => (s === null ? "" : `"${s.replace(/"/g, '""')}"`);
  async function* rows() {
    for (let i = 0; i < n; i++) {
      const a = { country: "NL", ...ad(i) };
      yield `${q(a.source)},${q(a.id)},${pid},${q(a.sponsor ?? null)},${q(a.text ?? null)},${q(a.label ?? null)},"{}",NL,${contentHash(a)},${a.first_seen},${a.last_seen}\n`;
    }
  }
  await pipeline(Readable.from(rows()), stream);
  const s = (performance.now() - t0) / 1000;
  await c.end();
  return n / s;
}

const mode = process.argv.includes("--server-only") ? "server" : process.argv.includes("--embedded-only") ? "embedded" : "both";
const small = Math.max(1000, Math.floor(N / 10));
const fileBig = await writeInput(N);
const fileSmall = await writeInput(small);
console.log(`input: ${N} ads, ${(statSync(fileBig).size / 1e6).toFixed(0)} MB; small run ${small} ads`);
const floor = await copyFloor(N);
console.log(`COPY floor (server): ${Math.round(floor)} rows/s`);
if (mode !== "embedded") {
  const s1 = await timedImport(fileSmall, { DATABASE_URL: await freshDb("polad_bench_ingest") });
  const s2 = await timedImport(fileBig, { DATABASE_URL: await freshDb("polad_bench_ingest") });
  const rate = N / s2.seconds;
  console.log(`server:   ${Math.round(rate)} ads/s = ${(rate / floor).toFixed(2)} of COPY (target ≥ 0.50); peak RSS ${s1.peakMb} MB at ${small}, ${s2.peakMb} MB at ${N}`);
}
if (mode !== "server") {
  const d1 = join(dir, "e1");
  const d2 = join(dir, "e2");
  const e1 = await timedImport(fileSmall, { DATABASE_URL: "", POLAD_DATA_DIR: d1 });
  const e2 = await timedImport(fileBig, { DATABASE_URL: "", POLAD_DATA_DIR: d2 });
  const rate = N / e2.seconds;
  console.log(`embedded: ${Math.round(rate)} ads/s = ${(rate / floor).toFixed(2)} of server COPY; peak RSS ${e1.peakMb} MB at ${small}, ${e2.peakMb} MB at ${N}`);
}
rmSync(dir, { recursive: true, force: true });
