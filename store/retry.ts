import pRetry, { AbortError } from "p-retry";

const TRANSIENT_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "57P01", "57P02", "57P03", "08000", "08003", "08006", "08001", "08004", "40001", "40P01"]);

/** True for errors that a restarted or briefly unreachable Postgres server causes: worth waiting and retrying. */
export function isTransientDbError(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && TRANSIENT_CODES.has(code)) return true;
    const msg = e instanceof Error ? e.message : "";
    if (/Connection terminated|terminating connection|the database system is (starting up|shutting down)|Client has encountered a connection error|timeout exceeded when trying to connect/i.test(msg)) return true;
  }
  return false;
}

/**
 * Runs a whole unit of database work again when the server goes away (restart, failover), waiting
 * with exponential backoff for up to about two minutes. The unit must be safe to repeat: one
 * transaction, or idempotent upserts.
 */
export async function withDbRetry<T>(what: string, fn: () => Promise<T>, onRetry?: (attempt: number, err: unknown) => void): Promise<T> {
  return pRetry(
    async () => {
      try {
        return await fn();
      } catch (err) {
        if (isTransientDbError(err)) throw err;
        throw new AbortError(err as Error);
      }
    },
    { retries: 12, minTimeout: 250, maxTimeout: 15_000, factor: 2, randomize: true, onFailedAttempt: ({ error, attemptNumber }) => onRetry?.(attemptNumber, error) },
  ).catch((err: unknown) => {
    if (isTransientDbError(err)) throw new Error(`${what}: the database stayed unreachable`, { cause: err });
    throw err;
  });
}
