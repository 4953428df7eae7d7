/**
 * Crawl benchmark: two generated sandbox sites (ads inserted by script, and static HTML), each crawled
 * three ways in one run: polad's runCrawl (evidence on: HTML, hashes, manifest, store; a screenshot for
 * every rendered ad), Crawlee's PlaywrightCrawler (peer) and a bare playwright-core loop reusing pages
 * (floor); both peers take an element screenshot of every ad. Then polad alone at the memory
 * concurrency, for peak memory. Memory is the proportional set size (PSS) of this process and all its
 * children, Chromium included (summing RSS would count shared pages once per process), sampled on a
 * worker thread so that the sampling does not slow the crawler it measures. On demand only.
 * polad screenshots the ads that can become findings (its default); `polad-all` is polad told to
 * screenshot every ad, as the peers do. Times are the crawl's own: polad's store is opened first.
 * polad runs once before the peers and once after them; its ratios use the mean of the two, since
 * the machine's speed drifts over the minutes the peers take. 300 pages a site by default: on 120,
 * polad's whole crawl of the static site takes about 3 s, of which Chromium's start (for the pages
 * with a political ad) is about 1 s, so the ratio measured mostly start-up against Crawlee's 30 s of
 * crawling; a research crawl is thousands of pages. `--pages 120` gives the smaller site.
 *   npx tsx bench/crawl.ts [--pages 300] [--concurrency 4] [--memory-concurrency 8] [--sites scripted,static]
 *                          [--political-every 10] [--only polad,polad-all,crawlee,bare]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import pino from "pino";
import { runCrawl } from "../crawler/run.js";
import { startBenchSite } from "../sandbox/bench/site.js";
import { migrate, openStore } from "../store/db.js";
import { bareLoop, crawleeCrawl, sampleTreeMemory, type PeerResult } from "./crawl-peers.js";

const CHROMIUM = process.env.POLAD_CHROMIUM ?? "/usr/bin/chromium";

interface Measured { name: string; pages: number; ads: number; seconds: number; pagesPerS: number; adsPerS: number; peakPssMb: number; peakRssMb: number; extra: string }

const load = () => loadavg().map((l) => l.toFixed(2)).join(" ");

async function measure(name: string, fn: () => Promise<PeerResult & { extra?: string; seconds?: number }>): Promise<Measured> {
  const sampler = sampleTreeMemory(250);
  const t0 = performance.now();
  const r = await fn();
  // polad reports the crawl's own time: opening (and on first use initialising) its store is set-up, not crawling.
  const seconds = r.seconds ?? (performance.now() - t0) / 1000;
  const { pss, rss } = await sampler.stop();
  const out = { name, pages: r.pages, ads: r.ads, seconds, pagesPerS: r.pages / seconds, adsPerS: r.ads / seconds, peakPssMb: Math.round(pss / 1e6), peakRssMb: Math.round(rss / 1e6), extra: r.extra ?? "" };
  console.log(`  ${name.padEnd(8)} ${String(r.pages).padStart(4)} pages ${String(r.ads).padStart(5)} ads in ${seconds.toFixed(1).padStart(6)} s: ${out.pagesPerS.toFixed(2).padStart(6)} pages/s ${out.adsPerS.toFixed(2).padStart(7)} ads/s, peak ${out.peakPssMb} MB PSS (${out.peakRssMb} MB summed RSS)${out.extra ? `; ${out.extra}` : ""}  [load ${load()}]`);
  return out;
}

async function polad(urls: string[], concurrency: number, o: { screenshots?: "all" } = {}): Promise<PeerResult & { extra: string; seconds: number }> {
  const dir = mkdtempSync(join(tmpdir(), "polad-bench-store-"));
  const t0 = performance.now();
  const store = await openStore({ databaseUrl: process.env.DATABASE_URL, dataDir: dir });
  await migrate(store.db);
  const storeS = (performance.now() - t0) / 1000;
  try {
    const t1 = performance.now();
    const s = await runCrawl({
      store, plans: [{ source: "publisher", options: { seeds: urls, allowPrivate: true, maxDepth: 0, ...o } }], maxPages: urls.length, concurrency, log: pino({ level: "warn" }),
      crawlerVersion: "bench", chromiumPath: CHROMIUM, politeness: { hostConcurrency: concurrency, hostIntervalMs: 0 }, ocr: false,
    });
    const seconds = (performance.now() - t1) / 1000;
    const shots = await store.db.selectFrom("observation").select((eb) => eb.fn.countAll().as("n")).where("screenshot_sha256", "is not", null).where("crawl_run_id", "=", s.runs[0]?.runId ?? -1).executeTakeFirst();
    return { pages: s.pages, ads: Number(s.runs[0]?.stats.observations ?? 0), seconds, extra: `${Number(shots?.n ?? 0)} with a screenshot; store opened in ${storeS.toFixed(1)} s before the crawl (not counted)` };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const { values } = parseArgs({
  options: {
    pages: { type: "string", default: "300" }, concurrency: { type: "string", default: "4" }, "memory-concurrency": { type: "string", default: "8" },
    sites: { type: "string", default: "scripted,static" }, "political-every": { type: "string", default: "10" }, only: { type: "string" },
  },
});
const c = Number(values.concurrency);
const memC = Number(values["memory-concurrency"]);
const want = (n: string) => !values.only || values.only.split(",").includes(n);
const ratio = (a: number, b: number) => (b > 0 ? a / b : Number.NaN);
const verdict = (ok: boolean) => (ok ? "met" : "NOT met");
console.log(`crawl bench: ${values.pages} pages a site, concurrency ${c}; memory at concurrency ${memC}; load average at start ${load()} (${(await import("node:os")).cpus().length} cores)`);
for (const kind of values.sites.split(",")) {
  const site = await startBenchSite({ pages: Number(values.pages), scripted: kind === "scripted", politicalEvery: Number(values["political-every"]) });
  console.log(`${kind} site: ${site.pages} pages x ${site.adsPerPage} ads (${site.politicalAds} political), ${kind === "scripted" ? "ads inserted by script" : "ads in the HTML"}`);
  const results: Measured[] = [];
  try {
    // The memory run first, so that no other crawler's leftovers in this process count against it.
    if (want("polad") && memC !== c) results.push(await measure(`polad@${memC}`, () => polad(site.urls, memC)));
    if (want("polad")) results.push(await measure("polad", () => polad(site.urls, c)));
    if (want("polad-all")) results.push(await measure("polad-all", () => polad(site.urls, c, { screenshots: "all" })));
    if (want("crawlee")) results.push(await measure("crawlee", () => crawleeCrawl(site.urls, { chromiumPath: CHROMIUM, concurrency: c })));
    if (want("bare")) results.push(await measure("bare", () => bareLoop(site.urls, { chromiumPath: CHROMIUM, concurrency: c })));
    // polad again after the peers: the machine's speed drifts over the minutes the peers take, and
    // the ratios use the mean of the runs before and after them, so a drift counts the same both ways.
    if (want("polad") && (want("crawlee") || want("bare"))) results.push(await measure("polad-after", () => polad(site.urls, c)));
  } finally {
    await site.close();
  }
  const by = (n: string) => results.find((r) => r.name === n);
  const before = by("polad");
  const after = by("polad-after");
  const p = before && after ? { ...before, pagesPerS: (before.pagesPerS + after.pagesPerS) / 2, adsPerS: (before.adsPerS + after.adsPerS) / 2 } : before;
  if (before && after) console.log(`  polad before and after the peers: ${before.pagesPerS.toFixed(2)} and ${after.pagesPerS.toFixed(2)} pages/s, mean ${p!.pagesPerS.toFixed(2)} (the ratios below use the mean)`);
  const crawlee = by("crawlee");
  const bare = by("bare");
  if (p && crawlee) {
    const x = ratio(p.pagesPerS, crawlee.pagesPerS);
    const target = kind === "scripted" ? 2 : 10;
    console.log(`  polad / crawlee: ${x.toFixed(2)}x pages/s, ${ratio(p.adsPerS, crawlee.adsPerS).toFixed(2)}x ads/s (target >= ${target}x: ${verdict(x >= target)})`);
  }
  if (p && bare) {
    const x = ratio(p.pagesPerS, bare.pagesPerS);
    console.log(`  polad / bare loop: ${(x * 100).toFixed(0)}% pages/s${kind === "scripted" ? ` (target >= 80%: ${verdict(x >= 0.8)})` : ""}`);
  }
  const all = by("polad-all");
  if (all && crawlee) console.log(`  polad-all (every ad screenshotted, like the peers) / crawlee: ${ratio(all.pagesPerS, crawlee.pagesPerS).toFixed(2)}x pages/s`);
  if (all && bare) console.log(`  polad-all / bare loop: ${(ratio(all.pagesPerS, bare.pagesPerS) * 100).toFixed(0)}% pages/s`);
  const mem = by(`polad@${memC}`) ?? (memC === c ? p : undefined);
  if (mem) console.log(`  polad peak memory at concurrency ${memC}: ${mem.peakPssMb} MB PSS (target < 1500 MB: ${verdict(mem.peakPssMb < 1500)})`);
}
console.log(`load average at end ${load()}`);
