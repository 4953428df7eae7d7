import type { Logger } from "pino";
import { readConfig, type Config } from "../common/config.js";
import { createLogger } from "../common/log.js";
import { migrate, openStore, type Store } from "../store/db.js";
import { withDbRetry } from "../store/retry.js";

/** Global flags every command accepts. */
export interface GlobalFlags { dataDir?: string }

/** What a command needs from the composition root. */
export interface Ctx { config: Config; log: Logger }

/** Reads config and builds the logger: the only place that does. */
export function makeCtx(flags: GlobalFlags): Ctx {
  return { config: readConfig(process.env, flags), log: createLogger() };
}

/** Opens the configured store, migrates it, runs `fn`, and always closes the store (releasing the dir lock). */
export async function withStore<T>(ctx: Ctx, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore({ databaseUrl: ctx.config.databaseUrl, dataDir: ctx.config.dataDir, evidenceDir: ctx.config.evidenceDir, retryForMs: ctx.config.dbRetryMs });
  try {
    await withDbRetry("migrate", () => migrate(store.db), { ...store.retry, onRetry: (attempt) => ctx.log.warn({ attempt }, "database unreachable; waiting") });
    return await fn(store);
  } finally {
    await store.close();
  }
}
