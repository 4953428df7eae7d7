import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startSandbox } from "../../sandbox/server.js";
import { openStore } from "../../store/db.js";
import { listJudgedAds } from "../../store/queries/scorecard.js";
import { runPolad } from "../support/cli.js";
import { score } from "../support/score.js";

const dir = mkdtempSync(join(tmpdir(), "polad-e2e-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("polad demo end to end", () => {
  it("crawls every sandbox source, classifies, and finds the sandbox's truth", { timeout: 900_000 }, async () => {
    const r = await runPolad(["--data-dir", dir, "demo", "--exit"], { env: { DATABASE_URL: "", POLAD_LOG_LEVEL: "warn" }, timeoutMs: 880_000 });
    expect(r.code, r.stderr.slice(-3000)).toBe(0);
    expect(r.stdout).toMatch(/classified \d+ ads/);
    const sandbox = await startSandbox();
    const truth = sandbox.truth;
    await sandbox.close();
    const store = await openStore({ dataDir: join(dir, "demo") });
    try {
      const ads = await listJudgedAds(store.db);
      const s = score(truth, ads);
      console.log(JSON.stringify({ ...s, misses: s.misses.slice(0, 40) }, null, 2));
      expect(s.reachable).toBeGreaterThan(10);
      expect(s.found / s.reachable).toBeGreaterThanOrEqual(0.9);
      expect(s.politicalRight / s.found).toBeGreaterThanOrEqual(0.9);
      expect(s.tp / (s.tp + s.fp)).toBeGreaterThanOrEqual(0.8);
      expect(s.tp / (s.tp + s.fn)).toBeGreaterThanOrEqual(0.8);
    } finally {
      await store.close();
    }
  });
});
