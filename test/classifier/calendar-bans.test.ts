import { describe, expect, it } from "vitest";
import { classify } from "../../classifier/classify.js";
import { type Election, NL_ELECTIONS, differentElections, electionsInWindow, parseElections, windowStart } from "../../classifier/elections.js";
import { PLATFORM_BANS, banFor } from "../../classifier/platform-bans.js";
import { NOW, compliantAd } from "./helpers.js";

const notice = compliantAd().notice as Record<string, unknown>;
const foreignMoney = { notice: { ...notice, oorsprong_ontvangen_bedragen: "Particulier geld van buiten de EU" } };
const rule = (ad: Record<string, unknown>, id: string, ctx: Record<string, unknown> = {}) =>
  classify(compliantAd(ad), { now: NOW, ...ctx }).findings.find((f) => f.rule === id);
const seen = (first: string, last: string) => ({ first_seen: `${first}T12:00:00Z`, last_seen: `${last}T12:00:00Z` });

describe("election calendar", () => {
  it("preloads the Dutch elections of the reference", () => {
    const byId = new Map(NL_ELECTIONS.map((e) => [e.id, e]));
    expect(byId.get("nl-tk-2025")?.date).toBe("2025-10-29");
    expect(byId.get("nl-gr-2026")?.date).toBe("2026-03-18");
    expect(byId.get("nl-ep-2029")?.status).toBe("U");
    for (const e of NL_ELECTIONS) expect(e.source.length).toBeGreaterThan(5);
  });
  it("opens the Art. 5(2) window three calendar months before polling day", () => {
    const gr = NL_ELECTIONS.find((e) => e.id === "nl-gr-2026") as Election;
    expect(windowStart(gr).toISOString().slice(0, 10)).toBe("2025-12-18");
    expect(electionsInWindow(NL_ELECTIONS, "NL", new Date("2025-12-17T12:00:00Z")).map((e) => e.id)).toEqual([]);
    expect(electionsInWindow(NL_ELECTIONS, "NL", new Date("2026-03-18T20:00:00Z")).map((e) => e.id)).toEqual(["nl-gr-2026"]);
    expect(electionsInWindow(NL_ELECTIONS, "NL", new Date("2026-03-19T12:00:00Z")).map((e) => e.id)).toEqual([]);
    expect(electionsInWindow(NL_ELECTIONS, "BE", new Date("2026-03-01T12:00:00Z"))).toEqual([]);
  });
  it("tells different votes apart but not spellings of the same one", () => {
    expect(differentElections("Gemeenteraadsverkiezingen 2026", "Tweede Kamerverkiezing 2025")).toBe(true);
    expect(differentElections("gemeenteraadsverkiezing 2026", "GR2026")).toBe(false);
    expect(differentElections("Provinciale Statenverkiezingen 2027", "waterschapsverkiezingen 2027")).toBe(false);
    expect(differentElections("stem 18 maart", "Tweede Kamerverkiezing 2025")).toBe(false);
  });
});

describe("Art. 5(2) signal only inside a window (ttpa.5-2.third-country-sponsor)", () => {
  it("signals money from outside the EU for an ad seen before the municipal elections", () => {
    const f = rule({ ...foreignMoney, ...seen("2026-03-01", "2026-03-05") }, "ttpa.5-2.third-country-sponsor");
    expect(f?.message).toMatch(/Gemeenteraadsverkiezingen 2026 \(2026-03-18; window from 2025-12-18\)/);
  });
  it("signals it before the national election of 29 October 2025", () => {
    const f = rule({ ...foreignMoney, label: "Politieke advertentie. Betaald door D66 Amsterdam.", ...seen("2025-10-12", "2025-10-20") }, "ttpa.5-2.third-country-sponsor");
    expect(f?.message).toMatch(/Tweede Kamerverkiezing 2025/);
  });
  it("signals an ad that ran into a window from before it", () => {
    expect(rule({ ...foreignMoney, ...seen("2025-11-15", "2025-12-20") }, "ttpa.5-2.third-country-sponsor")).toBeDefined();
  });
  it("is silent for the same money outside any window", () => {
    expect(rule({ ...foreignMoney, ...seen("2026-05-01", "2026-06-01") }, "ttpa.5-2.third-country-sponsor")).toBeUndefined();
  });
  it("uses a configured calendar", () => {
    const extra: Election = { id: "nl-ref-2026", country: "NL", kind: "referendum", name: "Raadgevend referendum Amsterdam 2026", date: "2026-07-01", source: "test", status: "S" };
    const f = rule({ ...foreignMoney, ...seen("2026-05-01", "2026-06-01") }, "ttpa.5-2.third-country-sponsor", { elections: [...NL_ELECTIONS, extra] });
    expect(f?.message).toMatch(/referendum Amsterdam 2026/);
  });
  it("is silent for EU money inside a window", () => {
    expect(rule(seen("2026-03-01", "2026-03-05"), "ttpa.5-2.third-country-sponsor")).toBeUndefined();
  });
});

describe("platform-ban table (platform.political-ad-ban)", () => {
  it("lists Meta, Google, Microsoft, TikTok and LinkedIn, each with a source and a Postgres-safe pattern", () => {
    expect(PLATFORM_BANS.map((b) => b.platform)).toEqual(expect.arrayContaining(["Meta", "Google", "Microsoft", "TikTok", "LinkedIn"]));
    for (const b of PLATFORM_BANS) {
      expect(b.source.length).toBeGreaterThan(10);
      expect(b.re.source).not.toMatch(/\(\?[<=!]/);
      expect(b.enforced).toBe(b.status !== "U");
    }
  });
  it("flags a political ad on TikTok as never allowed there", () => {
    expect(rule({ publisher: "tiktok.com", source: "tiktok" }, "platform.political-ad-ban")?.message).toMatch(/TikTok has never accepted political ads \(source: /);
  });
  it("flags a political ad on Bing after Microsoft's declaration deadline", () => {
    expect(rule({ publisher: "bing.com", source: "microsoft-ads" }, "platform.political-ad-ban")?.message).toMatch(/Microsoft has banned political ads in the EU since 2025-10-06/);
  });
  it("does not flag LinkedIn while its entry is unverified, but does with a configured table", () => {
    expect(rule({ publisher: "linkedin.com", source: "linkedin" }, "platform.political-ad-ban")).toBeUndefined();
    const table = PLATFORM_BANS.map((b) => (b.platform === "LinkedIn" ? { ...b, enforced: true, status: "S" as const } : b));
    expect(rule({ publisher: "linkedin.com", source: "linkedin" }, "platform.political-ad-ban", { platformBans: table })).toBeDefined();
  });
  it("finds the ban for a publisher name", () => {
    expect(banFor("www.instagram.com")?.platform).toBe("Meta");
    expect(banFor("nu.nl")).toBeUndefined();
  });
});

describe("configured calendars", () => {
  it("reads a calendar from JSON and names the bad field", () => {
    const ok = parseElections([{ id: "be-2029", country: "BE", kind: "national", name: "Federale verkiezingen 2029", date: "2029-06-10", source: "test" }]);
    expect(ok[0]?.status).toBe("S");
    expect(electionsInWindow(ok, "BE", new Date("2029-04-01T00:00:00Z")).map((e) => e.id)).toEqual(["be-2029"]);
    expect(() => parseElections([{ ...ok[0], date: "10-06-2029" }])).toThrow(/0\.date: YYYY-MM-DD/);
    expect(() => parseElections([{ ...ok[0], kind: "mayor" }])).toThrow(/0\.kind/);
  });
});
