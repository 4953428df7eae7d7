import { createWriteStream, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import type { FastifyInstance } from "fastify";
import pino from "pino";
import yauzl from "yauzl";
import yazl from "yazl";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sha256 } from "../../common/hash.js";
import { verifyBundle } from "../../dashboard/bundle.js";
import { createDashboard } from "../../dashboard/server.js";
import { NOTICE, PNG_1X1, seedDashboard } from "../support/dashboard-seed.js";
import { openTestStore, type TestStore } from "../support/store.js";

let store: TestStore;
let app: FastifyInstance;
let ids: Map<string, number>;
let dir: string;

beforeAll(async () => {
  store = await openTestStore();
  ids = await seedDashboard(store);
  app = await createDashboard({ store, log: pino({ level: "silent" }) });
  dir = mkdtempSync(join(tmpdir(), "polad-bundle-"));
});
afterAll(async () => {
  await app?.close();
  await store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function download(adId: number, name: string): Promise<string> {
  const r = await app.inject({ method: "GET", url: `/ads/${adId}/bundle.zip` });
  expect(r.statusCode).toBe(200);
  expect(r.headers["content-type"]).toBe("application/zip");
  const path = join(dir, name);
  writeFileSync(path, r.rawPayload);
  return path;
}

async function readZip(path: string): Promise<Map<string, Buffer>> {
  const zip = await yauzl.openPromise(path);
  const out = new Map<string, Buffer>();
  for await (const e of zip.eachEntry()) {
    const chunks: Buffer[] = [];
    for await (const c of await zip.openReadStreamPromise(e)) chunks.push(c as Buffer);
    out.set(e.fileName, Buffer.concat(chunks));
  }
  zip.close();
  return out;
}

async function rezip(src: string, dst: string, edit: (name: string, data: Buffer) => Buffer): Promise<string> {
  const zip = new yazl.ZipFile();
  for (const [name, data] of await readZip(src)) zip.addBuffer(edit(name, data), name);
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(dst));
  return dst;
}

describe("evidence bundle", () => {
  it("holds screenshots, HTML, notices and a manifest whose hashes and chain verify offline", async () => {
    const path = await download(ids.get("nu-2")!, "nu-2.zip");
    const files = await readZip(path);
    const names = [...files.keys()];
    expect(names).toContain("ad.json");
    expect(names).toContain(`screenshots/${sha256(PNG_1X1)}.png`);
    expect(names.some((n) => /^html\/[0-9a-f]{64}\.html$/.test(n))).toBe(true);
    expect(names.filter((n) => n.startsWith("notices/")).map((n) => files.get(n)!.toString()).join()).toContain(NOTICE.body);
    const manifest = JSON.parse(files.get("manifest.json")!.toString()) as { files: Array<{ path: string; sha256: string }>; chains: Array<{ entries: unknown[] }> };
    for (const f of manifest.files) expect(sha256(files.get(f.path)!)).toBe(f.sha256);
    expect(manifest.chains[0]?.entries.length).toBeGreaterThan(0);
    const v = await verifyBundle(path);
    expect(v.problems).toEqual([]);
    expect(v).toMatchObject({ ok: true, adId: ids.get("nu-2") });
  });

  it("detects a screenshot altered after export", async () => {
    const path = await download(ids.get("nu-1")!, "nu-1.zip");
    const bad = await rezip(path, join(dir, "nu-1-bad.zip"), (name, data) => (name.startsWith("screenshots/") ? Buffer.concat([data, Buffer.from([0])]) : data));
    const v = await verifyBundle(bad);
    expect(v.ok).toBe(false);
    expect(v.problems.join("\n")).toMatch(/screenshots\/.*SHA-256 does not match/);
  });

  it("detects an edited hash-chain entry even when the file list is re-hashed", async () => {
    const path = await download(ids.get("nu-1")!, "nu-1b.zip");
    const bad = await rezip(path, join(dir, "nu-1-chain.zip"), (name, data) => {
      if (name !== "manifest.json") return data;
      const m = JSON.parse(data.toString()) as { chains: Array<{ entries: Array<{ ref: string }> }> };
      m.chains[0]!.entries[0]!.ref = "observation:999";
      return Buffer.from(JSON.stringify(m));
    });
    const v = await verifyBundle(bad);
    expect(v.ok).toBe(false);
    expect(v.problems.join("\n")).toMatch(/entry hash does not recompute/);
  });

  it("detects a file slipped into the bundle", async () => {
    const path = await download(ids.get("nu-2")!, "nu-2b.zip");
    const files = await readZip(path);
    const zip = new yazl.ZipFile();
    for (const [name, data] of files) zip.addBuffer(data, name);
    zip.addBuffer(Buffer.from("extra"), "screenshots/extra.png");
    zip.end();
    const bad = join(dir, "extra.zip");
    await pipeline(zip.outputStream, createWriteStream(bad));
    expect((await verifyBundle(bad)).problems).toContain("screenshots/extra.png: not listed in the manifest");
  });

  it("exports a bundle for an imported ad without crawl evidence, and 404 for no ad", async () => {
    const v = await verifyBundle(await download(ids.get("meta-1")!, "meta.zip"));
    expect(v).toMatchObject({ ok: true, chainEntries: 0 });
    expect((await app.inject({ method: "GET", url: "/ads/424242/bundle.zip" })).statusCode).toBe(404);
  });
});
