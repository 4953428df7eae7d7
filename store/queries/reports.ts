import { sql, type Kysely } from "kysely";
import type { Database } from "../schema.js";

/** One line of a violation report. */
export interface ReportRow { key: string; ads: number; political: number; violations: number; critical: number; high: number; medium: number; low: number; info: number }

/** How a report groups. */
export type ReportBy = "party" | "publisher" | "rule";

/**
 * Violation aggregates computed in SQL: per party (the actor the ad resolved to), per publisher, or
 * per rule. Dismissed findings are left out unless asked for.
 */
export async function violationReport(db: Kysely<Database>, o: { by: ReportBy; includeDismissed?: boolean }): Promise<ReportRow[]> {
  const dismissed = o.includeDismissed ? sql`true` : sql`f.review_status <> 'dismissed'`;
  const key = o.by === "party" ? sql`coalesce(v.party, '(none)')` : o.by === "publisher" ? sql`p.name` : sql`f.rule`;
  const from =
    o.by === "rule"
      ? sql`finding f join ad a on a.id = f.ad_id join verdict v on v.ad_id = a.id join publisher p on p.id = a.publisher_id where ${dismissed}`
      : sql`ad a join publisher p on p.id = a.publisher_id left join verdict v on v.ad_id = a.id left join finding f on f.ad_id = a.id and ${dismissed}`;
  const res = await sql<Record<string, unknown>>`
    select ${key} as key,
      count(distinct a.id)::int as ads,
      count(distinct a.id) filter (where v.political)::int as political,
      count(f.id)::int as violations,
      count(f.id) filter (where f.severity = 'critical')::int as critical,
      count(f.id) filter (where f.severity = 'high')::int as high,
      count(f.id) filter (where f.severity = 'medium')::int as medium,
      count(f.id) filter (where f.severity = 'low')::int as low,
      count(f.id) filter (where f.severity = 'info')::int as info
    from ${from}
    group by 1 order by violations desc, key`.execute(db);
  return res.rows.map((r) => ({
    key: String(r.key), ads: Number(r.ads), political: Number(r.political), violations: Number(r.violations),
    critical: Number(r.critical), high: Number(r.high), medium: Number(r.medium), low: Number(r.low), info: Number(r.info),
  }));
}
