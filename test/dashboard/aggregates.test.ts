import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { classifyStored } from "../../bin/pipeline/classify-stored.js";
import type { Severity } from "../../common/verdict.js";
import { findSeenSpan, getAdTotals, listFilterOptions, listViolationsBy, listViolationsBySeverity, listViolationTimeline, type DashboardFilter } from "../../store/queries/dashboard.js";
import { PLATFORM_BANS } from "../../dashboard/platform-bans.js";
import { listPlatformEnforcement } from "../../store/queries/dashboard-enforcement.js";
import { aggregatesReady, clearAggregates, refreshAggregates } from "../../store/queries/dashboard-aggregates.js";
import { listGroupStats, listRuleStats } from "../../store/queries/dashboard-groups.js";
import { iterateAds, iterateFindings, listAds, listFindings } from "../../store/queries/dashboard-lists.js";
import { reviewFinding } from "../../store/queries/dashboard-review.js";
import { importAds } from "../../store/queries/ads.js";
import { seedDashboard, STANDARD_ADS, type SeedAd } from "../support/dashboard-seed.js";
import { openTestStore, type TestStore } from "../support/store.js";

let store: TestStore;
const refresh = () => refreshAggregates(store.db, { bans: PLATFORM_BANS });

const lowAd = (i: number): SeedAd => ({
  ad: { id: `low-${i}`, source: "publisher-site", publisher: "nu.nl", sponsor: "D66", text: `D66 ${i}`, country: "NL", first_seen: `2026-01-0${1 + (i % 3)}T09:00:00Z`, last_seen: "2026-03-03T09:00:00Z" },
  political: true, party: i % 2 ? "D66" : null,
  findings: [["ttpa.low-a", "low" as Severity], ["ttpa.low-b", "low" as Severity], ["ttpa.info-c", "info" as Severity]],
});
// More low findings than high ones, all with the same last sighting: the severity order and the keyset tie-breaks are both exercised.
const ADS: SeedAd[] = [...STANDARD_ADS, ...[0, 1, 2, 3].map(lowAd)];

const FILTERS: DashboardFilter[] = [
  {}, { party: "VVD" }, { party: "-" }, { publisher: "nu.nl" }, { source: "meta-ad-library" }, { severity: "high" },
  { rule: "ttpa.11-1-a.label-missing" }, { review: "dismissed" }, { publisher: "nu.nl", severity: "low" }, { party: "nobody" },
];

/** Everything the overview, group, rule and list pages read for a filter. */
async function pageData(f: DashboardFilter) {
  const db = store.db;
  const ads = await listAds(db, f, { limit: 3, offset: 1 });
  const findings = await listFindings(db, f, { limit: 4, offset: 2 });
  // Averages are summed in another order from the aggregates; a microday apart is the same figure.
  const enforcement = (await listPlatformEnforcement(db, PLATFORM_BANS, f)).map((e) => ({ ...e, maxDaysUp: e.maxDaysUp.toFixed(6), avgDaysUp: e.avgDaysUp.toFixed(6) }));
  return {
    totals: await getAdTotals(db, f), severity: await listViolationsBySeverity(db, f), span: await findSeenSpan(db, f),
    byParty: await listViolationsBy(db, f, "party", 10), byPublisher: await listViolationsBy(db, f, "publisher", 10),
    timeline: await Promise.all((["day", "week", "month"] as const).map((unit) => listViolationTimeline(db, f, { parties: ["VVD", "PVV", "D66", ""], unit }))),
    parties: await listGroupStats(db, f, "party"), publishers: await listGroupStats(db, f, "publisher"), rules: await listRuleStats(db, f),
    enforcement, ads: { total: ads.total, ids: ads.rows.map((r) => r.id) }, findings: { total: findings.total, ids: findings.rows.map((r) => r.id) },
  };
}

/** The same page data from the aggregates and computed live (aggregates cleared), for every filter. */
async function compareAll(): Promise<Array<Awaited<ReturnType<typeof pageData>>>> {
  await refresh();
  expect(await aggregatesReady(store.db)).toBe(true);
  const fromAggregates = [await listFilterOptions(store.db), ...(await Promise.all(FILTERS.map(pageData)))];
  await clearAggregates(store.db);
  expect(await aggregatesReady(store.db)).toBe(false);
  const live = [await listFilterOptions(store.db), ...(await Promise.all(FILTERS.map(pageData)))];
  expect(fromAggregates).toEqual(live);
  await refresh();
  return fromAggregates.slice(1) as Array<Awaited<ReturnType<typeof pageData>>>;
}

beforeAll(async () => {
  store = await openTestStore();
  await seedDashboard(store, ADS);
});
afterAll(async () => {
  await store?.close();
});

describe("materialised dashboard aggregates", () => {
  it("give every page the same numbers as counting live, under every filter", async () => {
    const [all] = await compareAll();
    expect(all!.totals.ads).toBe(ADS.length);
    expect(all!.totals.violations).toBeGreaterThan(0);
    expect(all!.parties.map((p) => p.key)).toContain("VVD");
    expect(all!.enforcement.length).toBeGreaterThan(0);
  });

  it("orders the severity table from the most to the least serious, not by count or name", async () => {
    const [all] = await compareAll();
    expect(all!.severity.map((s) => s.key)).toEqual(["high", "medium", "low", "info"]);
    expect(all!.severity.find((s) => s.key === "low")!.n).toBeGreaterThan(all!.severity.find((s) => s.key === "high")!.n);
  });

  it("moves a dismissed finding out of the violation counts at once, without a refresh", async () => {
    await refresh();
    const before = await getAdTotals(store.db, { party: "VVD" });
    const target = (await listFindings(store.db, { party: "VVD", rule: "ttpa.11-1-a.label-missing" }, { limit: 1, offset: 0 })).rows[0]!;
    await reviewFinding(store.db, { findingId: target.id, status: "dismissed", note: "test", by: "tester", at: new Date("2026-04-01T00:00:00Z") });
    const after = await getAdTotals(store.db, { party: "VVD" });
    expect(after.violations).toBe(before.violations - 1);
    const fromAggregates = await Promise.all(FILTERS.map(pageData));
    await clearAggregates(store.db);
    expect(fromAggregates).toEqual(await Promise.all(FILTERS.map(pageData)));
    await refresh();
    await reviewFinding(store.db, { findingId: target.id, status: "open", note: null, by: "tester", at: new Date("2026-04-01T00:00:00Z") });
    expect((await getAdTotals(store.db, { party: "VVD" })).violations).toBe(before.violations);
    await compareAll();
  });

  it("streams findings in keyset batches in exactly the list's order", async () => {
    const whole = (await listFindings(store.db, {}, { limit: 1000, offset: 0 })).rows.map((r) => r.id);
    const batched: number[] = [];
    for await (const rows of iterateFindings(store.db, {}, { max: 1000, batch: 2 })) batched.push(...rows.map((r) => r.id));
    expect(whole.length).toBeGreaterThan(10);
    expect(batched).toEqual(whole);
    const capped: number[] = [];
    for await (const rows of iterateFindings(store.db, {}, { max: 5, batch: 2 })) capped.push(...rows.map((r) => r.id));
    expect(capped).toEqual(whole.slice(0, 5));
  });

  it("streams ads in keyset batches in the list's order whatever the batch size, and stops at max", async () => {
    const whole = (await listAds(store.db, {}, { limit: 1000, offset: 0 })).rows.map((r) => r.id);
    expect(whole.length).toBeGreaterThan(5);
    for (const batch of [1, 2, 3, whole.length, whole.length + 1]) {
      const got: number[] = [];
      for await (const rows of iterateAds(store.db, {}, { max: 1000, batch })) got.push(...rows.map((r) => r.id));
      expect(got, `batch ${batch}`).toEqual(whole);
    }
    const first: number[] = [];
    for await (const rows of iterateAds(store.db, {}, { max: 1000, batch: 2 })) {
      first.push(...rows.map((r) => r.id));
      break; // a consumer that stops early (a client gone) leaves the store usable
    }
    expect(first).toEqual(whole.slice(0, 2));
    const capped: number[] = [];
    for await (const rows of iterateAds(store.db, {}, { max: 3, batch: 2 })) capped.push(...rows.map((r) => r.id));
    expect(capped).toEqual(whole.slice(0, 3));
    expect((await listAds(store.db, {}, { limit: 2, offset: 0 })).rows.map((r) => r.id)).toEqual(whole.slice(0, 2));
  });

  it("follows a re-classification: classifyStored refreshes them to the new verdicts", async () => {
    await refresh();
    const before = await getAdTotals(store.db, {});
    await importAds(store.db, [{ id: "new-1", source: "publisher-site", publisher: "nu.nl", sponsor: "SP", country: "NL", text: "Stem SP op 18 maart voor de gemeenteraad", first_seen: "2026-03-04T09:00:00Z", last_seen: "2026-03-04T10:00:00Z" }], new Date("2026-03-05T00:00:00Z"));
    expect((await getAdTotals(store.db, {})).ads).toBe(before.ads);
    await classifyStored(store, { now: new Date("2026-03-05T00:00:00Z"), log: pino({ level: "silent" }) });
    const after = await getAdTotals(store.db, {});
    expect(after.ads).toBe(before.ads + 1);
    expect(after).not.toEqual(before);
    await compareAll();
  });
});
