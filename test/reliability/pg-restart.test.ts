import { execFileSync } from "node:child_process";
import { createWriteStream, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { once } from "node:events";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { runPolad } from "../support/cli.js";
import { exited, startPolad } from "../support/spawn-polad.js";

// Restarting the server disturbs every other test that uses it, so this file runs only on request,
// alone: `POLAD_RESTART_TESTS=1 DATABASE_URL=... npx vitest run test/reliability/pg-restart.test.ts` (.ci/run does).
const server = process.env.DATABASE_URL;
const enabled = process.env.POLAD_RESTART_TESTS === "1" && server !== undefined;
const dir = mkdtempSync(join(tmpdir(), "polad-restart-"));
const schemas: string[] = [];

function restartPostgres(): void {
  const version = readdirSync("/etc/postgresql").sort().at(-1)!;
  execFileSync("pg_ctlcluster", ["--skip-systemctl-redirect", version, "main", "restart"], { stdio: "ignore" });
}

async function envFor(name: string): Promise<NodeJS.ProcessEnv> {
  const schema = `restart_${process.pid}_${name}`;
  const c = new pg.Client({ connectionString: server });
  await c.connect();
  await c.query(`drop schema if exists ${schema} cascade; create schema ${schema}`);
  await c.end();
  schemas.push(schema);
  const u = new URL(server!);
  u.searchParams.set("options", `-c search_path=${schema}`);
  return { DATABASE_URL: u.toString() };
}

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  if (!enabled) return;
  const c = new pg.Client({ connectionString: server });
  await c.connect();
  for (const s of schemas) await c.query(`drop schema if exists ${s} cascade`);
  await c.end();
});

describe.skipIf(!enabled)("the Postgres server restarts in the middle of the work", () => {
  it("an import waits, reconnects and ends with the store of an undisturbed import", { timeout: 600_000 }, async () => {
    const file = join(dir, "ads.jsonl");
    const out = createWriteStream(file);
    for (let i = 0; i < 20_000; i++) out.write(JSON.stringify({ id: `r${i}`, source: "publisher", publisher: `site${i % 5}.nl`, sponsor: i % 2 ? "VVD" : "Bakkerij", text: `Stem op 18 maart, bericht ${i}` }) + "\n");
    out.end();
    await once(out, "finish");
    const clean = await envFor("clean");
    expect((await runPolad(["import", "--input", file, "--now", "2026-03-10T00:00:00Z"], { env: clean })).code).toBe(0);
    const disturbed = await envFor("disturbed");
    const child = startPolad(["import", "--input", file, "--now", "2026-03-10T00:00:00Z"], disturbed);
    await new Promise((r) => setTimeout(r, 2500));
    restartPostgres();
    const code = await exited(child);
    expect(code, child.out()).toBe(0);
    const report = async (env: NodeJS.ProcessEnv) => (await runPolad(["report", "--by", "rule", "--include-dismissed"], { env })).stdout;
    const want = await report(clean);
    expect(want).toMatch(/"violations": [1-9]/);
    expect(await report(disturbed)).toBe(want);
  });
});
