import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { sql } from "kysely";
import { migrate, openStore } from "../../store/db.js";

/** A store that child `polad` processes use, plus a way to count its rows from the test afterwards. */
export interface CliStore {
  env: NodeJS.ProcessEnv;
  dir: string;
  /** Row count of each table named, migrating first (the store must not be in use by a child at the time). */
  count(tables: readonly string[]): Promise<Record<string, number>>;
  close(): Promise<void>;
}

/**
 * A fresh store for CLI runs: on the server (DATABASE_URL) a schema of its own, else an embedded data
 * dir that is only opened by the test between child runs (PGlite allows one process per dir).
 */
export async function openCliStore(): Promise<CliStore> {
  const dir = mkdtempSync(join(tmpdir(), "polad-badinput-"));
  const server = process.env.DATABASE_URL;
  const schema = `bad_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = async (q: string) => {
    const c = new pg.Client({ connectionString: server });
    await c.connect();
    try {
      await c.query(q);
    } finally {
      await c.end();
    }
  };
  let env: NodeJS.ProcessEnv;
  if (server) {
    await admin(`create schema ${schema}`);
    const u = new URL(server);
    u.searchParams.set("options", `-c search_path=${schema}`);
    env = { DATABASE_URL: u.toString(), POLAD_DATA_DIR: join(dir, "data") };
  } else {
    env = { DATABASE_URL: "", POLAD_DATA_DIR: join(dir, "data") };
  }
  return {
    env,
    dir,
    async count(tables) {
      const store = await openStore({ databaseUrl: env.DATABASE_URL || undefined, dataDir: join(dir, "data") });
      try {
        await migrate(store.db); // a refused input may never have opened the store: count zero rows then
        const out: Record<string, number> = {};
        for (const t of tables) {
          const r = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(t)}`.execute(store.db);
          out[t] = Number(r.rows[0]?.n);
        }
        return out;
      } finally {
        await store.close();
      }
    },
    async close() {
      if (server) await admin(`drop schema if exists ${schema} cascade`);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
