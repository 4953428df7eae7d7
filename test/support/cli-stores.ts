import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

/** Fresh stores for CLI child processes: an embedded dir each, or on the server a schema each. */
export interface CliStores {
  /** The environment for a child polad on a fresh store named `name`. */
  envFor(name: string): Promise<NodeJS.ProcessEnv>;
  /** Removes every dir and schema handed out. */
  cleanup(): Promise<void>;
  dir: string;
}

async function onServer(server: string, sqlText: string): Promise<void> {
  const c = new pg.Client({ connectionString: server });
  await c.connect();
  try {
    await c.query(sqlText);
  } finally {
    await c.end();
  }
}

/** Creates a pool of fresh CLI stores for one test file, on the server when `server` is given. */
export function cliStores(prefix: string, server: string | undefined = process.env.DATABASE_URL): CliStores {
  const dir = mkdtempSync(join(tmpdir(), `polad-${prefix}-`));
  const schemas: string[] = [];
  return {
    dir,
    async envFor(name) {
      if (!server) return { DATABASE_URL: "", POLAD_DATA_DIR: join(dir, name) };
      const schema = `${prefix}_${process.pid}_${name}`;
      await onServer(server, `drop schema if exists ${schema} cascade; create schema ${schema}`);
      schemas.push(schema);
      const u = new URL(server);
      u.searchParams.set("options", `-c search_path=${schema}`);
      return { DATABASE_URL: u.toString() };
    },
    async cleanup() {
      rmSync(dir, { recursive: true, force: true });
      if (server && schemas.length) await onServer(server, schemas.map((s) => `drop schema if exists ${s} cascade`).join("; "));
    },
  };
}
