import { existsSync, readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import pino from "pino";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveDashboard } from "../../dashboard/server.js";
import { NOTICE, seedDashboard, STANDARD_ADS, type SeedAd } from "../support/dashboard-seed.js";
import { openTestStore, type TestStore } from "../support/store.js";
import { XSS_PAYLOADS } from "./xss-payloads.js";

const CHROMIUM = "/usr/bin/chromium";
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

/** Three payloads per ad (in sponsor, label, text, notice and captured HTML), to keep page loads few. */
const hostileAds: SeedAd[] = Array.from({ length: Math.ceil(XSS_PAYLOADS.length / 3) }, (_, k) => {
  const ps = XSS_PAYLOADS.slice(k * 3, k * 3 + 3);
  const notice = `http://evil.example/notice/${k}`;
  return {
    ad: { id: `xss-${k}`, source: "publisher-site", publisher: "hostile.example", sponsor: ps[0], text: ps.join(" "), label: ps.at(-1), notice_url: notice, country: "NL", first_seen: "2026-03-04T00:00:00Z", last_seen: "2026-03-04T00:00:00Z" },
    political: true, party: k % 2 === 0 ? ps[0]!.slice(0, 60) : "PVV", findings: [["ttpa.11-1-a.label-missing", "high"]],
    capture: { pages: [`https://hostile.example/${k}`], html: `<div>${ps.join("")}</div>`, notice: { ...NOTICE, url: notice, finalUrl: notice, body: ps.join("\n") } },
  };
});

let store: TestStore;
let server: { url: string; close(): Promise<void> };
let browser: Browser;
let context: BrowserContext;
let page: Page;
let ids: Map<string, number>;
const dialogs: string[] = [];
const requests: string[] = [];
/** Requests that got past the browser's own checks (CSP, sandbox) and would have gone to the network. */
const reachedNetwork: string[] = [];
const finished: string[] = [];
const failed: string[] = [];

describe.skipIf(!existsSync(CHROMIUM))("dashboard in Chromium", () => {
  beforeAll(async () => {
    store = await openTestStore();
    ids = await seedDashboard(store, [...STANDARD_ADS, ...hostileAds]);
    server = await serveDashboard({ store, log: pino({ level: "silent" }), host: "127.0.0.1", port: 0 });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
    context = await browser.newContext({ acceptDownloads: true });
    page = await context.newPage();
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
  });

  const go = async (path: string) => {
    const r = await page.goto(new URL(path, server.url).href, { waitUntil: "load" });
    expect(r?.status(), path).toBe(200);
  };

  it("renders the overview with its chart, and the party and publisher pages", async () => {
    await go("/");
    expect(await page.locator("svg.chart polyline").count()).toBeGreaterThan(0);
    expect(await page.locator(".card.ads-seen b").textContent()).toBe(String(STANDARD_ADS.length + hostileAds.length));
    await go("/parties?lang=en");
    await page.getByRole("link", { name: "VVD", exact: true }).first().click();
    await page.waitForURL(/\/parties\/VVD/);
    expect(await page.locator("h1").textContent()).toBe("Party: VVD");
    await go("/publishers/YouTube");
    expect(await page.locator("table.enforcement tbody tr").count()).toBe(1);
  });

  it("applies a filter from the form, keeps it in the URL, and exports the same rows as CSV", async () => {
    await go("/ads");
    await page.locator("form.filters select[name=party]").selectOption("VVD");
    await Promise.all([page.waitForURL(/party=VVD/), page.locator("form.filters button[type=submit]").click()]);
    const rows = await page.locator("table.ads tbody tr").count();
    expect(rows).toBe(2);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "CSV" }).click()]);
    const csv = parse(readFileSync((await download.path())!), { columns: true, bom: true }) as Array<Record<string, string>>;
    expect(csv).toHaveLength(rows);
    expect(csv.every((r) => r.party === "VVD")).toBe(true);
  });

  it("records a review from the ad page and shows who made it", async () => {
    const adId = ids.get("nu-1")!;
    await go(`/ads/${adId}?lang=en`);
    const form = page.locator("form.review").first();
    await form.locator("select[name=status]").selectOption("dismissed");
    await form.locator("input[name=note]").fill("label present in screenshot");
    const posted = page.waitForResponse((r) => r.request().method() === "POST");
    // Submitted through the form's own submit algorithm (fields, CSRF token, cookie, redirect as a click
    // would): a synthetic mouse click right after load was intermittently dropped by headless Chromium.
    await form.evaluate((f) => (f as HTMLFormElement).requestSubmit());
    expect((await posted).status()).toBe(303);
    // The redirect reloads the same URL: wait for the new document's content, not for a URL change.
    await page.locator(".review-status", { hasText: "dismissed" }).first().waitFor({ timeout: 30_000 });
    expect(await page.content()).toContain("Reviewed by local");
    const row = await store.db.selectFrom("finding").select(["review_status", "review_note"]).where("ad_id", "=", adId).where("review_status", "=", "dismissed").executeTakeFirst();
    expect(row?.review_note).toBe("label present in screenshot");
  });

  it(`loads ads carrying ${XSS_PAYLOADS.length} hostile payloads with no dialog and no request beyond the dashboard`, async () => {
    // A context of its own: request interception here would race the review test's form submission.
    const watched = await browser.newContext();
    watched.on("request", (r) => requests.push(r.url()));
    watched.on("requestfinished", (r) => finished.push(r.url()));
    watched.on("requestfailed", (r) => failed.push(`${r.url()} ${r.failure()?.errorText ?? ""}`));
    await watched.route("**/*", async (route) => {
      const url = route.request().url();
      if (url.startsWith(new URL(server.url).origin + "/")) return route.continue();
      reachedNetwork.push(url);
      return route.abort();
    });
    page = await watched.newPage();
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    for (const a of hostileAds) {
      await go(`/ads/${ids.get(a.ad.id)}`);
      // Shown, as text, exactly as scraped.
      expect(await page.locator("pre.creative").textContent()).toBe(a.ad.text);
      expect(await page.locator("dd.sponsor").textContent()).toBe(a.ad.sponsor);
    }
    await go("/ads?publisher=hostile.example");
    await go("/findings");
    await go("/parties");
    await go("/");
    await go(`/parties/${encodeURIComponent(hostileAds[0]!.party!)}`);
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    const origin = new URL(server.url).origin;
    const foreign = (u: string) => !u.startsWith(`${origin}/`) && !u.startsWith("data:") && u !== "about:blank";
    expect(reachedNetwork).toEqual([]);
    expect(finished.filter(foreign)).toEqual([]);
    // The browser saw planted URLs (so the payloads were exercised) and its CSP blocked each one.
    const blocked = failed.filter(foreign);
    expect(blocked.length).toBeGreaterThan(0);
    expect(blocked.filter((f) => !f.endsWith(" csp"))).toEqual([]);
    expect(requests.length).toBeGreaterThan(hostileAds.length);
    await watched.close();
  });
});
