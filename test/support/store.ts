import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { migrate, openStore, type Store } from "../../store/db.js";

/** A migrated test store plus what the test needs to clean up. */
export interface TestStore extends Store {
  dataDir: string;
  /** The server URL (with search_path) when on the server, for child processes. */
  databaseUrl: string | undefined;
}

/**
 * Opens a fresh, migrated store for one test file: on the server (DATABASE_URL) in a schema of its
 * own, so test files can run in parallel; otherwise embedded PGlite in a temporary dir.
 */
export async function openTestStore(): Promise<TestStore> {
  const dataDir = mkdtempSync(join(tmpdir(), "polad-test-"));
  const server = process.env.DATABASE_URL;
  let databaseUrl: string | undefined;
  let schema: string | undefined;
  if (server) {
    schema = `t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    const u = new URL(server);
    u.searchParams.set("options", `-c search_path=${schema}`);
    databaseUrl = u.toString();
  }
  const store = await openStore({ databaseUrl, dataDir });
  await migrate(store.db);
  return {
    ...store,
    dataDir,
    databaseUrl,
    close: async () => {
      await store.close();
      if (server && schema) {
        const admin = new pg.Client({ connectionString: server });
        await admin.connect();
        await admin.query(`drop schema ${schema} cascade`);
        await admin.end();
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
