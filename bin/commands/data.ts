import { createWriteStream, renameSync, rmSync } from "node:fs";
import { once } from "node:events";
import type { Command } from "commander";
import { stringify } from "csv-stringify/sync";
import { adInputSchema } from "../../common/ad-input.js";
import { UsageError } from "../../common/errors.js";
import { readJsonLines } from "../../common/jsonl.js";
import { defaultActorRegistry } from "../../classifier/actors.js";
import { classify } from "../../classifier/classify.js";
import { importAdStream } from "../../store/queries/ads.js";
import { progressReporter } from "../pipeline/progress.js";
import { withDbRetry } from "../../store/retry.js";
import { violationReport, type ReportBy } from "../../store/queries/reports.js";
import { makeCtx, withStore, type GlobalFlags } from "../context.js";
import { classifyStored } from "../pipeline/classify-stored.js";
import { ruleContext } from "../pipeline/rule-context.js";
import { openInput } from "../pipeline/input.js";

function parseNow(s: string | undefined): Date {
  if (s === undefined) return new Date();
  const d = new Date(s);
  if (Number.isNaN(d.getTime())) throw new UsageError(`--now: not an ISO 8601 date-time: ${s}`);
  return d;
}

/** `polad import`: streams and validates lines into one transaction (a bad line anywhere writes nothing), then classifies. */
async function importCommand(opts: { input: string; now?: string; classify?: boolean }, flags: GlobalFlags): Promise<void> {
  const ctx = makeCtx(flags);
  const now = parseNow(opts.now);
  if (opts.input !== "-") openInput(opts.input).destroy(); // fail on a missing file before opening the store
  await withStore(ctx, async (store) => {
    const progress = progressReporter("imported");
    const once = () => {
      const lines = readJsonLines(openInput(opts.input), adInputSchema);
      const ads = (async function* () {
        for await (const { value } of lines) yield value;
      })();
      return importAdStream(store.db, ads, { now, onProgress: progress });
    };
    // A file can be read again, so a server restart mid-import restarts the (rolled back) transaction.
    const n = opts.input === "-" ? await once() : await withDbRetry("import", once, { ...store.retry, onRetry: (attempt) => ctx.log.warn({ attempt }, "database unreachable; retrying import") });
    process.stdout.write(`imported ${n} ads\n`);
    if (opts.classify === false) return;
    const t = await classifyStored(store, { now, log: ctx.log, rules: ruleContext(ctx.config) });
    process.stdout.write(`classified ${t.ads} ads: ${t.political} political, ${t.findings} findings\n`);
  });
}

/** `polad classify`: offline (one verdict per input line, in order) or re-classify the store. */
async function classifyCommand(opts: { input?: string; output?: string; now?: string }, flags: GlobalFlags): Promise<void> {
  const now = parseNow(opts.now);
  if (!opts.input) {
    if (opts.output) throw new UsageError("--output needs --input (re-classifying the store writes to the store)");
    const ctx = makeCtx(flags);
    await withStore(ctx, async (store) => {
      const t = await classifyStored(store, { now, log: ctx.log, rules: ruleContext(ctx.config) });
      process.stdout.write(`classified ${t.ads} ads: ${t.political} political, ${t.findings} findings\n`);
    });
    return;
  }
  const toFile = opts.output !== undefined && opts.output !== "-";
  const tmp = toFile ? `${opts.output}.${process.pid}.tmp` : "";
  const out = toFile ? createWriteStream(tmp) : process.stdout;
  const actors = defaultActorRegistry();
  const rules = ruleContext(makeCtx(flags).config);
  try {
    for await (const { value } of readJsonLines(openInput(opts.input), adInputSchema)) {
      const v = classify(value, { ...rules, now, actors });
      const line = JSON.stringify({ id: v.id, political: v.political, score: v.score, decision: v.decision, reasons: v.reasons, party: v.party, findings: v.findings, rule_set: v.ruleSet });
      if (!out.write(line + "\n")) await once(out, "drain");
    }
    if (toFile) {
      out.end();
      await once(out, "finish");
      renameSync(tmp, opts.output!);
    }
  } catch (err) {
    if (toFile) {
      // Let pending writes settle before removing the partial file: no half-written output is left.
      out.end();
      await once(out, "close").catch(() => undefined);
      rmSync(tmp, { force: true });
    }
    throw err;
  }
}

/** `polad report`: violation aggregates on stdout as JSON or CSV. */
async function reportCommand(opts: { by: string; format: string; includeDismissed?: boolean }, flags: GlobalFlags): Promise<void> {
  if (!["party", "publisher", "rule"].includes(opts.by)) throw new UsageError(`--by: expected party, publisher or rule, got ${opts.by}`);
  if (!["json", "csv"].includes(opts.format)) throw new UsageError(`--format: expected json or csv, got ${opts.format}`);
  const ctx = makeCtx(flags);
  await withStore(ctx, async (store) => {
    const rows = await violationReport(store.db, { by: opts.by as ReportBy, includeDismissed: opts.includeDismissed ?? false });
    if (opts.format === "json") process.stdout.write(JSON.stringify(rows, null, 2) + "\n");
    else process.stdout.write(stringify(rows, { header: true, columns: ["key", "ads", "political", "violations", "critical", "high", "medium", "low", "info"] }));
  });
}

/** Registers import, classify and report. */
export function registerDataCommands(program: Command, flags: () => GlobalFlags): void {
  program.command("import").description("read ads as JSON lines, store them and classify them")
    .requiredOption("--input <file>", "JSON lines file, or - for stdin")
    .option("--now <iso>", "the date-time to judge against (default: now)")
    .option("--no-classify", "store only; classify later with `polad classify`")
    .action((o) => importCommand(o, flags()));
  program.command("classify").description("classify JSON lines offline (one verdict per line), or re-classify the stored ads")
    .option("--input <file>", "JSON lines file, or - for stdin; without it, re-classify the store")
    .option("--output <file>", "where verdicts go (default stdout)")
    .option("--now <iso>", "the date-time to judge against (default: now)")
    .action((o) => classifyCommand(o, flags()));
  program.command("report").description("violation aggregates on stdout")
    .option("--by <what>", "party, publisher or rule", "party")
    .option("--format <fmt>", "json or csv", "json")
    .option("--include-dismissed", "count findings a reviewer dismissed")
    .action((o) => reportCommand(o, flags()));
}
