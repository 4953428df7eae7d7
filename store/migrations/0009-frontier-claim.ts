import { sql, type Kysely } from "kysely";

/**
 * The claim's order (shallowest first, then by URL) as a partial index over pending items: a claim
 * reads its few rows off the index instead of sorting every pending item of the run, which grew with
 * the frontier (a research crawl's frontier runs to hundreds of thousands). Frozen once shipped.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index frontier_claim on frontier (run_id, depth, url) where status = 'pending'`.execute(db);
}

/** Drops the index. */
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists frontier_claim`.execute(db);
}
