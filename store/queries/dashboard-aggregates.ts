import { sql, type Kysely, type RawBuilder } from "kysely";
import type { Database } from "../schema.js";
import type { PlatformBan } from "./dashboard-enforcement.js";
import { VIOLATION, type DashboardFilter } from "./dashboard-filter.js";

/**
 * Recomputes the dashboard's materialised aggregates from ads, verdicts and findings. Called after
 * classification (the only writer of findings); one transaction, so readers see the old or the new
 * aggregates, never a mix. Refreshes and reviews are serialised by a lock on agg_state. `bans` are
 * the platform bans whose enforcement view is precomputed (the dashboard counts others live).
 */
export async function refreshAggregates(db: Kysely<Database>, o: { bans?: PlatformBan[] } = {}): Promise<void> {
  // Outside the transaction, and only rows whose party changed: the first refresh rewrites every ad, later ones few.
  const moved = await sql`update ad a set agg_party = v.party from verdict v where v.ad_id = a.id and a.agg_party is distinct from v.party`.execute(db);
  // Many ads changing party shifts the agg_party statistics the list plans depend on.
  if (Number(moved.numAffectedRows ?? 0) > 10_000) await sql`analyze ad`.execute(db);
  await db.transaction().execute(async (tx) => {
    await sql`lock table agg_state in share row exclusive mode`.execute(tx);
    for (const t of ["agg_ad", "agg_finding", "agg_violation_day", "agg_party_day", "agg_ban", "agg_enforcement"]) await sql`delete from ${sql.table(t)}`.execute(tx);
    await sql`
      insert into agg_ad (source, publisher_id, party, ads, political, violations, violating_ads, violating_political, min_first_seen_at, max_first_seen_at, max_last_seen_at)
      select a.source, a.publisher_id, coalesce(v.party, ''), count(*), count(*) filter (where v.political),
        coalesce(sum(x.n), 0), count(x.n), count(x.n) filter (where v.political),
        min(a.first_seen_at), max(a.first_seen_at), max(a.last_seen_at)
      from ad a left join verdict v on v.ad_id = a.id
      left join (select f.ad_id, count(*) as n from finding f where ${VIOLATION} group by f.ad_id) x on x.ad_id = a.id
      group by 1, 2, 3`.execute(tx);
    await sql`
      insert into agg_violation_day (party, day, source, publisher_id, rule, severity, violations)
      select coalesce(v.party, ''), (a.first_seen_at at time zone 'UTC')::date, a.source, a.publisher_id, f.rule, f.severity, count(*)
      from finding f join ad a on a.id = f.ad_id left join verdict v on v.ad_id = a.id where ${VIOLATION}
      group by 1, 2, 3, 4, 5, 6`.execute(tx);
    await sql`insert into agg_party_day (party, day, violations) select party, day, sum(violations) from agg_violation_day group by 1, 2`.execute(tx);
    await sql`
      insert into agg_finding (source, publisher_id, party, rule, severity, review_status, findings)
      select a.source, a.publisher_id, coalesce(v.party, ''), f.rule, f.severity, f.review_status, count(*)
      from finding f join ad a on a.id = f.ad_id left join verdict v on v.ad_id = a.id
      group by 1, 2, 3, 4, 5, 6`.execute(tx);
    if (o.bans?.length) await refreshEnforcement(tx, o.bans);
    await sql`insert into agg_state (id, refreshed_at) values (1, now()) on conflict (id) do update set refreshed_at = excluded.refreshed_at`.execute(tx);
  });
  // Fresh statistics, so the planner knows the new sizes of the aggregate tables at once.
  for (const t of ["agg_ad", "agg_finding", "agg_violation_day", "agg_party_day", "agg_enforcement"]) await sql`analyze ${sql.table(t)}`.execute(db);
}

/**
 * Political ads on each banning platform after its ban, per party, source and publisher (what
 * listPlatformEnforcement counts). The platform's publishers and sources are matched first (few
 * rows), so the ads are read once per ban through plain equality.
 */
async function refreshEnforcement(tx: Kysely<Database>, bans: PlatformBan[]): Promise<void> {
  for (const b of bans) {
    const since = b.since.toISOString();
    await sql`insert into agg_ban (platform, since, pattern) values (${b.platform}, ${since}::timestamptz, ${b.pattern}) on conflict do nothing`.execute(tx);
    const pubs = (await sql<{ id: number }>`select id from publisher where name ~* ${b.pattern}`.execute(tx)).rows.map((r) => Number(r.id));
    const srcs = (await sql<{ source: string }>`select distinct source from agg_ad where source ~* ${b.pattern}`.execute(tx)).rows.map((r) => r.source);
    if (pubs.length === 0 && srcs.length === 0) continue;
    const up = sql`extract(epoch from a.last_seen_at - greatest(a.first_seen_at, ${since}::timestamptz))`;
    await sql`
      insert into agg_enforcement (platform, since, source, publisher_id, party, ads, first_after, last_seen_at, max_seconds_up, sum_seconds_up)
      select ${b.platform}, ${since}::timestamptz, a.source, a.publisher_id, coalesce(v.party, ''), count(*),
        min(greatest(a.first_seen_at, ${since}::timestamptz)), max(a.last_seen_at), max(${up}), sum(${up})
      from ad a join verdict v on v.ad_id = a.id and v.political
      where a.last_seen_at >= ${since}::timestamptz and (a.publisher_id = any(${pubs}::bigint[]) or a.source = any(${srcs}::text[]))
      group by 3, 4, 5
      on conflict (platform, since, source, publisher_id, party) do nothing`.execute(tx);
  }
}

/** True when the aggregates hold the enforcement view for exactly these bans. */
export async function enforcementAggregated(db: Kysely<Database>, bans: PlatformBan[]): Promise<boolean> {
  if (bans.length === 0) return false;
  const { rows } = await sql<{ n: number }>`select count(*) as n from agg_ban b join agg_state s on true
    where (b.platform, b.since, b.pattern) in (${sql.join(bans.map((b) => sql`(${b.platform}::text, ${b.since.toISOString()}::timestamptz, ${b.pattern}::text)`))})`.execute(db);
  return Number(rows[0]?.n ?? 0) === bans.length;
}

// Stores known to have aggregates. Only "ready" is remembered: a refresh never makes a store not ready
// (only clearAggregates does, which forgets it here), and a page asks several times per request.
const knownReady = new WeakSet<object>();

/** True once refreshAggregates has run; before that every page counts live. */
export async function aggregatesReady(db: Kysely<Database>): Promise<boolean> {
  if (knownReady.has(db)) return true;
  const { rows } = await sql<{ n: number }>`select count(*) as n from agg_state`.execute(db);
  const ready = Number(rows[0]?.n ?? 0) > 0;
  if (ready) knownReady.add(db);
  return ready;
}

/** True when the filter names only dimensions agg_ad keeps (source, publisher, party). */
export function adLevelAggregable(f: DashboardFilter): boolean {
  return !f.from && !f.to && !f.q && !f.rule && !f.severity && !f.review;
}

/** True when the filter names only dimensions agg_finding keeps (no period, no text search). */
export function findingLevelAggregable(f: DashboardFilter): boolean {
  return !f.from && !f.to && !f.q;
}

/** Conditions on an aggregate row aliased `g` for the ad dimensions of a filter. */
export function aggAdConds(f: DashboardFilter): RawBuilder<unknown>[] {
  const c: RawBuilder<unknown>[] = [];
  if (f.source) c.push(sql`g.source = ${f.source}`);
  if (f.publisher) c.push(sql`g.publisher_id = (select id from publisher where name = ${f.publisher})`);
  if (f.party === "-") c.push(sql`g.party = ''`);
  else if (f.party) c.push(sql`g.party = ${f.party}`);
  return c;
}

/** Conditions on an agg_finding row aliased `g`: the ad dimensions plus rule, severity and review status. */
export function aggFindingConds(f: DashboardFilter): RawBuilder<unknown>[] {
  const c = aggAdConds(f);
  if (f.rule) c.push(sql`g.rule = ${f.rule}`);
  if (f.severity) c.push(sql`g.severity = ${f.severity}`);
  if (f.review) c.push(sql`g.review_status = ${f.review}`);
  return c;
}

/** VIOLATION over an agg_finding row aliased `g`. */
export const AGG_VIOLATION = sql`(g.review_status <> 'dismissed' and g.rule not like 'platform.%')`;

type ReviewedFinding = { ad_id: number; rule: string; severity: string; review_status: string; source: string; publisher_id: number; party: string; day: string; political: boolean };

async function countViolations(tx: Kysely<Database>, adId: number): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*) as n from finding f where f.ad_id = ${adId} and ${VIOLATION}`.execute(tx);
  return Number(rows[0]?.n ?? 0);
}

/**
 * Changes a finding's review status and moves it between aggregate cells in the same transaction,
 * so a dismissal shows at once without a refresh. Returns the ad id, or undefined for no such finding.
 */
export async function setReviewStatusWithAggregates(db: Kysely<Database>, findingId: number, update: (tx: Kysely<Database>) => Promise<number | undefined>, status: string): Promise<number | undefined> {
  return db.transaction().execute(async (tx) => {
    await sql`lock table agg_state in share row exclusive mode`.execute(tx);
    const { rows } = await sql<ReviewedFinding>`
      select f.ad_id, f.rule, f.severity, f.review_status, a.source, a.publisher_id, coalesce(v.party, '') as party,
        to_char((a.first_seen_at at time zone 'UTC')::date, 'YYYY-MM-DD') as day, coalesce(v.political, false) as political
      from finding f join ad a on a.id = f.ad_id left join verdict v on v.ad_id = a.id
      where f.id = ${findingId} and exists (select 1 from agg_state)`.execute(tx);
    const old = rows[0];
    if (!old || old.review_status === status) return update(tx);
    const adId = Number(old.ad_id);
    const before = await countViolations(tx, adId);
    const result = await update(tx);
    const after = await countViolations(tx, adId);
    const cell = sql`source = ${old.source} and publisher_id = ${old.publisher_id} and party = ${old.party} and rule = ${old.rule} and severity = ${old.severity}`;
    await sql`update agg_finding set findings = findings - 1 where ${cell} and review_status = ${old.review_status}`.execute(tx);
    await sql`delete from agg_finding where ${cell} and review_status = ${old.review_status} and findings <= 0`.execute(tx);
    await sql`
      insert into agg_finding (source, publisher_id, party, rule, severity, review_status, findings)
      values (${old.source}, ${old.publisher_id}, ${old.party}, ${old.rule}, ${old.severity}, ${status}, 1)
      on conflict (source, publisher_id, party, rule, severity, review_status) do update set findings = agg_finding.findings + 1`.execute(tx);
    const counted = (st: string) => st !== "dismissed" && !old.rule.startsWith("platform.");
    const delta = (counted(status) ? 1 : 0) - (counted(old.review_status) ? 1 : 0);
    if (delta !== 0) {
      await sql`
        insert into agg_violation_day (party, day, source, publisher_id, rule, severity, violations)
        values (${old.party}, ${old.day}::date, ${old.source}, ${old.publisher_id}, ${old.rule}, ${old.severity}, ${delta})
        on conflict (party, day, source, publisher_id, rule, severity) do update set violations = agg_violation_day.violations + ${delta}`.execute(tx);
      await sql`delete from agg_violation_day where ${cell} and day = ${old.day}::date and violations <= 0`.execute(tx);
      await sql`
        insert into agg_party_day (party, day, violations) values (${old.party}, ${old.day}::date, ${delta})
        on conflict (party, day) do update set violations = agg_party_day.violations + ${delta}`.execute(tx);
      await sql`delete from agg_party_day where party = ${old.party} and day = ${old.day}::date and violations <= 0`.execute(tx);
    }
    const moved = (after > 0 ? 1 : 0) - (before > 0 ? 1 : 0);
    await sql`
      update agg_ad set violations = violations + ${after - before}, violating_ads = violating_ads + ${moved},
        violating_political = violating_political + ${old.political ? moved : 0}
      where source = ${old.source} and publisher_id = ${old.publisher_id} and party = ${old.party}`.execute(tx);
    return result;
  });
}

/** Empties the aggregates and marks them not computed, so every page counts live until the next refresh. */
export async function clearAggregates(db: Kysely<Database>): Promise<void> {
  knownReady.delete(db);
  await db.transaction().execute(async (tx) => {
    await sql`lock table agg_state in share row exclusive mode`.execute(tx);
    await sql`delete from agg_state`.execute(tx);
    for (const t of ["agg_ad", "agg_finding", "agg_violation_day", "agg_party_day", "agg_ban", "agg_enforcement"]) await sql`delete from ${sql.table(t)}`.execute(tx);
  });
}
