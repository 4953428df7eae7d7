import type { Logger } from "pino";
import type { Store } from "../store/db.js";
import { DbUnreachableError, withDbRetry } from "../store/retry.js";
import { StopRun } from "./errors.js";

/**
 * One store call of the crawl (claim, capture, settle, statistics): a server restart is waited out
 * and the call repeated (withDbRetry, within the store's bound), so an item in flight is neither lost
 * nor failed because of the database. The call must be safe to repeat: one transaction or idempotent
 * statements. When the server stays away the run stops with reason "database-unreachable".
 */
export async function crawlDb<T>(s: { store: Store; log: Logger }, what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await withDbRetry(what, fn, { ...s.store.retry, onRetry: (attempt, err) => s.log.warn({ what, attempt, err: (err as Error).message?.slice(0, 200) }, "database unreachable; waiting") });
  } catch (err) {
    // The message says what happens next; the cause names the database and its last error.
    if (err instanceof DbUnreachableError) throw new StopRun(DB_UNREACHABLE, "crawl stopped (the same command resumes the run)", { cause: err });
    throw err;
  }
}

/** The StopRun reason of a crawl whose database stayed unreachable: nothing more can be recorded. */
export const DB_UNREACHABLE = "database-unreachable";
