import pRetry, { AbortError } from "p-retry";

const TRANSIENT_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "57P01", "57P02", "57P03", "08000", "08003", "08006", "08001", "08004", "40001", "40P01"]);

/** How long a unit of database work waits for the server by default before giving up. */
export const DEFAULT_DB_RETRY_MS = 120_000;

/** True for errors that a restarted or briefly unreachable Postgres server causes: worth waiting and retrying. */
export function isTransientDbError(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof DbUnreachableError) return false; // already waited the whole bound: do not wait again around it
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && TRANSIENT_CODES.has(code)) return true;
    const msg = e instanceof Error ? e.message : "";
    if (/Connection terminated|terminating connection|the database system is (starting up|shutting down)|Client has encountered a connection error|is not queryable|timeout exceeded when trying to connect/i.test(msg)) return true;
  }
  return false;
}

/** The server stayed unreachable for the whole retry bound; the message names the database and the last error. */
export class DbUnreachableError extends Error {
  constructor(what: string, database: string, waitedMs: number, options: { cause: unknown }) {
    const last = options.cause instanceof Error ? options.cause.message : String(options.cause);
    super(`${what}: the database ${database} stayed unreachable for ${Math.round(waitedMs / 1000)} s (last error: ${last.slice(0, 200)})`, options);
    this.name = "DbUnreachableError";
  }
}

/** How withDbRetry waits: for how long, which database it names when it gives up, whom it tells about each retry. */
export interface DbRetryOptions {
  /** Give up after about this long (default two minutes). */
  forMs?: number | undefined;
  /** The database as named in errors, e.g. "127.0.0.1:5432/polad" (never the password). */
  database?: string | undefined;
  onRetry?: ((attempt: number, err: unknown) => void) | undefined;
}

/** A server URL as errors name it: host, port and database, without user or password. */
export function databaseName(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || "5432"}${u.pathname.length > 1 ? u.pathname : "/postgres"}`;
  } catch {
    return "(unparsable DATABASE_URL)";
  }
}

/**
 * Runs a whole unit of database work again when the server goes away (restart, failover), waiting
 * with exponential backoff for a bounded time, then throws DbUnreachableError. The unit must be safe
 * to repeat: one transaction (rolled back when the connection dropped), or idempotent statements.
 * The third argument is the retry callback or the options.
 */
export async function withDbRetry<T>(what: string, fn: () => Promise<T>, o?: DbRetryOptions | DbRetryOptions["onRetry"]): Promise<T> {
  const opts: DbRetryOptions = typeof o === "function" ? { onRetry: o } : (o ?? {});
  const forMs = opts.forMs ?? DEFAULT_DB_RETRY_MS;
  const started = Date.now();
  return pRetry(
    async () => {
      try {
        return await fn();
      } catch (err) {
        if (isTransientDbError(err)) throw err;
        throw new AbortError(err as Error);
      }
    },
    { retries: 1_000, maxRetryTime: forMs, minTimeout: 250, maxTimeout: 10_000, factor: 2, randomize: true, onFailedAttempt: ({ error, attemptNumber }) => opts.onRetry?.(attemptNumber, error) },
  ).catch((err: unknown) => {
    if (isTransientDbError(err)) throw new DbUnreachableError(what, opts.database ?? "server", Date.now() - started, { cause: err });
    throw err;
  });
}
