import pino, { type Logger } from "pino";

/**
 * The process logger: structured JSON on stderr, so stdout stays clean for data (verdicts, reports).
 * On a terminal the default level is warn: progress bars show the work there, and info lines would
 * break them; off a terminal (CI, cron, files) info lines are the progress record.
 */
export function createLogger(level: string = process.env.POLAD_LOG_LEVEL || (process.stderr.isTTY ? "warn" : "info")): Logger {
  return pino({ level, base: undefined }, pino.destination(2));
}
export type { Logger };
