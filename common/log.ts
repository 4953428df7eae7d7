import pino, { type Logger } from "pino";

/** The process logger: structured JSON on stderr, so stdout stays clean for data (verdicts, reports). */
export function createLogger(level: string = process.env.POLAD_LOG_LEVEL ?? "info"): Logger {
  return pino({ level, base: undefined }, pino.destination(2));
}
export type { Logger };
