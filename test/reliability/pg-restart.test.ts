import { execFileSync } from "node:child_process";
import { createWriteStream, readdirSync } from "node:fs";
import { once } from "node:events";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { runPolad } from "../support/cli.js";
import { cliStores } from "../support/cli-stores.js";
import { exited, startPolad } from "../support/spawn-polad.js";

// Restarting the server disturbs every other test that uses it, so this file runs only on request,
// alone: `POLAD_RESTART_TESTS=1 DATABASE_URL=... npx vitest run test/reliability/pg-restart.test.ts` (.ci/run does).
const server = process.env.DATABASE_URL;
const enabled = process.env.POLAD_RESTART_TESTS === "1" && server !== undefined;
const stores = cliStores("restart");
const dir = stores.dir;
/**
 * Polls the server until a backend is writing ads (this file runs alone, so it is the import under test):
 * its last statement inserts into ad, whether Kysely's quoted form or the import's batch statement (with ... insert into ad).
 */
async function waitForImportInProgress(url: string): Promise<boolean> {
  for (let i = 0; i < 600; i++) {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    const { rows } = await c.query(`select count(*)::int as n from pg_stat_activity where pid <> pg_backend_pid() and query ~* 'insert into "?ad"? \\('`);
    await c.end();
    if ((rows[0] as { n: number }).n > 0) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

function restartPostgres(): void {
  const version = readdirSync("/etc/postgresql").sort().at(-1)!;
  execFileSync("pg_ctlcluster", ["--skip-systemctl-redirect", version, "main", "restart"], { stdio: "ignore" });
}

const envFor = (name: string) => stores.envFor(name);
afterAll(() => stores.cleanup());

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
    // Restart only once the import is inside its transaction writing ads: the fault hits mid-import.
    expect(await waitForImportInProgress(server!)).toBe(true);
    restartPostgres();
    const code = await exited(child);
    expect(code, child.out()).toBe(0);
    const report = async (env: NodeJS.ProcessEnv) => (await runPolad(["report", "--by", "rule", "--include-dismissed"], { env })).stdout;
    const want = await report(clean);
    expect(want).toMatch(/"violations": [1-9]/);
    expect(await report(disturbed)).toBe(want);
  });
});
