import { sql, type Kysely } from "kysely";
import type { Database } from "../schema.js";

/**
 * Transparency statements imported from politiekereclame.nl. Until the store has a `statement` table
 * (requested in /work/notes/requests-registries.md) they live in `ad` as records of source
 * `politiekereclame-nl` with `extra.record_kind = 'notice-statement'`; these queries are the only
 * place that knows, so the move to a table changes this file alone.
 */
const STATEMENT_SOURCE = "politiekereclame-nl";

/** A stored statement: who sponsored and paid, for which election, over which period, how much. */
export interface StoredStatement {
  publicId: string;
  recordId: string;
  sponsor: string | null;
  payer: string | null;
  controllingEntity: string | null;
  election: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  paidMediaEur: number | null;
  totalCampaignEur: number | null;
  pageUrl: string | null;
  pageArchived: boolean;
}

/** An ad whose notice link points at a stored statement page. */
export interface StatementLink { adSource: string; adExternalId: string; noticeUrl: string; publicId: string; statementSponsor: string | null }

const str = (v: unknown): string | null => (typeof v === "string" ? v : null);
const num = (v: unknown): number | null => (typeof v === "number" ? v : null);

/** Every stored statement, ordered by public id then record id. */
export async function listStatements(db: Kysely<Database>): Promise<StoredStatement[]> {
  const rows = await db.selectFrom("ad").select(["external_id", "sponsor", "notice_url", "notice_id", "extra"])
    .where("source", "=", STATEMENT_SOURCE).where(sql<boolean>`extra->>'record_kind' = 'notice-statement'`)
    .orderBy(sql`extra->>'public_id'`).orderBy("external_id").execute();
  return rows.map((r) => {
    const e = r.extra;
    const period = (e.period ?? {}) as Record<string, unknown>;
    const amounts = (e.amounts ?? {}) as Record<string, unknown>;
    return {
      publicId: String(e.public_id), recordId: r.external_id, sponsor: r.sponsor, payer: str(e.payer), controllingEntity: str(e.controlling_entity),
      election: str(e.election), periodStart: str(period.start), periodEnd: str(period.end), paidMediaEur: num(amounts.paid_media_eur),
      totalCampaignEur: num(amounts.total_campaign_eur), pageUrl: r.notice_url, pageArchived: r.notice_id !== null,
    };
  });
}

/**
 * Ads (of any other source) whose notice link names a stored statement by its public id
 * (…/transparantie-verklaringen/<public_id>), joined in SQL. One row per ad and statement record.
 */
export async function listStatementLinks(db: Kysely<Database>): Promise<StatementLink[]> {
  const rows = await db.selectFrom("ad as a")
    .innerJoin("ad as st", (j) => j.on("st.source", "=", STATEMENT_SOURCE)
      .on(sql<boolean>`st.extra->>'record_kind' = 'notice-statement'`)
      .on(sql<boolean>`substring(a.notice_url from '/transparantie-verklaringen?/([A-Za-z0-9_-]+)/?(?:[?#].*)?$') = st.extra->>'public_id'`))
    .select(["a.source", "a.external_id", "a.notice_url", "st.sponsor", sql<string>`st.extra->>'public_id'`.as("public_id")])
    .where("a.source", "<>", STATEMENT_SOURCE)
    .orderBy("a.source").orderBy("a.external_id").execute();
  return rows.map((r) => ({ adSource: r.source, adExternalId: r.external_id, noticeUrl: r.notice_url ?? "", publicId: r.public_id, statementSponsor: r.sponsor }));
}

/** The statement bodies as archived inline on the politiekereclame.nl records (JSON as the registry gave it). */
export async function listStatementBodies(db: Kysely<Database>): Promise<unknown[]> {
  const rows = await db.selectFrom("ad").select("notice_inline").where("source", "=", STATEMENT_SOURCE).where("notice_inline", "is not", null).orderBy("id").execute();
  return rows.map((r) => (typeof r.notice_inline === "string" ? JSON.parse(r.notice_inline) : r.notice_inline) as unknown);
}
