/**
 * Crawl benchmark: the same generated sandbox site (300 pages, 3 ads each) crawled three ways in one run:
 * polad's runCrawl (evidence on: element screenshots, HTML, hashes, manifest, store), Crawlee's
 * PlaywrightCrawler (peer) and a bare playwright-core loop reusing pages (floor). Prints pages/s, ads/s
 * and peak memory (this process and its children) for each, and the ratios. On demand, never in CI.
 *   npx tsx bench/crawl.ts [--pages 300] [--concurrency 4] [--static]
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import pino from "pino";
import { runCrawl } from "../crawler/run.js";
import { startBenchSite } from "../sandbox/bench/site.js";
import { migrate, openStore } from "../store/db.js";
import { bareLoop, crawleeCrawl, type PeerResult } from "./crawl-peers.js";

const CHROMIUM = process.env.POLAD_CHROMIUM ?? "/usr/bin/chromium";

/** Resident memory of this process and all its descendants, in bytes (Linux /proc). */
function treeRss(): number {
  const parent = new Map<number, number>();
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, "utf8");
      parent.set(Number(d), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch { /* the process ended meanwhile */ }
  }
  const inTree = (pid: number): boolean => { for (let p = pid, n = 0; p > 1 && n < 50; p = parent.get(p) ?? 0, n++) if (p === process.pid) return true; return false; };
  let total = 0;
  for (const pid of parent.keys()) {
    if (!inTree(pid)) continue;
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      total += Number(m?.[1] ?? 0) * 1024;
    } catch { /* ended */ }
  }
  return total;
}

async function measure(name: string, fn: () => Promise<PeerResult>): Promise<{ name: string; pagesPerS: number; adsPerS: number; peakMb: number; pages: number; ads: number }> {
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, treeRss())), 250);
  const t0 = performance.now();
  const r = await fn();
  const s = (performance.now() - t0) / 1000;
  clearInterval(timer);
  const out = { name, pages: r.pages, ads: r.ads, pagesPerS: r.pages / s, adsPerS: r.ads / s, peakMb: Math.round(peak / 1e6) };
  console.log(`${name.padEnd(8)} ${String(r.pages).padStart(4)} pages ${String(r.ads).padStart(5)} ads in ${s.toFixed(1)} s: ${out.pagesPerS.toFixed(1)} pages/s, ${out.adsPerS.toFixed(1)} ads/s, peak ${out.peakMb} MB`);
  return out;
}

async function pollad(urls: string[], concurrency: number): Promise<PeerResult> {
  const dir = mkdtempSync(join(tmpdir(), "polad-bench-store-"));
  const store = await openStore({ databaseUrl: process.env.DATABASE_URL, dataDir: dir });
  await migrate(store.db);
  try {
    const s = await runCrawl({
      store, plans: [{ source: "publisher", options: { seeds: urls, allowPrivate: true, maxDepth: 0 } }], maxPages: urls.length, concurrency, log: pino({ level: "warn" }),
      crawlerVersion: "bench", chromiumPath: CHROMIUM, politeness: { hostConcurrency: concurrency, hostIntervalMs: 0 }, ocr: false,
    });
    return { pages: s.pages, ads: Number(s.runs[0]?.stats.observations ?? 0) };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const { values } = parseArgs({ options: { pages: { type: "string", default: "300" }, concurrency: { type: "string", default: "4" }, static: { type: "boolean", default: false }, only: { type: "string" } } });
const site = await startBenchSite({ pages: Number(values.pages), scripted: !values.static });
const c = Number(values.concurrency);
console.log(`site: ${site.pages} pages x ${site.adsPerPage} ads, ${values.static ? "static HTML" : "ads inserted by script"}; concurrency ${c}`);
const want = (n: string) => !values.only || values.only.split(",").includes(n);
const results: Array<Awaited<ReturnType<typeof measure>>> = [];
try {
  if (want("polad")) results.push(await measure("polad", () => pollad(site.urls, c)));
  if (want("crawlee")) results.push(await measure("crawlee", () => crawleeCrawl(site.urls, { chromiumPath: CHROMIUM, concurrency: c })));
  if (want("bare")) results.push(await measure("bare", () => bareLoop(site.urls, { chromiumPath: CHROMIUM, concurrency: c })));
} finally {
  await site.close();
}
const by = (n: string) => results.find((r) => r.name === n);
const p = by("polad");
if (p && by("crawlee")) console.log(`polad / crawlee: ${(p.pagesPerS / by("crawlee")!.pagesPerS).toFixed(2)}x pages/s (target >= 2x${values.static ? "; static-site target >= 10x" : ""})`);
if (p && by("bare")) console.log(`polad / bare loop: ${((p.pagesPerS / by("bare")!.pagesPerS) * 100).toFixed(0)}% (target >= 80%)`);
