import type { Command } from "commander";
import { z } from "zod";
import { UsageError } from "../../common/errors.js";
import { POLAD_VERSION } from "../../common/version.js";
import type { QueueConfig } from "../../crawler/queue.js";
import type { SourceOptions } from "../../crawler/source.js";
import type { Store } from "../../store/db.js";
import { makeCtx, withStore, type Ctx, type GlobalFlags } from "../context.js";
import { classifyStored } from "../pipeline/classify-stored.js";
import { ruleContext } from "../pipeline/rule-context.js";

const queueEnv = z.object({
  POLAD_QUEUE_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, "a lower-case SQL identifier").optional(),
  POLAD_LEASE_SECONDS: z.coerce.number().int().min(5).max(86_400).optional(),
  POLAD_QUEUE_MAINTENANCE_SECONDS: z.coerce.number().int().min(1).max(3_600).optional(),
});

/** The shared queue's settings (env POLAD_QUEUE_SCHEMA, POLAD_LEASE_SECONDS, POLAD_QUEUE_MAINTENANCE_SECONDS); the queue needs the Postgres server. */
export function queueConfig(ctx: Ctx): QueueConfig {
  if (!ctx.config.databaseUrl) throw new UsageError("the distributed mode needs the Postgres server: set DATABASE_URL (the embedded store runs everything in one process)");
  const e = queueEnv.safeParse(process.env);
  if (!e.success) throw new UsageError(`${String(e.error.issues[0]?.path[0])}: ${e.error.issues[0]?.message}`);
  return { databaseUrl: ctx.config.databaseUrl, schema: e.data.POLAD_QUEUE_SCHEMA, leaseSeconds: e.data.POLAD_LEASE_SECONDS, maintenanceSeconds: e.data.POLAD_QUEUE_MAINTENANCE_SECONDS };
}

/** `polad crawl --distributed`: queue the plans' work, wait for the workers to drain it, then classify. */
export async function distributedCrawl(ctx: Ctx, plans: Array<{ source: string; options: Partial<SourceOptions> }>, o: { maxPages: number }, store: Store): Promise<void> {
  const { runDistributedCrawl } = await import("../../crawler/distributed.js");
  const stop = new AbortController();
  process.once("SIGINT", () => stop.abort());
  const summary = await runDistributedCrawl({ store, plans, maxPages: o.maxPages, log: ctx.log, crawlerVersion: POLAD_VERSION, queue: queueConfig(ctx), signal: stop.signal });
  process.stdout.write(`crawl: ${JSON.stringify(summary)}\n`);
  const t = await classifyStored(store, { now: new Date(), log: ctx.log, rules: ruleContext(ctx.config) });
  process.stdout.write(`classified ${t.ads} ads: ${t.political} political, ${t.findings} findings\n`);
}

async function workerCommand(o: { concurrency?: string; ocr?: boolean }, flags: GlobalFlags): Promise<void> {
  const ctx = makeCtx(flags);
  const concurrency = Number(o.concurrency ?? 2);
  if (!Number.isInteger(concurrency) || concurrency <= 0) throw new UsageError(`--concurrency: expected a positive whole number, got ${o.concurrency}`);
  if (!ctx.config.chromiumPath) throw new UsageError("Chromium not found: install Debian's chromium (apt-get install -y chromium) or set POLAD_CHROMIUM");
  const queue = queueConfig(ctx);
  const { runWorker } = await import("../../crawler/worker.js");
  const stop = new AbortController();
  process.once("SIGINT", () => stop.abort());
  process.once("SIGTERM", () => stop.abort());
  await withStore(ctx, async (store) => {
    const out = await runWorker({
      store, queue, concurrency, log: ctx.log, crawlerVersion: POLAD_VERSION, chromiumPath: ctx.config.chromiumPath!, ocr: o.ocr !== false,
      tokens: { meta: ctx.config.tokens.meta, tiktok: ctx.config.tokens.tiktok }, signal: stop.signal,
    });
    process.stdout.write(`worker: ${out.items} items handled\n`);
  });
}

/** Registers `polad worker`. */
export function registerWorkerCommand(program: Command, flags: () => GlobalFlags): void {
  program.command("worker").description("take crawl work from the shared queue on the Postgres server (see crawl --distributed)")
    .option("--concurrency <n>", "items handled at once", "2")
    .option("--no-ocr", "do not read label text from ad images")
    .action((o) => workerCommand(o, flags()));
}
