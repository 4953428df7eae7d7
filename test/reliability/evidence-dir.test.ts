import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Capture } from "../../common/capture.js";
import { runCrawl } from "../../crawler/run.js";
import { createMetaReplica } from "../../sandbox/platforms/meta-ad-library/replica.js";
import { saveCapture } from "../../store/queries/ads.js";
import { startOrResumeRun } from "../../store/queries/runs.js";
import { runPolad } from "../support/cli.js";
import { openTestStore, type TestStore } from "../support/store.js";
import { CHROMIUM, serveReplica, TEST_POLITENESS, type ServedReplica } from "../sources/serve-replica.js";

const TABLES = ["ad", "observation", "artefact", "notice", "manifest_entry"] as const;

async function counts(s: TestStore): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of TABLES) out[t] = Number((await sql<{ n: number }>`select count(*)::int as n from ${sql.table(t)}`.execute(s.db)).rows[0]?.n);
  return out;
}

function capture(id: string, bytes: number): Capture {
  return {
    ad: { id, source: "publisher", publisher: "nu.nl", country: "NL", text: "Stem VVD", html: "<div>Stem VVD</div>" },
    notice: { url: "http://n.test/t", finalUrl: "http://n.test/t", status: 200, headers: {}, contentType: "text/plain", body: "Sponsor: VVD", redirects: [], fetchedAt: "2026-03-01T00:00:00Z", error: null },
    sighting: { pageUrl: `http://p.test/${id}`, frameChain: [], seenAt: "2026-03-01T00:00:00Z", viewport: null, userAgent: null, screenshotPng: Buffer.alloc(bytes, 7), html: "<div>Stem VVD</div>", labelStyles: [], links: [] },
  };
}

// A tiny tmpfs is a real full disk; mounting needs root and a kernel that allows it (skip otherwise).
function mountTinyTmpfs(dir: string): boolean {
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=256k", "tmpfs", dir], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

describe("an evidence folder that cannot be written fails clearly and writes no partial rows", () => {
  let store: TestStore;
  const tmp = mkdtempSync(join(tmpdir(), "polad-evidence-"));
  const full = join(tmp, "full");
  mkdirSync(full);
  const mounted = mountTinyTmpfs(full);
  let runId: number;

  beforeAll(async () => {
    store = await openTestStore();
    runId = (await startOrResumeRun(store.db, { runKey: "evidence-test", source: "publisher", params: {}, crawlerVersion: "test", clockStart: null })).run.id;
  });
  afterAll(async () => {
    if (mounted) execFileSync("umount", [full]);
    rmSync(tmp, { recursive: true, force: true });
    await store?.close();
  });

  it("a regular file where the evidence dir should be: the capture fails naming the dir, nothing is stored", async () => {
    const file = join(tmp, "not-a-dir");
    writeFileSync(file, "x");
    const err = await saveCapture(store.db, file, runId, capture("a1", 1000), "test").then(() => null, (e: unknown) => e as Error);
    expect(err?.message ?? "").toContain(file);
    expect(await counts(store)).toEqual({ ad: 0, observation: 0, artefact: 0, notice: 0, manifest_entry: 0 });
  });

  it.skipIf(!mounted)("a full disk: the capture fails with ENOSPC naming the dir, nothing is stored, no half file under a final name", async () => {
    const ok = await saveCapture(store.db, full, runId, capture("small", 1000), "test");
    expect(ok.artefacts).toHaveLength(3);
    const before = await counts(store);
    const err = await saveCapture(store.db, full, runId, capture("big", 400_000), "test").then(() => null, (e: unknown) => e as Error);
    expect(err?.message ?? "").toMatch(new RegExp(`cannot write evidence to ${full}.*ENOSPC`));
    expect(await counts(store)).toEqual(before);
    // Every file under its final name is one of the three the first capture stored. (Known, reported: the
    // partial `<hash>.<pid>.tmp` of the failed write is left behind; store/artefacts.ts does not remove it.)
    const finals = readdirSync(full, { recursive: true }).map(String).filter((f) => /\.(png|html|txt)$/.test(f));
    expect(finals.map((f) => f.replace(/^.*[/\\]/, "").split(".")[0]).sort()).toEqual(ok.artefacts.map((a) => a.sha256).sort());
  });

  it("the command line refuses an evidence dir that is a file before opening anything, naming it", async () => {
    const file = join(tmp, "evidence-file");
    writeFileSync(file, "x");
    const input = join(tmp, "ads.jsonl");
    writeFileSync(input, '{"id":"a","source":"s","publisher":"p"}\n');
    const env = process.env.DATABASE_URL ? { DATABASE_URL: store.databaseUrl } : { DATABASE_URL: "", POLAD_DATA_DIR: join(tmp, "cli-data") };
    const r = await runPolad(["import", "--input", input], { env: { ...env, POLAD_EVIDENCE_DIR: file } });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(file);
  });
});

describe("a crawl whose evidence dir turns into a file stops with the reason and keeps no ad without its evidence", () => {
  let store: TestStore;
  let served: ServedReplica;
  const replica = createMetaReplica();
  const tmp = mkdtempSync(join(tmpdir(), "polad-evidence-crawl-"));

  beforeAll(async () => {
    store = await openTestStore();
    served = await serveReplica(replica);
  });
  afterAll(async () => {
    await served?.close();
    await store?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it("the run stops as failed with reason evidence-unwritable, and no ad, observation or artefact row is written", async () => {
    const file = join(tmp, "evidence");
    writeFileSync(file, "not a directory");
    const summary = await runCrawl({
      store: { ...store, evidenceDir: file }, plans: [replica.plan!({ [replica.id]: served.base })], maxPages: 40, concurrency: 2,
      log: pino({ level: "silent" }), crawlerVersion: "test", chromiumPath: CHROMIUM, politeness: TEST_POLITENESS, now: () => new Date("2026-03-12T10:00:00Z"),
    });
    const run = await store.db.selectFrom("crawl_run").select(["status", "error", "stats"]).where("id", "=", summary.runs[0]!.runId).executeTakeFirstOrThrow();
    const c = await counts(store);
    expect({ ad: c.ad, observation: c.observation, artefact: c.artefact }).toEqual({ ad: 0, observation: 0, artefact: 0 });
    expect(run.stats).toMatchObject({ captures: 0, ads: 0 });
    expect(run.status).toBe("failed");
    expect(run.error ?? "").toMatch(/^evidence-unwritable: .*evidence/);
    expect(summary.runs[0]!.status).toBe("failed");
  }, 240_000);
});
