// Child process of bench/dashboard.ts: one CSV export over real HTTP in a fresh process, so its peak
// memory is its own. "stream" is the dashboard's /export route (keyset batches written as they come);
// "buffer" builds the same rows' whole CSV in memory first and sends it as one string (what the route
// did before it streamed). Metric "rss": the kernel's high-water mark of RSS (VmHWM), reset after a
// warm-up export through /proc/self/clear_refs, so no sampling interval can miss a peak. Linux only.
// RSS also holds garbage V8 has not collected yet (it grows its heap before it collects), so metric
// "live" (a run of its own, as its GCs change RSS) samples every 100 ms a full GC, then heap used +
// external + array buffers: what the export holds (the buffered export's synchronous CSV build falls
// between samples, the rows it builds from do not).
// Usage (from bench/dashboard.ts): DATABASE_URL=… tsx --expose-gc bench/export-memory.ts stream|buffer LIST 'QUERY' rss|live
import { readFileSync, writeFileSync } from "node:fs";
import { stringify } from "csv-stringify/sync";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import pino from "pino";
import { createDashboard } from "../dashboard/server.js";
import { csvSafe, EXPORT_COLUMNS, EXPORT_LISTS, exportRows, type Cell, type ExportList } from "../dashboard/export-rows.js";
import { parseListQuery } from "../dashboard/filters.js";
import type { Store } from "../store/db.js";
import type { Database } from "../store/schema.js";

const [mode, list, query, metric] = process.argv.slice(2);
if ((mode !== "stream" && mode !== "buffer") || !EXPORT_LISTS.includes(list as ExportList) || query === undefined || (metric !== "rss" && metric !== "live") || !process.env.DATABASE_URL) {
  console.error("usage: DATABASE_URL=… tsx --expose-gc bench/export-memory.ts stream|buffer ads|findings 'party=PVV&to=…' rss|live");
  process.exit(2);
}
const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(readFileSync("/proc/self/status", "utf8"))?.[1] ?? NaN) * 1024;

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 8 });
const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
const store: Store = { db, kind: "server", evidenceDir: "/nonexistent-bench-evidence", close: () => db.destroy() };
const app = await createDashboard({ store, log: pino({ level: "silent" }) });
app.get("/bench/buffered.csv", async (req, reply) => {
  const columns = EXPORT_COLUMNS[list as ExportList];
  const rows = await exportRows(db, list as ExportList, parseListQuery(req.query).filter);
  const body = `\ufeff${stringify(rows.map((r) => columns.map((c): Cell => csvSafe(r[c] ?? null))), { header: true, columns })}`;
  return reply.type("text/csv; charset=utf-8").send(body);
});
const base = await app.listen({ port: 0, host: "127.0.0.1" });
const path = mode === "stream" ? `/export/${list}.csv` : "/bench/buffered.csv";

async function get(q: string): Promise<{ bytes: number; lines: number }> {
  const res = await fetch(`${base}${path}?${q}`);
  if (res.status !== 200) throw new Error(`${path}?${q} answered ${res.status}`);
  let bytes = 0;
  let lines = 0;
  for await (const part of res.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += part.length;
    for (const b of part) if (b === 10) lines++;
  }
  return { bytes, lines };
}

try {
  const none = new URLSearchParams(query);
  none.set("source", "none");
  await get(none.toString()); // warm-up: the same code paths, no rows
  if (!globalThis.gc) throw new Error("run with --expose-gc");
  const gc = globalThis.gc;
  const live = () => {
    gc();
    const m = process.memoryUsage();
    return m.heapUsed + m.external + m.arrayBuffers;
  };
  const liveBefore = live();
  writeFileSync("/proc/self/clear_refs", "5"); // resets VmHWM to the current RSS
  const rssBefore = kb("VmRSS");
  let livePeak = liveBefore;
  const sampler = metric === "live" ? setInterval(() => { livePeak = Math.max(livePeak, live()); }, 100) : undefined;
  const t = performance.now();
  const out = await get(query);
  const ms = performance.now() - t;
  clearInterval(sampler);
  console.log(JSON.stringify({ mode, metric, rows: out.lines - 1, bytes: out.bytes, ms: Math.round(ms), before: metric === "rss" ? rssBefore : liveBefore, peak: metric === "rss" ? kb("VmHWM") : livePeak }));
} finally {
  await app.close();
  await store.close();
}
