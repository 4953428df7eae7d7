import { appendFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { escapeHtml, html } from "../../dashboard/html.js";
import { createDashboard, serveDashboard } from "../../dashboard/server.js";
import { seedDashboard, STANDARD_ADS, type SeedAd } from "../support/dashboard-seed.js";
import { openTestStore, type TestStore } from "../support/store.js";

let store: TestStore;
let app: FastifyInstance;
let ids: Map<string, number>;
const log = pino({ level: "silent" });
const EVIL = `<script>alert(1)</script><img src=x onerror=alert(2)>"'`;

const hostile: SeedAd = {
  ad: { id: "evil-1", source: "publisher-site", publisher: `evil<b>pub`, sponsor: EVIL, text: EVIL, label: EVIL, notice_url: "javascript:alert(3)", country: "NL", first_seen: "2026-03-01T00:00:00Z", last_seen: "2026-03-01T00:00:00Z" },
  political: true, party: `<svg onload=alert(4)>`, findings: [["ttpa.11-1-a.label-missing", "high"]],
  capture: { pages: ["https://evil.example/<x>"], html: `<script>alert(5)</script><div>ad</div>` },
};

beforeAll(async () => {
  store = await openTestStore();
  ids = await seedDashboard(store, [...STANDARD_ADS, hostile]);
  app = await createDashboard({ store, log });
});
afterAll(async () => {
  await app?.close();
  await store?.close();
});

describe("escaping", () => {
  it("escapes every interpolated value and keeps nested safe markup", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    expect(html`<p>${EVIL}</p>${html`<b>${"<i>"}</b>`}`.value).toBe(`<p>${escapeHtml(EVIL)}</p><b>&lt;i&gt;</b>`);
  });

  it("never emits scraped markup raw on any page that shows it", async () => {
    const id = ids.get("evil-1")!;
    const urls = [`/ads/${id}`, "/ads", "/findings", "/parties", "/publishers", `/parties/${encodeURIComponent("<svg onload=alert(4)>")}`, "/", "/ads?q=%3Cscript%3E"];
    for (const url of urls) {
      const r = await app.inject({ method: "GET", url });
      expect(r.statusCode, url).toBe(200);
      expect(r.body, url).not.toMatch(/<script|<img src=x|<svg onload|href="javascript:/i);
    }
    const ad = await app.inject({ method: "GET", url: `/ads/${id}` });
    expect(ad.body).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });
});

describe("headers", () => {
  it("sends a CSP without script, and the usual hardening headers", async () => {
    const r = await app.inject({ method: "GET", url: "/" });
    expect(r.headers["content-security-policy"]).toMatch(/script-src 'none'/);
    expect(r.headers["content-security-policy"]).not.toMatch(/unsafe-inline/);
    expect(r.headers["x-content-type-options"]).toBe("nosniff");
    expect(r.headers["x-frame-options"]).toBe("DENY");
    expect(r.headers["referrer-policy"]).toBe("no-referrer");
  });

  it("serves captured HTML only sandboxed, without script or network", async () => {
    const ad = await app.inject({ method: "GET", url: `/ads/${ids.get("evil-1")}` });
    const sha = /<iframe class="capture" sandbox src="\/evidence\/([0-9a-f]{64})"/.exec(ad.body)?.[1];
    const r = await app.inject({ method: "GET", url: `/evidence/${sha}` });
    expect(r.statusCode).toBe(200);
    expect(r.headers["content-security-policy"]).toMatch(/^sandbox; default-src 'none'/);
    expect(r.headers["content-security-policy"]).not.toContain("script");
  });
});

describe("evidence files", () => {
  it("serves a screenshot by hash and nothing by path", async () => {
    const ad = await app.inject({ method: "GET", url: `/ads/${ids.get("nu-1")}` });
    const sha = /src="\/evidence\/([0-9a-f]{64})"/.exec(ad.body)?.[1];
    const ok = await app.inject({ method: "GET", url: `/evidence/${sha}` });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers["content-type"]).toBe("image/png");
    for (const url of ["/evidence/..%2F..%2Fetc%2Fpasswd", "/evidence/../../etc/passwd", "/evidence/%2Fetc%2Fpasswd", `/evidence/${sha}%2F..%2F..`, "/evidence/" + "0".repeat(64), "/static/..%2F..%2Fpackage.json"]) {
      const r = await app.inject({ method: "GET", url });
      expect(r.statusCode, url).toBe(404);
      expect(r.body, url).not.toMatch(/root:|"name": "polad"/);
    }
  });

  it("refuses an artefact row whose stored path leaves the evidence dir", async () => {
    const sha = "a".repeat(64);
    await store.db.insertInto("artefact").values({ sha256: sha, kind: "screenshot", bytes: 1, path: "../../../../etc/passwd" }).execute();
    const r = await app.inject({ method: "GET", url: `/evidence/${sha}` });
    expect(r.statusCode).toBe(404);
    expect(r.body).not.toContain("root:");
  });
});

describe("evidence verification", () => {
  it("flags an evidence file altered or deleted on disk after capture", async () => {
    const id = ids.get("evil-1")!;
    const files = await store.db.selectFrom("observation as o").innerJoin("artefact as a", "a.sha256", "o.html_sha256").select("a.path").where("o.ad_id", "=", id).execute();
    expect(files).toHaveLength(1);
    expect((await app.inject({ method: "GET", url: `/ads/${id}` })).body).not.toContain("verify-bad");
    appendFileSync(join(store.evidenceDir, files[0]!.path), "tampered");
    expect((await app.inject({ method: "GET", url: `/ads/${id}` })).body).toContain("verify-bad");
    rmSync(join(store.evidenceDir, files[0]!.path));
    expect((await app.inject({ method: "GET", url: `/ads/${id}` })).body).toContain("verify-missing");
  });
});

describe("binding", () => {
  it("refuses to listen beyond loopback without tokens, and serves loopback on a free port", async () => {
    await expect(serveDashboard({ store, log, host: "0.0.0.0", port: 0 })).rejects.toThrow(/without access tokens/);
    const s = await serveDashboard({ store, log, host: "127.0.0.1", port: 0 });
    try {
      expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      expect((await fetch(s.url)).status).toBe(200);
    } finally {
      await s.close();
    }
  });
});
