import { sql, type Kysely, type RawBuilder } from "kysely";
import type { Database } from "../schema.js";
import { aggCount } from "./dashboard-aggregate-reads.js";
import { adLevelAggregable, aggregatesReady, findingLevelAggregable } from "./dashboard-aggregates.js";
import { adConds, findingConds, resolveTextSearch, VIOLATION, whereAll, type DashboardFilter } from "./dashboard-filter.js";

/**
 * A page of a list and the total under the same filter. A total counted live stops at COUNT_CAP + 1
 * (`capped`): counting every match of a period or text filter over millions of rows costs seconds.
 */
export interface Page<T> { rows: T[]; total: number; capped?: boolean }

/** How far a live total counts before it reports "more than". */
export const COUNT_CAP = 1_000;

/** Which slice of a list to return; order is always stable (newest first, then id). */
export interface Slice { limit: number; offset: number }

/** One ad in the ads list. */
export interface AdListRow {
  id: number; source: string; externalId: string; publisher: string; publisherSiteName: string | null; sponsor: string | null; text: string | null;
  label: string | null; party: string | null; political: boolean | null; firstSeenAt: Date; lastSeenAt: Date;
  violations: number; rules: string[];
}

type AdRow = {
  id: number; source: string; external_id: string; publisher: string; publisher_site_name: string | null; sponsor: string | null; text: string | null; label: string | null;
  party: string | null; political: boolean | null; first_seen_at: Date; last_seen_at: Date; violations: number; rules: string[] | null; k_ts: string;
};

/** Where a keyset page starts: after this ad (ads) or this finding (findings) in list order. */
export interface Cursor { ts: string; adId: number; findingId?: number | undefined }

/**
 * The conditions of a list, shaped so that a party's or a publisher's list walks one index in list
 * order: the publisher as its id (names are unique), and once aggregates exist the party as
 * ad.agg_party, the verdict's party at the last refresh, which is also what the list's total counts.
 */
async function listConds(db: Kysely<Database>, f: DashboardFilter, o: { findingFilters: boolean }): Promise<RawBuilder<unknown>[]> {
  const c: RawBuilder<unknown>[] = [];
  if (f.publisher) c.push(sql`a.publisher_id = (select id from publisher where name = ${f.publisher})`);
  const byAggParty = f.party !== undefined && (await aggregatesReady(db));
  if (byAggParty) c.push(f.party === "-" ? sql`a.agg_party is null` : sql`a.agg_party = ${f.party}`);
  return [...c, ...adConds({ ...f, publisher: undefined, party: byAggParty ? undefined : f.party }, o)];
}

async function selectAds(db: Kysely<Database>, f: DashboardFilter, s: Slice & { after?: Cursor | undefined }): Promise<AdRow[]> {
  const after = s.after ? sql`and (a.last_seen_at, a.id) < (${s.after.ts}::timestamptz, ${s.after.adId})` : sql``;
  const { rows } = await sql<AdRow>`
    with pg as (
      select a.id
      from ad a join publisher p on p.id = a.publisher_id left join verdict v on v.ad_id = a.id
      where ${whereAll(await listConds(db, f, { findingFilters: true }))} ${after}
      order by a.last_seen_at desc, a.id desc limit ${s.limit} offset ${s.after ? 0 : s.offset}
    )
    select a.id, a.source, a.external_id, p.name as publisher, p.site_name as publisher_site_name, a.sponsor, left(a.text, 400) as text, left(a.label, 400) as label,
      v.party, v.political, a.first_seen_at, a.last_seen_at, a.last_seen_at::text as k_ts,
      (select count(*) from finding f where f.ad_id = a.id and ${VIOLATION}) as violations,
      (select array_agg(f.rule order by f.rule) from finding f where f.ad_id = a.id) as rules
    from pg join ad a on a.id = pg.id join publisher p on p.id = a.publisher_id left join verdict v on v.ad_id = a.id
    order by a.last_seen_at desc, a.id desc`.execute(db);
  return rows;
}

const toAdRow = (r: AdRow): AdListRow => ({
  id: Number(r.id), source: r.source, externalId: r.external_id, publisher: r.publisher, publisherSiteName: r.publisher_site_name ?? null, sponsor: r.sponsor, text: r.text, label: r.label,
  party: r.party, political: r.political, firstSeenAt: new Date(r.first_seen_at), lastSeenAt: new Date(r.last_seen_at),
  violations: Number(r.violations), rules: r.rules ?? [],
});

/**
 * Lists ads under a filter, newest sighting first, with their violation count and rule ids. The
 * total comes from the aggregates when the filter allows, so a page never counts the whole table.
 */
export async function listAds(db: Kysely<Database>, filter: DashboardFilter, s: Slice & { after?: Cursor | undefined }): Promise<Page<AdListRow> & { next?: Cursor }> {
  const f = await resolveTextSearch(db, filter);
  const rows = await selectAds(db, f, s);
  const fromAggregates = adLevelAggregable(f) && (await aggregatesReady(db));
  const total = fromAggregates ? await aggCount(db, f, "ads") : await countAds(db, f);
  const last = rows[rows.length - 1];
  return { total, capped: !fromAggregates && total > COUNT_CAP, rows: rows.map(toAdRow), ...(last && rows.length === s.limit ? { next: { ts: last.k_ts, adId: Number(last.id) } } : {}) };
}

async function countAds(db: Kysely<Database>, f: DashboardFilter): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*) as n from (
    select 1 from ad a join publisher p on p.id = a.publisher_id left join verdict v on v.ad_id = a.id where ${whereAll(adConds(f))} limit ${COUNT_CAP + 1}) x`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/** Every ad under a filter in list order, in keyset batches, up to `max`: for streamed exports. */
export async function* iterateAds(db: Kysely<Database>, filter: DashboardFilter, o: { max: number; batch: number }): AsyncGenerator<AdListRow[]> {
  const f = await resolveTextSearch(db, filter);
  let after: Cursor | undefined;
  for (let left = o.max; left > 0;) {
    const rows = await selectAds(db, f, { limit: Math.min(o.batch, left), offset: 0, after });
    if (rows.length === 0) return;
    yield rows.map(toAdRow);
    left -= rows.length;
    const last = rows[rows.length - 1]!;
    after = { ts: last.k_ts, adId: Number(last.id) };
  }
}

/** One finding in the findings list, with the ad context a reviewer needs. */
export interface FindingListRow {
  id: number; adId: number; rule: string; severity: string; message: string; reviewStatus: string; reviewNote: string | null;
  reviewedBy: string | null; reviewedAt: Date | null; party: string | null; publisher: string; publisherSiteName: string | null; source: string; sponsor: string | null;
  firstSeenAt: Date; lastSeenAt: Date;
}

type FindingRow = {
  id: number; ad_id: number; rule: string; severity: string; message: string; review_status: string; review_note: string | null;
  reviewed_by: string | null; reviewed_at: Date | null; party: string | null; publisher: string; publisher_site_name: string | null; source: string; sponsor: string | null;
  first_seen_at: Date; last_seen_at: Date; k_ts: string;
};

async function selectFindings(db: Kysely<Database>, f: DashboardFilter, s: Slice & { after?: Cursor | undefined }): Promise<FindingRow[]> {
  const c = s.after;
  // The first condition is implied by the second; it lets the planner start the ad index scan at the cursor.
  const after = c
    ? sql`and a.last_seen_at <= ${c.ts}::timestamptz and (a.last_seen_at < ${c.ts}::timestamptz or (a.last_seen_at = ${c.ts}::timestamptz
        and (f.ad_id < ${c.adId} or (f.ad_id = ${c.adId} and f.id > ${c.findingId ?? 0}))))`
    : sql``;
  const { rows } = await sql<FindingRow>`
    select f.id, f.ad_id, f.rule, f.severity, f.message, f.review_status, f.review_note, f.reviewed_by, f.reviewed_at,
      v.party, p.name as publisher, p.site_name as publisher_site_name, a.source, a.sponsor, a.first_seen_at, a.last_seen_at, a.last_seen_at::text as k_ts
    from finding f join ad a on a.id = f.ad_id join publisher p on p.id = a.publisher_id left join verdict v on v.ad_id = a.id
    where ${whereAll([...(await listConds(db, f, { findingFilters: false })), ...findingConds(f)])} ${after}
    order by a.last_seen_at desc, f.ad_id desc, f.id limit ${s.limit} offset ${c ? 0 : s.offset}`.execute(db);
  return rows;
}

const toFindingRow = (r: FindingRow): FindingListRow => ({
  id: Number(r.id), adId: Number(r.ad_id), rule: r.rule, severity: r.severity, message: r.message, reviewStatus: r.review_status,
  reviewNote: r.review_note, reviewedBy: r.reviewed_by, reviewedAt: r.reviewed_at ? new Date(r.reviewed_at) : null, party: r.party,
  publisher: r.publisher, publisherSiteName: r.publisher_site_name ?? null, source: r.source, sponsor: r.sponsor, firstSeenAt: new Date(r.first_seen_at), lastSeenAt: new Date(r.last_seen_at),
});

const findingCursor = (r: FindingRow): Cursor => ({ ts: r.k_ts, adId: Number(r.ad_id), findingId: Number(r.id) });

/** Lists findings under a filter, newest ad sighting first, then finding id; the total from the aggregates when the filter allows. */
export async function listFindings(db: Kysely<Database>, filter: DashboardFilter, s: Slice & { after?: Cursor | undefined }): Promise<Page<FindingListRow> & { next?: Cursor }> {
  const f = await resolveTextSearch(db, filter);
  const rows = await selectFindings(db, f, s);
  const fromAggregates = findingLevelAggregable(f) && (await aggregatesReady(db));
  const total = fromAggregates ? await aggCount(db, f, "findings") : await countFindingsLive(db, f);
  const last = rows[rows.length - 1];
  return { total, capped: !fromAggregates && total > COUNT_CAP, rows: rows.map(toFindingRow), ...(last && rows.length === s.limit ? { next: findingCursor(last) } : {}) };
}

async function countFindingsLive(db: Kysely<Database>, f: DashboardFilter): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*) as n from (
    select 1 from finding f join ad a on a.id = f.ad_id join publisher p on p.id = a.publisher_id left join verdict v on v.ad_id = a.id
    where ${whereAll([...adConds(f, { findingFilters: false }), ...findingConds(f)])} limit ${COUNT_CAP + 1}) x`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/** Every finding under a filter in list order, in keyset batches, up to `max`: for streamed exports. */
export async function* iterateFindings(db: Kysely<Database>, filter: DashboardFilter, o: { max: number; batch: number }): AsyncGenerator<FindingListRow[]> {
  const f = await resolveTextSearch(db, filter);
  let after: Cursor | undefined;
  for (let left = o.max; left > 0;) {
    const rows = await selectFindings(db, f, { limit: Math.min(o.batch, left), offset: 0, after });
    if (rows.length === 0) return;
    yield rows.map(toFindingRow);
    left -= rows.length;
    after = findingCursor(rows[rows.length - 1]!);
  }
}
