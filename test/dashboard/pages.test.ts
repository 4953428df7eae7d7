import { parse } from "csv-parse/sync";
import type { FastifyInstance } from "fastify";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RULES } from "../../classifier/rules/index.js";
import { createDashboard } from "../../dashboard/server.js";
import { seedDashboard } from "../support/dashboard-seed.js";
import { openTestStore, type TestStore } from "../support/store.js";

let store: TestStore;
let app: FastifyInstance;
let ids: Map<string, number>;

beforeAll(async () => {
  store = await openTestStore();
  ids = await seedDashboard(store);
  app = await createDashboard({ store, log: pino({ level: "silent" }) });
});
afterAll(async () => {
  await app?.close();
  await store?.close();
});

const get = async (url: string) => {
  const r = await app.inject({ method: "GET", url });
  return { status: r.statusCode, body: r.body, headers: r.headers };
};
const cell = (body: string, cls: string) => new RegExp(`class="card ${cls}">[^<]*<b>(\\d+)</b>`).exec(body)?.[1];

describe("overview", () => {
  it("counts ads, political ads and violations (platform signals and dismissed findings are not violations)", async () => {
    const r = await get("/");
    expect(r.status).toBe(200);
    expect(cell(r.body, "ads-seen")).toBe("6");
    expect(cell(r.body, "political")).toBe("5");
    // nu-1: 3, nu-2: 1, meta-1: 1 TTPA (+1 platform signal), g-1: only a signal
    expect(cell(r.body, "violations")).toBe("5");
    expect(r.body).toContain("<svg class=\"chart\"");
    expect(r.body).toMatch(/publisher-site<\/td><td>2\d{3}-/);
    expect(r.headers["content-security-policy"]).toContain("script-src 'none'");
  });

  it("speaks Dutch by default and English with ?lang=en", async () => {
    expect((await get("/")).body).toContain("Politieke advertenties");
    expect((await get("/?lang=en")).body).toContain("Political ads");
  });

  it("narrows every count by the period filter carried in the URL", async () => {
    const r = await get("/?from=2026-03-01&to=2026-03-31");
    expect(cell(r.body, "ads-seen")).toBe("3");
    expect(cell(r.body, "violations")).toBe("4");
  });

  it("answers 400 naming the field for a malformed filter", async () => {
    const r = await get("/?from=yesterday");
    expect(r.status).toBe(400);
    expect(r.body).toContain("from");
  });
});

describe("party and publisher pages", () => {
  it("lists per-party violations, share compliant and first/last seen", async () => {
    const r = await get("/export/parties.json");
    const rows = (JSON.parse(r.body) as { rows: Array<Record<string, unknown>> }).rows;
    const pvv = rows.find((x) => x.party === "PVV");
    expect(pvv).toMatchObject({ ads: 2, political_ads: 2, violations: 1, compliant_political_ads: 1, share_compliant: 0.5 });
    expect(pvv?.first_seen_at).toBe("2025-10-01T00:00:00.000Z");
    expect(rows.find((x) => x.party === "VVD")).toMatchObject({ ads: 2, violations: 3 });
  });

  it("shows a party's ads, findings by rule and the banning platforms its ads ran on", async () => {
    const r = await get(`/parties/${encodeURIComponent("PVV")}`);
    expect(r.status).toBe(200);
    expect(r.body).toContain("PVV: Nederland weer van ons");
    expect(r.body).toContain("ttpa.11-1-a.label-missing");
    expect(r.body).toMatch(/<td>Meta<\/td><td>2025-10-06<\/td>/);
    expect(r.body).not.toContain("Samen sterker");
  });

  it("shows platform enforcement on a banning publisher: political ads after the ban and days up", async () => {
    const r = await get("/publishers/Facebook?lang=en");
    expect(r.status).toBe(200);
    expect(r.body).toContain("Platform enforcement");
    // meta-1 ran until 2025-10-20; the Meta ban began 2025-10-06 16:00 UTC: 13.3 days up after the ban
    expect(r.body).toContain("<td>13.3</td>");
    const plain = await get("/publishers/nu.nl");
    expect(plain.body).not.toContain("Handhaving door platforms</h2>");
    expect(plain.body).toContain("Stem VVD op 18 maart");
  });

  it("lists publishers with their violation counts", async () => {
    const r = await get("/export/publishers.json");
    const rows = (JSON.parse(r.body) as { rows: Array<Record<string, unknown>> }).rows;
    expect(rows[0]).toMatchObject({ publisher: "nu.nl", ads: 3, violations: 4 });
  });
});

describe("rule pages", () => {
  it("shows a rule's article, plain-language text and its findings", async () => {
    const info = RULES.find((r) => r.id === "ttpa.11-1-e.notice-missing")!;
    const r = await get(`/rules/${info.id}`);
    expect(r.status).toBe(200);
    expect(r.body).toContain(`<dd class="article">${info.article}</dd>`);
    expect(r.body.replace(/&#39;/g, "'")).toContain(info.description);
    expect(r.body).toContain("ttpa.11-1-e.notice-missing: seeded finding for nu-1");
    expect(r.body).not.toContain("seeded finding for nu-2");
  });

  it("lists every registered rule with its violation count", async () => {
    const rows = (JSON.parse((await get("/export/rules.json")).body) as { rows: Array<{ rule: string; violations: number }> }).rows;
    expect(rows.find((x) => x.rule === "ttpa.11-1-a.label-missing")?.violations).toBe(2);
    expect(rows.find((x) => x.rule === "platform.political-ad-ban")?.violations).toBe(0);
    const page = await get("/rules");
    for (const rule of RULES) expect(page.body).toContain(`>${rule.id}</a>`);
  });
});

describe("ad page", () => {
  it("shows the screenshot, text, label, notice with fetch history, findings and sightings with verified hashes", async () => {
    const r = await get(`/ads/${ids.get("nu-2")}`);
    expect(r.status).toBe(200);
    expect(r.body).toMatch(/<img class="shot"[^>]+src="\/evidence\/[0-9a-f]{64}"/);
    expect(r.body).toContain("Politieke advertentie van GroenLinks-PvdA");
    expect(r.body).toContain("Transparantieverklaring: sponsor GroenLinks-PvdA");
    expect(r.body).toContain("ttpa.12-1.notice-incomplete");
    expect(r.body).toContain(RULES.find((i) => i.id === "ttpa.12-1.notice-incomplete")?.article);
    expect(r.body).toMatch(/<iframe class="capture" sandbox src="\/evidence\/[0-9a-f]{64}"/);
    expect(r.body).toContain("https://nu.example/c");
    expect(r.body).toContain("verify-ok");
    expect(r.body).not.toContain("verify-bad");
  });

  it("lists both sightings of an ad seen on two pages", async () => {
    const r = await get(`/ads/${ids.get("nu-1")}`);
    expect(r.body).toContain("https://nu.example/a");
    expect(r.body).toMatch(/class="label-style">“Gesponsord” visible=true\nfont=9px contrast=1.6/);
    expect(r.body).toContain("https://nu.example/b");
  });

  it("answers 404 for an unknown or malformed ad id", async () => {
    expect((await get("/ads/999999")).status).toBe(404);
    expect((await get("/ads/abc")).status).toBe(404);
  });
});

describe("CSV export", () => {
  it("exports the findings list with the same filters as the page", async () => {
    const r = await get("/export/findings.csv?rule=ttpa.11-1-a.label-missing");
    expect(r.status).toBe(200);
    expect(r.headers["content-type"]).toContain("text/csv");
    const rows = parse(r.body, { columns: true, bom: true }) as Array<Record<string, string>>;
    expect(rows.map((x) => x.party).sort()).toEqual(["PVV", "VVD"]);
    expect(rows.every((x) => x.rule === "ttpa.11-1-a.label-missing" && x.article === RULES.find((i) => i.id === x.rule)?.article)).toBe(true);
  });

  it("exports ads filtered by text search and source", async () => {
    const r = await get("/export/ads.csv?source=publisher-site&q=bonus");
    const rows = parse(r.body, { columns: true, bom: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(1);
    expect(rows[0]?.sponsor).toBe("Albert Heijn");
    expect(rows[0]?.political).toBe("false");
  });
});
