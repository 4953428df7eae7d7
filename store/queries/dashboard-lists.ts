import { sql, type Kysely } from "kysely";
import type { Database } from "../schema.js";
import { adConds, findingConds, VIOLATION, whereAll, type DashboardFilter } from "./dashboard-filter.js";

/** A page of a list and the total under the same filter. */
export interface Page<T> { rows: T[]; total: number }

/** Which slice of a list to return; order is always stable (newest first, then id). */
export interface Slice { limit: number; offset: number }

/** One ad in the ads list. */
export interface AdListRow {
  id: number; source: string; externalId: string; publisher: string; sponsor: string | null; text: string | null;
  label: string | null; party: string | null; political: boolean | null; firstSeenAt: Date; lastSeenAt: Date;
  violations: number; rules: string[];
}

/** Lists ads under a filter, newest sighting first, with their violation count and rule ids. */
export async function listAds(db: Kysely<Database>, f: DashboardFilter, s: Slice): Promise<Page<AdListRow>> {
  const { rows } = await sql<{
    id: number; source: string; external_id: string; publisher: string; sponsor: string | null; text: string | null; label: string | null;
    party: string | null; political: boolean | null; first_seen_at: Date; last_seen_at: Date; violations: number; rules: string[] | null; total: number;
  }>`
    with pg as (
      select a.id, count(*) over () as total
      from ad a join publisher p on p.id = a.publisher_id left join verdict v on v.ad_id = a.id
      where ${whereAll(adConds(f))}
      order by a.last_seen_at desc, a.id desc limit ${s.limit} offset ${s.offset}
    )
    select a.id, a.source, a.external_id, p.name as publisher, a.sponsor, left(a.text, 400) as text, left(a.label, 400) as label,
      v.party, v.political, a.first_seen_at, a.last_seen_at,
      (select count(*) from finding f where f.ad_id = a.id and ${VIOLATION}) as violations,
      (select array_agg(f.rule order by f.rule) from finding f where f.ad_id = a.id) as rules,
      pg.total
    from pg join ad a on a.id = pg.id join publisher p on p.id = a.publisher_id left join verdict v on v.ad_id = a.id
    order by a.last_seen_at desc, a.id desc`.execute(db);
  const total = rows.length > 0 ? Number(rows[0]?.total) : await countAds(db, f);
  return {
    total,
    rows: rows.map((r) => ({
      id: Number(r.id), source: r.source, externalId: r.external_id, publisher: r.publisher, sponsor: r.sponsor, text: r.text, label: r.label,
      party: r.party, political: r.political, firstSeenAt: new Date(r.first_seen_at), lastSeenAt: new Date(r.last_seen_at),
      violations: Number(r.violations), rules: r.rules ?? [],
    })),
  };
}

async function countAds(db: Kysely<Database>, f: DashboardFilter): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*) as n from ad a join publisher p on p.id = a.publisher_id left join verdict v on v.ad_id = a.id where ${whereAll(adConds(f))}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/** One finding in the findings list, with the ad context a reviewer needs. */
export interface FindingListRow {
  id: number; adId: number; rule: string; severity: string; message: string; reviewStatus: string; reviewNote: string | null;
  reviewedBy: string | null; reviewedAt: Date | null; party: string | null; publisher: string; source: string; sponsor: string | null;
  firstSeenAt: Date; lastSeenAt: Date;
}

/** Lists findings under a filter, newest ad sighting first, then finding id. */
export async function listFindings(db: Kysely<Database>, f: DashboardFilter, s: Slice): Promise<Page<FindingListRow>> {
  const { rows } = await sql<{
    id: number; ad_id: number; rule: string; severity: string; message: string; review_status: string; review_note: string | null;
    reviewed_by: string | null; reviewed_at: Date | null; party: string | null; publisher: string; source: string; sponsor: string | null;
    first_seen_at: Date; last_seen_at: Date; total: number;
  }>`
    select f.id, f.ad_id, f.rule, f.severity, f.message, f.review_status, f.review_note, f.reviewed_by, f.reviewed_at,
      v.party, p.name as publisher, a.source, a.sponsor, a.first_seen_at, a.last_seen_at, count(*) over () as total
    from finding f join ad a on a.id = f.ad_id join publisher p on p.id = a.publisher_id left join verdict v on v.ad_id = a.id
    where ${whereAll([...adConds(f, { findingFilters: false }), ...findingConds(f)])}
    order by a.last_seen_at desc, f.ad_id desc, f.id limit ${s.limit} offset ${s.offset}`.execute(db);
  return {
    total: Number(rows[0]?.total ?? 0),
    rows: rows.map((r) => ({
      id: Number(r.id), adId: Number(r.ad_id), rule: r.rule, severity: r.severity, message: r.message, reviewStatus: r.review_status,
      reviewNote: r.review_note, reviewedBy: r.reviewed_by, reviewedAt: r.reviewed_at ? new Date(r.reviewed_at) : null, party: r.party,
      publisher: r.publisher, source: r.source, sponsor: r.sponsor, firstSeenAt: new Date(r.first_seen_at), lastSeenAt: new Date(r.last_seen_at),
    })),
  };
}
