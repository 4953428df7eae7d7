import type { Command } from "commander";
import { UsageError } from "../../common/errors.js";
import { POLAD_VERSION } from "../../common/version.js";
import type { Store } from "../../store/db.js";
import {
  claimDueEntry, finishScheduleTurn, listScheduleEntries, listSourceHealth, removeScheduleEntry, upsertScheduleEntry,
  type ScheduleEntry, type SchedulePlan,
} from "../../store/queries/schedule.js";
import { makeCtx, withStore, type Ctx, type GlobalFlags } from "../context.js";
import { classifyStored } from "../pipeline/classify-stored.js";
import { ruleContext } from "../pipeline/rule-context.js";
import { stopOnSignals } from "../pipeline/signals.js";
import { chromiumOf, crawlAndClassify, plansFromFlags, positiveInt } from "./crawl.js";

const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 };

/** "90s", "15m", "6h", "1d", "2w" in seconds (a five-line parser: the formats are ours, a library would accept more than we document). */
export function parseDuration(flag: string, v: string, minSeconds = 60): number {
  const m = /^(\d{1,6})([smhdw])$/.exec(v.trim());
  if (!m) throw new UsageError(`${flag}: expected a duration like 30m, 6h, 1d or 2w, got ${JSON.stringify(v)}`);
  const s = Number(m[1]) * UNITS[m[2]!]!;
  if (s < minSeconds) throw new UsageError(`${flag}: the shortest interval is ${minSeconds}s, got ${v}`);
  return s;
}

const human = (s: number) => (s % 86_400 === 0 ? `${s / 86_400}d` : s % 3600 === 0 ? `${s / 3600}h` : s % 60 === 0 ? `${s / 60}m` : `${s}s`);
const iso = (d: Date | null) => (d ? d.toISOString() : "-");

interface AddOpts { source?: string; notices?: boolean; seed: string[]; term: string[]; apiBase?: string; allowPrivate?: boolean; screenshots?: string; fullPage?: boolean; every?: string; maxPages?: string; concurrency?: string }

async function addCommand(name: string, o: AddOpts, flags: GlobalFlags): Promise<void> {
  if (!/^[\w.-]{1,64}$/.test(name)) throw new UsageError(`schedule add: the name may hold letters, digits, "-", "_" and "." (at most 64), got ${JSON.stringify(name)}`);
  if (!o.every) throw new UsageError("schedule add: give --every (e.g. --every 6h)");
  if (!!o.source === !!o.notices) throw new UsageError("schedule add: give either --source <id> (a re-crawl) or --notices (re-probe archived notices)");
  const everySeconds = parseDuration("--every", o.every);
  const ctx = makeCtx(flags);
  let plan: SchedulePlan;
  if (o.source) {
    const evidence = { ...(o.screenshots ? { screenshots: o.screenshots } : {}), ...(o.fullPage ? { fullPage: true } : {}) };
    await plansFromFlags({ source: [o.source], seed: o.seed, term: o.term, apiBase: o.apiBase, allowPrivate: o.allowPrivate, ...evidence }, {}); // validates the source, seeds and options now, not at 3 a.m.
    plan = { source: o.source, seeds: o.seed, terms: o.term, ...(o.apiBase ? { apiBase: o.apiBase } : {}), allowPrivate: o.allowPrivate ?? false, ...evidence };
  } else plan = { allowPrivate: o.allowPrivate ?? false };
  const entry = { name, kind: o.source ? "crawl" as const : "notices" as const, plan, everySeconds, maxPages: positiveInt("--max-pages", o.maxPages, 200), concurrency: positiveInt("--concurrency", o.concurrency, 4) };
  await withStore(ctx, (store) => upsertScheduleEntry(store.db, entry));
  process.stdout.write(`scheduled ${name}: ${entry.kind === "crawl" ? `crawl ${plan.source}` : "re-probe notices"} every ${human(everySeconds)}\n`);
}

async function listCommand(flags: GlobalFlags): Promise<void> {
  const ctx = makeCtx(flags);
  await withStore(ctx, async (store) => {
    const now = new Date();
    for (const e of await listScheduleEntries(store.db)) {
      const next = e.lastStartedAt ? new Date(e.lastStartedAt.getTime() + e.everySeconds * 1000) : now;
      process.stdout.write(`${e.name}\t${e.kind === "crawl" ? e.plan.source : "notices"}\tevery ${human(e.everySeconds)}\tlast success ${iso(e.lastSuccessAt)}\tlast ${e.lastStatus ?? "never run"}\tnext ${next <= now ? "due now" : next.toISOString()}\n`);
    }
  });
}

/** One turn of one entry: a re-crawl (then classification) or a re-probe of the notices not visited for an interval. */
async function runTurn(ctx: Ctx, store: Store, e: ScheduleEntry, signal: AbortSignal): Promise<{ ok: boolean; status: string; error: string | null }> {
  const log = ctx.log.child({ schedule: e.name });
  if (e.kind === "crawl") {
    const plans = await plansFromFlags({ source: [e.plan.source!], seed: e.plan.seeds ?? [], term: e.plan.terms ?? [], apiBase: e.plan.apiBase, allowPrivate: e.plan.allowPrivate, screenshots: e.plan.screenshots, fullPage: e.plan.fullPage }, ctx.config.tokens);
    const summary = await crawlAndClassify(ctx, plans, { maxPages: e.maxPages, concurrency: e.concurrency, signal }, store);
    const bad = summary.runs.find((r) => r.status !== "done");
    return bad ? { ok: false, status: bad.status, error: String(bad.stats.error ?? `${bad.source} run ${bad.runId} ${bad.status}`) } : { ok: true, status: "done", error: null };
  }
  const { listNoticeUrlsDue } = await import("../../store/queries/notice-probes.js");
  const urls = await listNoticeUrlsDue(store.db, new Date(Date.now() - e.everySeconds * 1000), e.maxPages);
  log.info({ notices: urls.length }, "notices due for a re-probe");
  if (urls.length === 0) return { ok: true, status: "done", error: null };
  const { runCrawl } = await import("../../crawler/run.js");
  const summary = await runCrawl({
    store, plans: [{ source: "notice-probe", options: { seeds: [], noticeUrls: urls, allowPrivate: e.plan.allowPrivate ?? false } }],
    maxPages: e.maxPages, concurrency: e.concurrency, log, crawlerVersion: POLAD_VERSION, chromiumPath: chromiumOf(ctx), signal, ocr: false,
  });
  const run = summary.runs[0]!;
  const probes = (run.stats.probes ?? {}) as Record<string, number>;
  process.stdout.write(`notices re-probed: ${JSON.stringify(probes)}\n`);
  // A notice gone (or back) changes the retention finding of the ads that link to it.
  if (probes.gone || probes.back) {
    const t = await classifyStored(store, { now: new Date(), log, rules: ruleContext(ctx.config) });
    process.stdout.write(`classified ${t.ads} ads: ${t.political} political, ${t.findings} findings\n`);
  }
  return run.status === "done" ? { ok: true, status: "done", error: null } : { ok: false, status: run.status, error: `notice-probe run ${run.runId} ${run.status}` };
}

async function runCommand(o: { once?: boolean; poll?: string }, flags: GlobalFlags): Promise<void> {
  const pollMs = (o.poll ? parseDuration("--poll", o.poll, 1) : 60) * 1000;
  const ctx = makeCtx(flags);
  const stop = stopOnSignals();
  try {
    await withStore(ctx, async (store) => {
      let turns = 0;
      while (!stop.signal.aborted) {
        const e = await claimDueEntry(store.db, new Date());
        if (!e) {
          if (o.once) break;
          await new Promise<void>((resolve) => {
            const t = setTimeout(resolve, pollMs);
            stop.signal.addEventListener("abort", () => (clearTimeout(t), resolve()), { once: true });
          });
          continue;
        }
        turns++;
        ctx.log.info({ schedule: e.name, kind: e.kind }, "schedule turn started");
        process.stdout.write(`turn ${e.name} (${e.kind === "crawl" ? e.plan.source : "notices"})\n`);
        const result = await runTurn(ctx, store, e, stop.signal).catch((err: unknown) => ({ ok: false, status: "failed", error: (err as Error).message.slice(0, 500) }));
        // An interrupted turn is due again at once: the next `schedule run` resumes its crawl run.
        await finishScheduleTurn(store.db, e.name, { at: new Date(), ...result, dueAgain: stop.signal.aborted });
        process.stdout.write(`turn ${e.name}: ${result.status}${result.error ? ` (${result.error})` : ""}\n`);
      }
      process.stdout.write(`schedule: ${turns} turn(s) run${stop.signal.aborted ? ", stopped by signal" : ""}\n`);
    });
  } finally {
    stop.dispose();
  }
}

/** Prints per source when it last succeeded and whether it is stale; exits 1 with --check when any is. */
export async function printSourceHealth(store: Store, o: { staleAfterSeconds: number; check?: boolean }): Promise<void> {
  const health = await listSourceHealth(store.db, new Date(), o.staleAfterSeconds);
  for (const h of health) {
    process.stdout.write(`${h.stale ? "STALE" : "ok   "}\t${h.source}\tlast success ${iso(h.lastSuccessAt)}\tlast run ${h.lastStatus ?? "-"} ${iso(h.lastRunAt)}\t${h.everySeconds ? `every ${human(h.everySeconds)}` : "not scheduled"}\t${h.reason}\n`);
  }
  if (o.check && health.some((h) => h.stale)) process.exitCode = 1;
}

const collect = (v: string, prev: string[]) => [...prev, v];

/** Registers `polad schedule add|list|remove|run`. */
export function registerScheduleCommands(program: Command, flags: () => GlobalFlags): void {
  const schedule = program.command("schedule").description("scheduled monitoring: re-crawl sources and re-probe notices at intervals");
  schedule.command("add <name>").description("add or replace an entry: --source <id> (a re-crawl) or --notices (re-probe archived notices)")
    .option("--source <id>", "the source to re-crawl")
    .option("--notices", "re-probe the archived notices not visited for an interval")
    .option("--seed <url>", "a start URL (repeatable)", collect, [])
    .option("--term <text>", "a search term (repeatable)", collect, [])
    .option("--api-base <url>", "API base URL of the source")
    .option("--allow-private", "follow links to private and loopback addresses")
    .option("--screenshots <which>", "publisher pages: political (default) or all, as for crawl")
    .option("--full-page", "publisher pages: keep a whole-page screenshot with each sighting, as for crawl")
    .option("--every <duration>", "interval: 30m, 6h, 1d, 2w")
    .option("--max-pages <n>", "page budget per turn (notices per turn for --notices)", "200")
    .option("--concurrency <n>", "pages fetched, read and stored at once; as many more may render in the browser", "4")
    .action((name: string, o: AddOpts) => addCommand(name, o, flags()));
  schedule.command("list").description("entries with their interval, last success and next turn").action(() => listCommand(flags()));
  schedule.command("remove <name>").description("remove an entry").action(async (name: string) => {
    const ctx = makeCtx(flags());
    const gone = await withStore(ctx, (store) => removeScheduleEntry(store.db, name));
    if (!gone) throw new UsageError(`schedule remove: no entry named ${JSON.stringify(name)}`);
    process.stdout.write(`removed ${name}\n`);
  });
  schedule.command("run").description("run due entries until stopped (Ctrl-C); several processes on one server share the turns")
    .option("--once", "run the entries due now, then exit (for cron)")
    .option("--poll <duration>", "how often to look for due entries", "60s")
    .action((o: { once?: boolean; poll?: string }) => runCommand(o, flags()));
}
