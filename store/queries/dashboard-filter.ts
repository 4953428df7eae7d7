import { sql, type Kysely, type RawBuilder } from "kysely";
import type { Database } from "../schema.js";

/** Filters shared by every dashboard list; each one narrows, none set means everything. */
export interface DashboardFilter {
  /** Ads seen on or after this instant (last_seen_at >= from). */
  from?: Date | undefined;
  /** Ads first seen before this instant (first_seen_at < to). */
  to?: Date | undefined;
  source?: string | undefined;
  publisher?: string | undefined;
  /** Party as the classifier attributed it; "-" selects ads without a party. */
  party?: string | undefined;
  rule?: string | undefined;
  severity?: string | undefined;
  review?: string | undefined;
  /** Free text, matched case-insensitively against text, sponsor, label and publisher. */
  q?: string | undefined;
  /** The ids of the publishers whose name matches `q`, once resolveTextSearch has looked them up. */
  qPublisherIds?: number[] | undefined;
}

/** Escapes LIKE wildcards so user text matches literally. */
function likeText(s: string): string {
  return `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The filter with the publishers matching its text search looked up first. The publisher arm of the
 * search then is a literal id list the planner can see, so the whole OR becomes one BitmapOr of the
 * trigram index and the publisher_id index; a sub-select there hides its size and the planner scans every ad.
 */
export async function resolveTextSearch(db: Kysely<Database>, f: DashboardFilter): Promise<DashboardFilter> {
  if (!f.q || f.qPublisherIds) return f;
  const { rows } = await sql<{ id: number }>`select id from publisher where name ilike ${likeText(f.q)} order by id`.execute(db);
  return { ...f, qPublisherIds: rows.map((r) => Number(r.id)) };
}

/** Conditions on a finding aliased `f` (rule, severity, review status, and signals vs breaches). */
export function findingConds(f: DashboardFilter): RawBuilder<unknown>[] {
  const c: RawBuilder<unknown>[] = [];
  if (f.rule) c.push(sql`f.rule = ${f.rule}`);
  if (f.severity) c.push(sql`f.severity = ${f.severity}`);
  if (f.review) c.push(sql`f.review_status = ${f.review}`);
  return c;
}

/**
 * Conditions on an ad aliased `a`, its publisher `p` and verdict `v`. Finding filters become an
 * EXISTS over one finding, so rule + severity + review must hold for the same finding.
 */
export function adConds(f: DashboardFilter, opts: { findingFilters: boolean } = { findingFilters: true }): RawBuilder<unknown>[] {
  const c: RawBuilder<unknown>[] = [];
  if (f.from) c.push(sql`a.last_seen_at >= ${f.from}`);
  if (f.to) c.push(sql`a.first_seen_at < ${f.to}`);
  if (f.source) c.push(sql`a.source = ${f.source}`);
  if (f.publisher) c.push(sql`p.name = ${f.publisher}`);
  if (f.party === "-") c.push(sql`v.party is null`);
  else if (f.party) c.push(sql`v.party = ${f.party}`);
  if (f.q) {
    const q = likeText(f.q);
    // Every arm on ad itself (the trigram index ad_search_trgm covers text, sponsor and label), the
    // publisher arm as ids when resolveTextSearch found them, so the OR can be answered from indexes.
    const ids = f.qPublisherIds;
    const byPublisher = ids === undefined ? sql` or a.publisher_id in (select id from publisher where name ilike ${q})`
      : ids.length > 0 ? sql` or a.publisher_id = any (${ids}::bigint[])` : sql``;
    c.push(sql`(a.text ilike ${q} or a.sponsor ilike ${q} or a.label ilike ${q}${byPublisher})`);
  }
  const fc = findingConds(f);
  if (opts.findingFilters && fc.length > 0) c.push(sql`exists (select 1 from finding f where f.ad_id = a.id and ${sql.join(fc, sql` and `)})`);
  return c;
}

/** Joins conditions with AND; no conditions is TRUE. */
export function whereAll(conds: RawBuilder<unknown>[]): RawBuilder<unknown> {
  return conds.length === 0 ? sql`true` : sql.join(conds, sql` and `);
}

/** A finding counts as a violation unless a reviewer dismissed it or it is a platform signal. */
export const VIOLATION = sql`(f.review_status <> 'dismissed' and f.rule not like 'platform.%')`;
