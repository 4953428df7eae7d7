import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import pino from "pino";
import { migrate, openStore, type Store } from "../../store/db.js";

/** A store for one crawler test: the Postgres server in a fresh schema when DATABASE_URL is set, else PGlite in a temp dir. */
export interface TestStore { store: Store; dataDir: string; databaseUrl: string | undefined; dispose(): Promise<void> }

/** Opens a migrated, empty store that no other test shares. */
export async function openTestStore(): Promise<TestStore> {
  const dataDir = mkdtempSync(join(tmpdir(), "polad-crawl-test-"));
  const base = process.env.DATABASE_URL;
  let databaseUrl: string | undefined;
  let schema: string | null = null;
  if (base) {
    schema = `polad_crawl_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    await c.query(`create schema ${schema}`);
    await c.end();
    databaseUrl = `${base}${base.includes("?") ? "&" : "?"}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  }
  const store = await openStore({ databaseUrl, dataDir });
  await migrate(store.db);
  return {
    store, dataDir, databaseUrl,
    async dispose() {
      await store.close();
      if (base && schema) {
        const c = new pg.Client({ connectionString: base });
        await c.connect();
        await c.query(`drop schema if exists ${schema} cascade`);
        await c.end();
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A quiet logger for tests (warnings and errors still show). */
export const testLog = pino({ level: process.env.POLAD_TEST_LOG ?? "warn" }, pino.destination(2));

/** Fast but still polite settings for crawling the loopback sandbox. */
export const TEST_POLITENESS = { hostIntervalMs: 20, backoffBaseMs: 200, blockedPauseMs: 300, navTimeoutMs: 15_000 };

/** Debian's Chromium. */
export const CHROMIUM = process.env.POLAD_CHROMIUM ?? "/usr/bin/chromium";
