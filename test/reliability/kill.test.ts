import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runPolad } from "../support/cli.js";
import { cliStores } from "../support/cli-stores.js";
import { exited, seeded, startPolad } from "../support/spawn-polad.js";

const stores = cliStores("kill");
const dir = stores.dir;
const envFor = (name: string) => stores.envFor(name);
afterAll(() => stores.cleanup());

async function writeAds(file: string, n: number): Promise<void> {
  const out = createWriteStream(file);
  const parties = ["VVD", "D66", "CDA", "SP", "Pizza Roma", "Bakkerij Jansen"];
  for (let i = 0; i < n; i++) {
    const p = parties[i % parties.length]!;
    const line = JSON.stringify({ id: `k${i}`, source: "publisher", publisher: `site${i % 7}.nl`, sponsor: p, text: i % 2 ? `Stem ${p} op 18 maart, advertentie ${i}` : `Aanbieding ${i} van ${p}`, label: i % 3 ? null : `Politieke advertentie · Betaald door ${p}` });
    if (!out.write(line + "\n")) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
}

/** A fingerprint of the store's ads, verdicts and findings, through the CLI's own report. */
async function fingerprint(env: NodeJS.ProcessEnv): Promise<string> {
  const byRule = await runPolad(["report", "--by", "rule", "--include-dismissed"], { env });
  const byPublisher = await runPolad(["report", "--by", "publisher", "--include-dismissed"], { env });
  expect(byRule.code, byRule.stderr).toBe(0);
  return `${byRule.stdout}\n${byPublisher.stdout}`;
}

describe("SIGKILL at random points", () => {
  it("an import killed several times and rerun ends with the store of an undisturbed import", { timeout: 600_000 }, async () => {
    const file = join(dir, "ads.jsonl");
    await writeAds(file, 3000);
    const clean = await envFor("clean");
    const ref = await runPolad(["import", "--input", file, "--now", "2026-03-10T00:00:00Z"], { env: clean });
    expect(ref.code, ref.stderr).toBe(0);
    const want = await fingerprint(clean);
    expect(want).toMatch(/"violations": [1-9]/);

    const killed = await envFor("killed");
    const rnd = seeded(20261205);
    let kills = 0;
    for (let round = 0; round < 3; round++) {
      const child = startPolad(["import", "--input", file, "--now", "2026-03-10T00:00:00Z"], killed);
      const delay = 600 + Math.floor(rnd() * 3000);
      const timer = setTimeout(() => child.kill("SIGKILL"), delay);
      const code = await exited(child);
      clearTimeout(timer);
      if (code === null) kills++;
      else expect(code, child.out()).toBe(0);
    }
    const last = await runPolad(["import", "--input", file, "--now", "2026-03-10T00:00:00Z"], { env: killed });
    expect(last.code, last.stderr).toBe(0);
    expect(kills).toBeGreaterThan(0);
    expect(await fingerprint(killed)).toBe(want);
  });

  it("a classification killed and rerun leaves every ad with exactly one verdict and the same findings", { timeout: 600_000 }, async () => {
    const file = join(dir, "ads2.jsonl");
    await writeAds(file, 2500);
    const env = await envFor("classify");
    const imp = await runPolad(["import", "--input", file, "--no-classify"], { env });
    expect(imp.code, imp.stderr).toBe(0);
    const rnd = seeded(7);
    for (let round = 0; round < 3; round++) {
      const child = startPolad(["classify", "--now", "2026-03-10T00:00:00Z"], env);
      const timer = setTimeout(() => child.kill("SIGKILL"), 1200 + Math.floor(rnd() * 3000));
      await exited(child);
      clearTimeout(timer);
    }
    const done = await runPolad(["classify", "--now", "2026-03-10T00:00:00Z"], { env });
    expect(done.code, done.stderr).toBe(0);
    expect(done.stdout).toMatch(/classified 2500 ads/);
    const ref = await envFor("classify_ref");
    await runPolad(["import", "--input", file, "--now", "2026-03-10T00:00:00Z"], { env: ref });
    expect(await fingerprint(env)).toBe(await fingerprint(ref));
  });
});
