import { sql, type Kysely } from "kysely";

/**
 * A publisher's own name for itself (og:site_name, its site profile or its page title), kept beside
 * the host it is known by: a site served from 127.0.0.1:41234 or www.ad.nl reads as "Nieuwsdagblad"
 * or "AD" in the dashboard while the host stays visible. Null until a crawl or an import names it. Frozen once shipped.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table publisher add column site_name text`.execute(db);
}

/** Drops the column. */
export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table publisher drop column if exists site_name`.execute(db);
}
