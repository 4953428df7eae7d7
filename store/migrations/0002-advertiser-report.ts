import { sql, type Kysely } from "kysely";
import { runStatements } from "./run-statements.js";

/**
 * Advertiser reports (one line of a platform's ad-library report: a page, its "Paid for by"
 * disclaimer or the lack of one, its spend in a period) get a table of their own, so pages that ran
 * ads without a disclaimer and their spend can be listed and summed in SQL. Each row points at the
 * `ad` row the crawl stored for the same line, which keeps the capture's evidence and hash chain.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, `
    create table advertiser_report (
      id bigserial primary key,
      ad_id bigint not null unique references ad(id) on delete cascade,
      platform text not null,
      page_id text not null,
      page_name text,
      disclaimer text,
      ran_without_disclaimer boolean not null,
      spend_min numeric,
      spend_max numeric,
      spend_text text,
      currency text,
      ads_in_library int,
      report_date date,
      period text,
      country text,
      region text,
      report_url text,
      updated_at timestamptz not null default now()
    );
    create index advertiser_report_page on advertiser_report (platform, page_id);
    create index advertiser_report_no_disclaimer on advertiser_report (page_id) where ran_without_disclaimer
  `);
}

/** Drops the table (tests of the migration runner). */
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table if exists advertiser_report`.execute(db);
}
