import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RULES } from "../../classifier/rules/index.js";
import { NIEUWSDAGBLAD_ADS } from "../../sandbox/publisher/ads.js";
import { ARTICLES } from "../../sandbox/publisher/articles.js";
import { STATEMENTS } from "../../sandbox/publisher/statements.js";
import { startSandbox, type Sandbox } from "../../sandbox/server.js";

const repoRoot = resolve(import.meta.dirname, "../..");
const realDir = resolve(repoRoot, "../shared/data/real/openstate-politiekereclame-nl-statements");
const realStatements = resolve(realDir, "statements_snapshot_2025-10.json");
const MINE = ["nieuwsdagblad", "ad-server", "notice-host", "hostile-site"];

describe("the publisher side of the sandbox", () => {
  let sb: Sandbox;
  beforeAll(async () => (sb = await startSandbox()));
  afterAll(async () => sb?.close());
  const get = async (url: string) => {
    const res = await fetch(url, { redirect: "manual" });
    return { status: res.status, type: res.headers.get("content-type") ?? "", body: await res.text() };
  };

  it("serves each replica on its own loopback origin and plans a crawl of the publisher and the hostile site", () => {
    const origins = MINE.map((id) => sb.addrs[id]);
    for (const o of origins) expect(o).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(new Set(origins).size).toBe(MINE.length);
    for (const id of ["nieuwsdagblad", "hostile-site"]) expect(sb.plans.some((p) => p.source === "publisher" && p.options.seeds?.[0] === `${sb.addrs[id]}/`)).toBe(true);
  });

  it("uses only known rule ids in its truth, none for commercial ads, and covers compliant and defective political ads", () => {
    const known = new Set(RULES.map((r) => r.id));
    for (const t of sb.truth.filter((x) => MINE.includes(x.replica))) {
      for (const r of t.rules) expect(known.has(r), r).toBe(true);
      if (!t.political) expect(t.rules).toEqual([]);
    }
    expect(NIEUWSDAGBLAD_ADS.filter((a) => a.political && a.rules.length === 0).length).toBeGreaterThanOrEqual(3);
    expect(new Set(NIEUWSDAGBLAD_ADS.flatMap((a) => a.rules)).size).toBeGreaterThanOrEqual(7);
  });

  it("serves every truth ad's text exactly once across its pages and creatives", async () => {
    const pub = sb.addrs["nieuwsdagblad"]!;
    const pages = await Promise.all(["/", ...ARTICLES.map((a) => a.path)].map((p) => get(`${pub}${p}`)));
    const creatives = await Promise.all(NIEUWSDAGBLAD_ADS.map((a) => get(`${sb.addrs["ad-server"]}/creative/${a.id}`)));
    const framed = new Set(NIEUWSDAGBLAD_ADS.filter((a) => a.placement === "iframe" || a.placement === "nested-iframe").map((a) => a.body));
    for (const a of NIEUWSDAGBLAD_ADS) {
      const onPages = pages.filter((p) => p.body.includes(a.body.replace(/'/g, "&#39;"))).length;
      expect(onPages, a.id).toBe(framed.has(a.body) ? 0 : 1);
    }
    for (const c of creatives) expect(c.status).toBe(200);
  });

  it("keeps subscribers' pages out of robots.txt and answers unknown pages with 404", async () => {
    expect((await get(`${sb.addrs["nieuwsdagblad"]}/robots.txt`)).body).toContain("Disallow: /prive/");
    expect((await get(`${sb.addrs["nieuwsdagblad"]}/bestaat-niet`)).status).toBe(404);
  });

  it("publishes statements as pages and as a paged JSON API, and 404s unknown ones", async () => {
    const host = sb.addrs["notice-host"]!;
    const list = JSON.parse((await get(`${host}/api/statements`)).body) as { count: number; results: Array<Record<string, unknown>> };
    expect(list.count).toBe(STATEMENTS.length);
    const one = await get(`${host}/verklaring/vvd-utr-26`);
    expect(one.status).toBe(200);
    expect(one.body).toContain("VVD Utrecht");
    expect(JSON.parse((await get(`${host}/api/statements/vvd-utr-26`)).body).opdrachtgever_plaats).toBe("Utrecht");
    expect((await get(`${host}/verklaring/bestaat-niet-x`)).status).toBe(404);
  });

  it.skipIf(!existsSync(realStatements))("shapes statements with the field names of the real politiekereclame.nl statements", () => {
    const read = (f: string) => (existsSync(resolve(realDir, f)) ? (JSON.parse(readFileSync(resolve(realDir, f), "utf8")) as Array<Record<string, unknown>>) : []);
    const real = [...read("statements_snapshot_2025-10.json"), ...read("statements_newer_2025-11_to_2026-07_sample10.json")];
    const realKeys = new Set(real.flatMap((s) => Object.keys(s)));
    for (const s of STATEMENTS) for (const k of Object.keys(s)) expect(realKeys.has(k) || k === "akkoord_geen_targeting", k).toBe(true);
  });

  it("answers the hostile routes as designed: a loop, a 429 with Retry-After, a challenge, a download", async () => {
    const h = sb.addrs["hostile-site"]!;
    expect((await get(`${h}/loop`)).status).toBe(302);
    const rl = await fetch(`${h}/rate-limited`);
    expect(rl.status).toBe(429);
    expect(rl.headers.get("retry-after")).toBe("1");
    await rl.text();
    expect((await get(`${h}/rate-limited`)).status).toBe(200);
    expect((await get(`${h}/challenge`)).body).toContain("__rd_verify_");
    expect((await get(`${h}/download`)).type).toBe("application/octet-stream");
  });
});
