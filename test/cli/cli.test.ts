import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore } from "../../store/db.js";
import { runPolad } from "../support/cli.js";

const dir = mkdtempSync(join(tmpdir(), "polad-cli-"));
const server = process.env.DATABASE_URL;
const ads = [
  { id: "p1", source: "publisher", publisher: "nieuws.nl", sponsor: "VVD", text: "Stem op 18 maart VVD voor een veilige gemeente. Lijst 1.", first_seen: "2026-03-01T10:00:00Z" },
  { id: "c1", source: "publisher", publisher: "nieuws.nl", sponsor: "Pizza Roma", text: "Stem op je favoriete pizza en win een gratis pizza!", label: "Advertentie" },
  { id: "m1", source: "meta-ad-library", publisher: "Meta", sponsor: "GroenLinks-PvdA", text: "Op 18 maart stem je voor een eerlijke gemeente: GroenLinks-PvdA", first_seen: "2026-03-02T10:00:00Z", last_seen: "2026-03-09T10:00:00Z" },
];
const jsonl = ads.map((a) => JSON.stringify(a)).join("\n") + "\n";
// Each test uses a fresh embedded dir (or a fresh server database schema through the dir name).
let n = 0;
function freshEnv(): NodeJS.ProcessEnv {
  n++;
  if (server) {
    const u = new URL(server);
    u.searchParams.set("options", `-c search_path=cli_${process.pid}_${n}`);
    return { DATABASE_URL: u.toString() };
  }
  return { DATABASE_URL: "", POLAD_DATA_DIR: join(dir, `store-${n}`) };
}

beforeAll(async () => {
  if (!server) return;
  const pg = (await import("pg")).default;
  const c = new pg.Client({ connectionString: server });
  await c.connect();
  for (let i = 1; i <= 10; i++) await c.query(`drop schema if exists cli_${process.pid}_${i} cascade; create schema cli_${process.pid}_${i}`);
  await c.end();
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  if (!server) return;
  const pg = (await import("pg")).default;
  const c = new pg.Client({ connectionString: server });
  await c.connect();
  for (let i = 1; i <= 10; i++) await c.query(`drop schema if exists cli_${process.pid}_${i} cascade`);
  await c.end();
});

describe("polad command line", () => {
  it("classifies offline: one verdict per input line, in input order, political ads with findings", async () => {
    const r = await runPolad(["classify", "--input", "-", "--now", "2026-03-10T00:00:00Z"], { stdin: jsonl, env: { DATABASE_URL: "" } });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const verdicts = r.stdout.trim().split("\n").map((l) => JSON.parse(l) as { id: string; political: boolean; party: string | null; findings: Array<{ rule: string }> });
    expect(verdicts.map((v) => v.id)).toEqual(["p1", "c1", "m1"]);
    expect(verdicts[0]).toMatchObject({ political: true, party: "VVD" });
    expect(verdicts[0]!.findings.map((f) => f.rule)).toContain("ttpa.11-1-a.label-missing");
    expect(verdicts[1]).toMatchObject({ political: false, findings: [] });
    expect(verdicts[2]!.findings.map((f) => f.rule)).toContain("platform.political-ad-ban");
  });

  it("refuses a bad line with exit 2, naming line and field, and leaves no output file", async () => {
    const out = join(dir, "verdicts.jsonl");
    const input = join(dir, "bad.jsonl");
    writeFileSync(input, `${JSON.stringify(ads[0])}\n{"id":"x","source":"s","publisher":5}\n`);
    const r = await runPolad(["classify", "--input", input, "--output", out], { env: { DATABASE_URL: "" } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/line 2: field "publisher"/);
    expect(existsSync(out)).toBe(false);
  });

  it("imports, classifies and reports per party as JSON and CSV", async () => {
    const env = freshEnv();
    const imp = await runPolad(["import", "--input", "-", "--now", "2026-03-10T00:00:00Z"], { stdin: jsonl, env });
    expect(imp.stderr).toBe("");
    expect(imp.code).toBe(0);
    expect(imp.stdout).toMatch(/imported 3 ads/);
    const rep = await runPolad(["report", "--by", "party"], { env });
    expect(rep.code).toBe(0);
    const rows = JSON.parse(rep.stdout) as Array<{ key: string; political: number; violations: number }>;
    expect(rows.find((x) => x.key === "VVD")).toMatchObject({ political: 1 });
    expect(rows.find((x) => x.key === "VVD")!.violations).toBeGreaterThan(0);
    const csv = await runPolad(["report", "--by", "publisher", "--format", "csv"], { env });
    const parsed = parse(csv.stdout, { columns: true }) as Array<Record<string, string>>;
    expect(parsed.map((p) => p.key).sort()).toEqual(["Meta", "nieuws.nl"]);
  });

  it("writes nothing when any line of an import is bad", async () => {
    const env = freshEnv();
    const bad = `${jsonl}{"id":"z","source":"s"}\n`;
    const imp = await runPolad(["import", "--input", "-"], { stdin: bad, env });
    expect(imp.code).toBe(2);
    expect(imp.stderr).toMatch(/line 4: field "publisher"/);
    const rep = await runPolad(["report", "--by", "publisher"], { env });
    expect(JSON.parse(rep.stdout)).toEqual([]);
  });

  it.skipIf(server !== undefined)("refuses a second process on the same embedded data dir", async () => {
    const dataDir = join(dir, "locked");
    const held = await openStore({ dataDir });
    try {
      const r = await runPolad(["report"], { env: { DATABASE_URL: "", POLAD_DATA_DIR: dataDir } });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(new RegExp(`in use by process ${process.pid}`));
    } finally {
      await held.close();
    }
  });

  it("answers bad usage with exit 2 and a message, --help with exit 0", async () => {
    const help = await runPolad(["crawl", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--seed <url>/);
    const unknown = await runPolad(["report", "--by", "colour"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/--by: expected party, publisher or rule/);
    const noInput = await runPolad(["import", "--input", join(dir, "missing.jsonl")]);
    expect(noInput.code).toBe(2);
    expect(noInput.stderr).toMatch(/no such file/);
    const badSeed = await runPolad(["crawl", "--seed", "file:///etc/passwd"]);
    expect(badSeed.code).toBe(2);
    expect(badSeed.stderr).toMatch(/only http and https/);
    const badShots = await runPolad(["crawl", "--seed", "https://nieuws.example/", "--screenshots", "some"]);
    expect(badShots.code).toBe(2);
    expect(badShots.stderr).toMatch(/--screenshots: expected "political" or "all", got some/);
    expect(help.stdout).toMatch(/--full-page/);
  });
});
