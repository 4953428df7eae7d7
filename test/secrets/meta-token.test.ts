import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCrawl, type CrawlSummary } from "../../crawler/run.js";
import { exportRows, EXPORT_LISTS } from "../../dashboard/export-rows.js";
import { parseListQuery } from "../../dashboard/filters.js";
import { createMetaReplica } from "../../sandbox/platforms/meta-ad-library/replica.js";
import { SANDBOX_META_TOKEN } from "../../sandbox/platforms/meta-ad-library/seed.js";
import { migrate, openStore, type Store } from "../../store/db.js";
import { openCliStore, type CliStore } from "../bad-input/cli-store.js";
import { runPolad } from "../support/cli.js";
import { CHROMIUM, TEST_POLITENESS } from "../sources/serve-replica.js";
import { scanColumns, scanFiles, scanText, type Hit } from "./scan.js";

// The replica accepts only its own token, which is distinctive enough to grep for. A second run uses a
// wrong token (the replica answers 190). The server also hands out a session cookie on every response:
// the crawler's own session must not end up in evidence, rows or logs either.
const WRONG_TOKEN = "EAAwrongTOKEN7polad7secret7test";
const COOKIE = "polad_sess=SESSION5cookie5polad5distinct";
const SECRETS = [SANDBOX_META_TOKEN, WRONG_TOKEN, COOKIE.split("=")[1]!];

describe("access tokens and the crawler's session cookie never leave the crawl", () => {
  const replica = createMetaReplica();
  const logs: string[] = [];
  const log = pino({ level: "trace" }, { write: (s: string) => void logs.push(s) });
  let cli: CliStore;
  let store: Store | undefined;
  let server: Server;
  let runs: CrawlSummary[] = [];
  const cliOut: string[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      res.setHeader("set-cookie", `${COOKIE}; Path=/; HttpOnly`);
      Promise.resolve(replica.handle(req, res, addrs)).catch((err: unknown) => {
        res.statusCode = 500;
        res.end(String(err));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const addrs = { [replica.id]: base };
    cli = await openCliStore();
    store = await openStore({ databaseUrl: cli.env.DATABASE_URL || undefined, dataDir: join(cli.dir, "data") });
    await migrate(store.db);
    const plan = replica.plan!(addrs);
    const crawl = (token: string) => runCrawl({
      store: store!, plans: [{ ...plan, options: { ...plan.options, token } }], maxPages: 200, concurrency: 2, log, crawlerVersion: "test",
      chromiumPath: CHROMIUM, politeness: TEST_POLITENESS, now: () => new Date("2026-03-12T10:00:00Z"),
    });
    runs = [await crawl(SANDBOX_META_TOKEN), await crawl(WRONG_TOKEN)];
    await store.close();
    store = undefined;
    // Classification and the report go through the command line, as an operator runs them.
    for (const args of [["classify", "--now", "2026-03-12T12:00:00Z"], ["report", "--by", "party", "--format", "csv"]]) {
      const r = await runPolad(args, { env: { ...cli.env, POLAD_LOG_LEVEL: "debug", META_ACCESS_TOKEN: SANDBOX_META_TOKEN } });
      expect({ args, code: r.code, stderr: r.code === 0 ? "" : r.stderr.slice(-2000) }).toEqual({ args, code: 0, stderr: "" });
      cliOut.push(r.stdout, r.stderr);
    }
    store = await openStore({ databaseUrl: cli.env.DATABASE_URL || undefined, dataDir: join(cli.dir, "data") });
  }, 300_000);

  afterAll(async () => {
    await store?.close();
    await new Promise((resolve) => server?.close(resolve));
    await cli?.close();
  });

  it("crawled the replica with the token, and the wrong token stopped its run", () => {
    expect(runs[0]!.runs[0]).toMatchObject({ status: "done" });
    expect(runs[0]!.ads).toBeGreaterThan(3);
    expect(runs[1]!.runs[0]).toMatchObject({ status: "failed" });
  });

  it("no text or JSON column of any table holds a token", async () => {
    const scan = await scanColumns(store!.db, [SANDBOX_META_TOKEN, WRONG_TOKEN]);
    expect(scan.columns).toBeGreaterThan(20);
    expect(scan.cells).toBeGreaterThan(100);
    expect(scan.hits).toEqual([]);
  });

  it("the session cookie is in no column, archived notice response headers included", async () => {
    // The store drops Set-Cookie, Cookie and Authorization when it archives a notice's headers.
    const scan = await scanColumns(store!.db, [COOKIE.split("=")[1]!]);
    expect(scan.hits).toEqual([]);
  });

  it("no evidence file (screenshots, ad HTML, notices) holds a token or the session cookie", () => {
    const scan = scanFiles(store!.evidenceDir, SECRETS);
    expect(scan.files).toBeGreaterThan(3);
    expect(scan.hits).toEqual([]);
  });

  it("no log line, CLI output or dashboard export holds a token or the session cookie", async () => {
    expect(logs.length).toBeGreaterThan(5);
    const hits: Hit[] = [...scanText("crawl logs (trace)", logs.join(""), SECRETS), ...scanText("CLI output", cliOut.join("\n"), SECRETS)];
    const filter = parseListQuery({}).filter;
    let exported = 0;
    for (const list of EXPORT_LISTS) {
      const rows = await exportRows(store!.db, list, filter);
      exported += rows.length;
      hits.push(...scanText(`export ${list}`, JSON.stringify(rows), SECRETS));
    }
    expect(exported).toBeGreaterThan(3);
    expect(hits).toEqual([]);
  });

  it("the wrong token's failure is recorded with a reason that names the problem, not the token", async () => {
    const run = await store!.db.selectFrom("crawl_run").select(["status", "error"]).where("id", "=", runs[1]!.runs[0]!.runId).executeTakeFirstOrThrow();
    expect(run.status).toBe("failed");
    expect(run.error).toMatch(/190|access token/i);
  });
});
