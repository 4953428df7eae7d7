import { rmSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { UsageError } from "../../common/errors.js";
import { POLAD_VERSION } from "../../common/version.js";
import type { CrawlSummary } from "../../crawler/run.js";
import type { SourceOptions } from "../../crawler/source.js";
import { violationReport } from "../../store/queries/reports.js";
import { makeCtx, withStore, type Ctx, type GlobalFlags } from "../context.js";
import { classifyStored } from "../pipeline/classify-stored.js";
import { crawlProgressBar, crawlSummaryLines } from "../pipeline/progress.js";
import { ruleContext } from "../pipeline/rule-context.js";
import { stopOnSignals } from "../pipeline/signals.js";

type Plan = { source: string; options: Partial<SourceOptions> };

export function positiveInt(name: string, v: string | undefined, dflt: number): number {
  if (v === undefined) return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`${name}: expected a positive whole number, got ${v}`);
  return n;
}

export function chromiumOf(ctx: Ctx): string {
  if (!ctx.config.chromiumPath) throw new UsageError("Chromium not found: install Debian's chromium (apt-get install -y chromium) or set POLAD_CHROMIUM");
  return ctx.config.chromiumPath;
}

// Heavy modules (browser, sandbox, dashboard) load only in the commands that use them.

/** Builds crawl plans from flags: `--seed` without `--source` means the generic publisher source. */
export async function plansFromFlags(o: { source: string[]; seed: string[]; term: string[]; apiBase?: string; allowPrivate?: boolean; screenshots?: string; fullPage?: boolean }, tokens: Ctx["config"]["tokens"]): Promise<Plan[]> {
  const { SOURCES } = await import("../../crawler/sources/index.js");
  for (const s of o.seed) {
    let u: URL;
    try {
      u = new URL(s);
    } catch {
      throw new UsageError(`--seed: not a URL: ${s}`);
    }
    if (u.protocol !== "http:" && u.protocol !== "https:") throw new UsageError(`--seed: only http and https URLs can be crawled: ${s}`);
  }
  if (o.screenshots !== undefined && o.screenshots !== "all" && o.screenshots !== "political") throw new UsageError(`--screenshots: expected "political" or "all", got ${o.screenshots}`);
  const ids = o.source.length ? o.source : o.seed.length ? ["publisher"] : [];
  if (ids.length === 0) throw new UsageError("give at least one --source or --seed");
  return ids.map((id) => {
    if (!SOURCES[id]) throw new UsageError(`--source: unknown source "${id}"; known: ${Object.keys(SOURCES).join(", ")}`);
    const token = id.startsWith("meta") ? tokens.meta : id.startsWith("tiktok") ? tokens.tiktok : undefined;
    const options: Partial<SourceOptions> = { seeds: o.seed, terms: o.term, allowPrivate: o.allowPrivate ?? false };
    if (o.apiBase) options.apiBase = o.apiBase;
    if (token) options.token = token;
    // Only set when asked, so that the run key (and resuming) of a default crawl stays the same.
    if (o.screenshots === "all") options.screenshots = "all";
    if (o.fullPage) options.fullPage = true;
    return { source: id, options };
  });
}

/** Crawls the plans, then derives actors from statements if they were crawled, then classifies the stored ads. */
export async function crawlAndClassify(ctx: Ctx, plans: Plan[], o: { maxPages: number; concurrency: number; maxRequests?: number; signal?: AbortSignal }, store: Parameters<Parameters<typeof withStore>[1]>[0]): Promise<CrawlSummary> {
  const { runCrawl } = await import("../../crawler/run.js");
  const bar = crawlProgressBar();
  // Ctrl-C or SIGTERM (a caller with its own signal handles them itself): the items in flight end, the
  // run is left resumable and the browser is closed; a second signal stops the process at once.
  const stop = o.signal ? null : stopOnSignals((sig) => process.stderr.write(`\npolad: ${sig}: stopping the crawl after the pages in flight (again to stop at once)\n`));
  const summary = await runCrawl({ store, plans, maxPages: o.maxPages, concurrency: o.concurrency, log: ctx.log, crawlerVersion: POLAD_VERSION, chromiumPath: chromiumOf(ctx), politeness: { maxRequests: o.maxRequests ?? 0 }, onProgress: (p) => bar.tick(p), progressEvery: process.stderr.isTTY ? 1 : 10, signal: o.signal ?? stop!.signal }).finally(() => {
    bar.done();
    stop?.dispose();
  });
  for (const line of crawlSummaryLines(summary.runs)) process.stdout.write(`${line}\n`);
  process.stdout.write(`crawl: ${JSON.stringify(summary)}\n`);
  if (stop?.signal.aborted) throw new Error("crawl stopped by a signal; the same command resumes it");
  if (plans.some((p) => p.source === "politiekereclame-nl")) {
    const { actorsFromStatements } = await import("../pipeline/statement-actors.js");
    const n = await actorsFromStatements(store, ctx.log);
    process.stdout.write(`actors from politiekereclame.nl statements: ${n}\n`);
  }
  if (plans.some((p) => p.source === "meta-ad-library-report")) {
    const { refreshAdvertiserReports } = await import("../../store/queries/advertiser-reports.js");
    process.stdout.write(`advertiser report lines: ${await refreshAdvertiserReports(store.db)}\n`);
  }
  const t = await classifyStored(store, { now: new Date(), log: ctx.log, rules: ruleContext(ctx.config) });
  process.stdout.write(`classified ${t.ads} ads: ${t.political} political, ${t.findings} findings\n`);
  return summary;
}

async function crawlCommand(o: { source: string[]; seed: string[]; term: string[]; apiBase?: string; allowPrivate?: boolean; screenshots?: string; fullPage?: boolean; maxPages?: string; concurrency?: string; maxRequests?: string; distributed?: boolean }, flags: GlobalFlags): Promise<void> {
  const ctx = makeCtx(flags);
  const plans = await plansFromFlags(o, ctx.config.tokens);
  const limits = { maxPages: positiveInt("--max-pages", o.maxPages, 200), concurrency: positiveInt("--concurrency", o.concurrency, 4), maxRequests: o.maxRequests === undefined ? 0 : positiveInt("--max-requests", o.maxRequests, 0) };
  if (o.distributed) {
    const { distributedCrawl } = await import("./worker.js");
    return withStore(ctx, (store) => distributedCrawl(ctx, plans, limits, store));
  }
  await withStore(ctx, (store) => crawlAndClassify(ctx, plans, limits, store));
}

/** `polad demo`: sandbox on loopback, crawl every sandbox source into a fresh embedded store, classify, serve. */
async function demoCommand(o: { port?: string; maxPages?: string; exit?: boolean }, flags: GlobalFlags): Promise<void> {
  const base = makeCtx(flags);
  const dataDir = join(base.config.dataDir, "demo");
  rmSync(dataDir, { recursive: true, force: true }); // demo data only: each demo starts clean
  const ctx: Ctx = { ...base, config: { ...base.config, databaseUrl: undefined, dataDir, evidenceDir: undefined } };
  const port = o.port === undefined ? 8080 : Number(o.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port: expected 0-65535, got ${o.port}`);
  const { startSandbox } = await import("../../sandbox/server.js");
  const { serveDashboard } = await import("../../dashboard/server.js");
  const sandbox = await startSandbox();
  process.stderr.write(`sandbox: ${Object.entries(sandbox.addrs).map(([k, v]) => `${k}=${v}`).join(" ")}\n`);
  try {
    await withStore(ctx, async (store) => {
      await crawlAndClassify(ctx, sandbox.plans, { maxPages: positiveInt("--max-pages", o.maxPages, 500), concurrency: 4 }, store);
      const byParty = await violationReport(store.db, { by: "party" });
      for (const r of byParty.slice(0, 12)) process.stdout.write(`  ${r.key.padEnd(28)} ads ${String(r.ads).padStart(4)}  violations ${r.violations}\n`);
      if (o.exit) return;
      const dash = await serveDashboard({ store, log: ctx.log, host: "127.0.0.1", port });
      process.stdout.write(`dashboard: ${dash.url}  (Ctrl-C to stop)\n`);
      await new Promise<void>((resolve) => {
        process.once("SIGINT", resolve);
        process.once("SIGTERM", resolve);
      });
      await dash.close();
    });
  } finally {
    await sandbox.close();
  }
}

async function serveCommand(o: { port?: string; host?: string }, flags: GlobalFlags): Promise<void> {
  const ctx = makeCtx(flags);
  const port = o.port === undefined ? 8080 : Number(o.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port: expected 0-65535, got ${o.port}`);
  const { serveDashboard } = await import("../../dashboard/server.js");
  await withStore(ctx, async (store) => {
    const dash = await serveDashboard({ store, log: ctx.log, host: o.host ?? "127.0.0.1", port });
    process.stdout.write(`dashboard: ${dash.url}\n`);
    await new Promise<void>((resolve) => {
      process.once("SIGINT", resolve);
      process.once("SIGTERM", resolve);
    });
    await dash.close();
  });
}

const collect = (v: string, prev: string[]) => [...prev, v];

/** Registers demo, crawl and serve. */
export function registerCrawlCommands(program: Command, flags: () => GlobalFlags): void {
  program.command("demo").description("start the sandbox, crawl every sandbox source, classify, and serve the dashboard")
    .option("--port <n>", "dashboard port (0 picks a free one)", "8080")
    .option("--max-pages <n>", "page budget per source")
    .option("--exit", "exit after classifying instead of serving")
    .action((o) => demoCommand(o, flags()));
  program.command("crawl").description("crawl sources, store the ads with evidence, classify")
    .option("--source <id>", "a source id (repeatable)", collect, [])
    .option("--seed <url>", "a start URL (repeatable); without --source the generic publisher source", collect, [])
    .option("--term <text>", "a search term for ad libraries (repeatable)", collect, [])
    .option("--api-base <url>", "API base URL of the source (for replicas and proxies)")
    .option("--allow-private", "follow links in ads to private and loopback addresses")
    .option("--screenshots <which>", "publisher pages: screenshot the ads that can become findings (political, the default) or every ad (all)")
    .option("--full-page", "publisher pages: render every page and keep a screenshot of the whole page with each sighting")
    .option("--max-pages <n>", "page budget per source", "200")
    .option("--concurrency <n>", "pages fetched, read and stored at once; as many more may render in the browser", "4")
    .option("--max-requests <n>", "request budget per source in this invocation (API calls, notices, static pages); when spent the run pauses and the same command resumes it")
    .option("--distributed", "queue the work for `polad worker` processes (Postgres server) and wait until it is done")
    .action((o) => crawlCommand(o, flags()));
  program.command("serve").description("serve the dashboard")
    .option("--port <n>", "port", "8080")
    .option("--host <host>", "address to bind (non-loopback needs authentication configured)", "127.0.0.1")
    .action((o) => serveCommand(o, flags()));
}
