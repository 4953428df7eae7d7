import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDpgReplica, DPG_REPLICA_ID } from "../../sandbox/platforms/dpg-political-ads/replica.js";
import { createStatementsApiReplica, STATEMENTS_API_REPLICA_ID } from "../../sandbox/publisher/statements-api.js";
import { STATEMENTS } from "../../sandbox/publisher/statements.js";
import { openStore } from "../../store/db.js";
import { listSourceAds } from "../../store/queries/platform-sources.js";
import { openCliStore, type CliStore } from "../bad-input/cli-store.js";
import { runPolad } from "../support/cli.js";
import { listActors } from "../../store/queries/actors.js";
import { CHROMIUM } from "./serve-replica.js";

describe("polad crawl --source ... --api-base URL for the registries", () => {
  let server: Server;
  let base = "";
  let cli: CliStore;
  beforeAll(async () => {
    cli = await openCliStore();
    const dpg = createDpgReplica();
    const pr = createStatementsApiReplica();
    const addrs: Record<string, string> = {};
    // One origin serves both APIs, so one --api-base reaches both sources.
    server = createServer((req, res) => {
      const target = /^\/(api\/campaign-items|nl\/political-ads)/.test(req.url ?? "") ? dpg : pr;
      Promise.resolve(target.handle(req, res, addrs)).catch((err: unknown) => res.writeHead(500).end(String(err)));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    addrs[DPG_REPLICA_ID] = base;
    addrs[STATEMENTS_API_REPLICA_ID] = base;
  }, 120_000);
  afterAll(async () => {
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    await cli?.close();
  });

  it("crawls politiekereclame-nl and dpg-political-ads from the command line", async () => {
    const r = await runPolad(["crawl", "--source", "politiekereclame-nl", "--source", "dpg-political-ads", "--api-base", base, "--allow-private", "--max-pages", "20"], { env: { ...cli.env, POLAD_CHROMIUM: CHROMIUM } });
    expect(r.code, r.stderr.slice(-2000)).toBe(0);
    // The child has exited: the embedded store may be opened now.
    const store = await openStore({ databaseUrl: cli.env.DATABASE_URL || undefined, dataDir: join(cli.dir, "data") });
    const statements = await listSourceAds(store.db, "politiekereclame-nl");
    const dpg = await listSourceAds(store.db, "dpg-political-ads");
    const actors = await listActors(store.db);
    await store.close();
    expect(statements).toHaveLength(STATEMENTS.length);
    // The statements' sponsors became known political actors.
    expect(r.stdout).toMatch(/actors from politiekereclame\.nl statements: [1-9]/);
    expect(actors.length).toBeGreaterThan(0);
    expect(dpg).toHaveLength(createDpgReplica().truth.length);
  }, 240_000);
});
