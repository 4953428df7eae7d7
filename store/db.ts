import { accessSync, constants, mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { Kysely, Migrator, PostgresDialect, sql, type MigrationProvider } from "kysely";
import { PGliteDialect } from "kysely-pglite-dialect";
import pg from "pg";
import { lockDataDir } from "./lock.js";
import { MIGRATIONS } from "./migrations/index.js";
import { databaseName, DEFAULT_DB_RETRY_MS, type DbRetryOptions } from "./retry.js";
import type { Database } from "./schema.js";

/** An open store: the Kysely handle, which backend it is, and where evidence files live. */
export interface Store {
  db: Kysely<Database>;
  kind: "server" | "embedded";
  evidenceDir: string;
  /** How long work on this store waits for a restarting server, and the database named when it gives up (withDbRetry). */
  retry?: Pick<DbRetryOptions, "forMs" | "database">;
  close(): Promise<void>;
}

/** Where the store lives: a server URL, or an embedded data dir. */
export interface StoreOptions {
  databaseUrl?: string | undefined;
  dataDir: string;
  evidenceDir?: string | undefined;
  /** How long to wait for an unreachable server before giving up (default two minutes). */
  retryForMs?: number | undefined;
}

// bigint (int8) and numeric come back as strings from node-pg; counts and ids fit in a JS number.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

/** Opens the server (DATABASE_URL) or the embedded PGlite store, locking an embedded dir. */
export async function openStore(opts: StoreOptions): Promise<Store> {
  const dataDir = resolve(opts.dataDir);
  const evidenceDir = resolve(opts.evidenceDir ?? join(dataDir, "evidence"));
  try {
    mkdirSync(evidenceDir, { recursive: true });
    accessSync(evidenceDir, constants.W_OK);
  } catch (err) {
    throw new Error(`the evidence dir ${evidenceDir} is not a writable directory (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`, { cause: err });
  }
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 8 });
    // A server restart makes every client emit 'error'; unhandled, that event kills the process. The
    // failure reaches the caller through its query instead, and withDbRetry decides what to do.
    pool.on("error", () => undefined);
    pool.on("connect", (client) => client.on("error", () => undefined));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: "server", evidenceDir, retry: { forMs: opts.retryForMs ?? DEFAULT_DB_RETRY_MS, database: databaseName(opts.databaseUrl) }, close: () => db.destroy() };
  }
  const pgDir = join(dataDir, "pg");
  mkdirSync(pgDir, { recursive: true });
  const unlock = lockDataDir(dataDir);
  try {
    // pg_trgm backs the dashboard's text search index (migration 0006); PGlite loads only the extensions it is given.
    const pglite = await PGlite.create(pgDir, { extensions: { pg_trgm } });
    const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
    const close = async () => {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
      unlock();
    };
    return { db, kind: "embedded", evidenceDir, retry: { forMs: opts.retryForMs ?? DEFAULT_DB_RETRY_MS, database: `the embedded store in ${pgDir}` }, close };
  } catch (err) {
    unlock();
    throw new Error(`could not open the embedded store in ${pgDir}`, { cause: err });
  }
}

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/** Brings the schema up to date; safe to run on every start and from two processes at once. */
export async function migrate(db: Kysely<Database>): Promise<string[]> {
  // Keep the bookkeeping tables in the schema the connection works in (search_path), so a store in
  // its own schema is not confused by another polad's tables in public.
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  const schema = rows[0]?.schema ?? "public";
  // Migrations are independent additions; a store that ran a later one before an earlier one was
  // written (parallel branches of work) runs the missing one instead of refusing to open.
  const migrator = new Migrator({ db, provider, migrationTableSchema: schema, migrationTableName: "polad_migration", migrationLockTableName: "polad_migration_lock", allowUnorderedMigrations: true });
  for (let attempt = 1; ; attempt++) {
    const { error, results } = await migrator.migrateToLatest();
    if (!error) return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
    // Kysely looks for its bookkeeping tables by listing every table of the database; a schema or
    // table another process drops meanwhile (other stores on the same server) fails that listing
    // with "does not exist". Nothing was applied then (migrations run in one transaction): look again.
    if (attempt >= 5 || !droppedMeanwhile(error)) throw new Error("database migration failed", { cause: error });
    await new Promise((r) => setTimeout(r, 100 * attempt));
  }
}

/** A catalog listing that raced a concurrent DROP: invalid schema (3F000), undefined table (42P01) or column (42703: the introspector read the columns of a table being dropped), or a catalog cache miss. */
function droppedMeanwhile(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown } | null;
  return !!e && (e.code === "3F000" || e.code === "42P01" || e.code === "42703" || (typeof e.message === "string" && /cache lookup failed/.test(e.message)));
}
