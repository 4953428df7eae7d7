import { Command, CommanderError } from "commander";
import { InputError, UsageError } from "../common/errors.js";
import { POLAD_VERSION } from "../common/version.js";
import { registerCrawlCommands } from "./commands/crawl.js";
import { registerDataCommands } from "./commands/data.js";
import { registerOpsCommands } from "./commands/ops.js";
import { registerScheduleCommands } from "./commands/schedule.js";
import type { GlobalFlags } from "./context.js";

const program = new Command("polad")
  .description("polad: checks online political ads against EU Regulation 2024/900 (TTPA)")
  .version(POLAD_VERSION)
  .option("--data-dir <dir>", "embedded store directory (env POLAD_DATA_DIR, default ./.polad); ignored when DATABASE_URL is set")
  .exitOverride()
  .showHelpAfterError();

const flags = (): GlobalFlags => {
  const o = program.opts<{ dataDir?: string }>();
  return o.dataDir ? { dataDir: o.dataDir } : {};
};
registerCrawlCommands(program, flags);
registerDataCommands(program, flags);
registerOpsCommands(program, flags);
registerScheduleCommands(program, flags);
(await import("./commands/worker.js")).registerWorkerCommand(program, flags);
for (const c of program.commands) c.exitOverride();

/** Exit codes: 0 success, 1 failure, 2 bad usage or bad input. */
try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    process.exitCode = err.exitCode === 0 ? 0 : 2;
  } else if (err instanceof UsageError || err instanceof InputError) {
    process.stderr.write(`polad: ${err.message}\n`);
    process.exitCode = 2;
  } else {
    const e = err as Error;
    const cause = e.cause instanceof Error ? `: ${e.cause.message}` : "";
    process.stderr.write(`polad: ${e.message}${cause}\n`);
    if (process.env.POLAD_LOG_LEVEL === "debug") process.stderr.write(`${e.stack ?? ""}\n`);
    process.exitCode = 1;
  }
}
