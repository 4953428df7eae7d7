import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { parseActorsCsv } from "../../classifier/actors.js";
import { RULES } from "../../classifier/rules/index.js";
import { InputError, UsageError } from "../../common/errors.js";
import { migrate, openStore } from "../../store/db.js";
import { upsertActors } from "../../store/queries/actors.js";
import { listRuns } from "../../store/queries/runs.js";
import { verifyRun } from "../../store/verify.js";
import { makeCtx, withStore, type GlobalFlags } from "../context.js";

async function migrateCommand(flags: GlobalFlags): Promise<void> {
  const ctx = makeCtx(flags);
  const store = await openStore({ databaseUrl: ctx.config.databaseUrl, dataDir: ctx.config.dataDir });
  try {
    const applied = await migrate(store.db);
    process.stdout.write(applied.length ? `applied ${applied.join(", ")}\n` : "schema is up to date\n");
  } finally {
    await store.close();
  }
}

async function verifyCommand(opts: { run?: string; bundle?: string }, flags: GlobalFlags): Promise<void> {
  if (opts.bundle) {
    const { verifyBundle } = await import("../../dashboard/bundle.js");
    const r = await verifyBundle(opts.bundle);
    process.stdout.write(JSON.stringify(r, null, 2) + "\n");
    if (!r.ok) process.exitCode = 1;
    return;
  }
  const ctx = makeCtx(flags);
  await withStore(ctx, async (store) => {
    const runs = opts.run ? [Number(opts.run)] : (await listRuns(store.db, 1000)).map((r) => r.id);
    if (runs.some((r) => !Number.isInteger(r) || r <= 0)) throw new UsageError(`--run: expected a run id, got ${opts.run}`);
    let bad = 0;
    for (const id of runs) {
      const r = await verifyRun(store, id);
      process.stdout.write(`run ${id}: ${r.ok ? "OK" : "BROKEN"} (${r.entries} entries, ${r.problems.length} problems)\n`);
      for (const p of r.problems.slice(0, 20)) process.stdout.write(`  ${p}\n`);
      if (!r.ok) bad++;
    }
    if (bad) process.exitCode = 1;
  });
}

async function actorsImport(file: string, flags: GlobalFlags): Promise<void> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    throw new UsageError(`actors import: cannot read ${file}: ${(err as Error).message}`);
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch (err) {
    throw new InputError(`actors import: ${file} is not valid UTF-8`, {}, { cause: err });
  }
  const rows = parseActorsCsv(text);
  const ctx = makeCtx(flags);
  await withStore(ctx, async (store) => {
    const n = await upsertActors(store.db, rows);
    process.stdout.write(`imported ${n} actors\n`);
  });
}

/** Registers migrate, rules, verify, status and actors. */
export function registerOpsCommands(program: Command, flags: () => GlobalFlags): void {
  program.command("migrate").description("create or update the database schema").action(() => migrateCommand(flags()));
  program.command("rules").description("list the rules with their article and title").action(() => {
    for (const r of RULES) process.stdout.write(`${r.id}\t${r.article}\t${r.severity}\t${r.title}\n`);
  });
  program.command("verify").description("check crawl runs' hash chains and evidence files, or an exported bundle offline")
    .option("--run <id>", "one run (default: all)")
    .option("--bundle <zip>", "an evidence bundle exported from the dashboard")
    .action((o) => verifyCommand(o, flags()));
  program.command("status").description("crawl runs, per source when it last succeeded (stale ones flagged), and notice re-probes")
    .option("--stale-after <duration>", "an unscheduled source is stale when its last success is older than this", "7d")
    .option("--check", "exit 1 when any source is stale (for monitoring)")
    .action(async (o: { staleAfter: string; check?: boolean }) => {
      const { parseDuration, printSourceHealth } = await import("./schedule.js");
      const staleAfterSeconds = parseDuration("--stale-after", o.staleAfter);
      const ctx = makeCtx(flags());
      await withStore(ctx, async (store) => {
        process.stdout.write("runs:\n");
        for (const r of await listRuns(store.db, 50)) process.stdout.write(`${r.id}\t${r.source}\t${r.status}\t${r.startedAt.toISOString()}\t${JSON.stringify(r.stats)}\n`);
        process.stdout.write("sources:\n");
        await printSourceHealth(store, { staleAfterSeconds, check: o.check });
        const { noticeProbeSummary } = await import("../../store/queries/notice-probes.js");
        const probes = await noticeProbeSummary(store.db);
        process.stdout.write(`notices (latest re-probe): ${Object.entries(probes).map(([k, n]) => `${k} ${n}`).join(", ")}\n`);
      });
    });
  const actors = program.command("actors").description("the registry of political actors");
  actors.command("import <file>").description("import actors from CSV (name,party,kind,aliases)").action((file: string) => actorsImport(file, flags()));
}
