import { sql, type Kysely } from "kysely";
import { runStatements } from "./run-statements.js";

/**
 * Materialised dashboard aggregates (filled by refreshAggregates after classification, kept in step
 * by reviews) and the indexes the newest-first lists walk. agg_state has its one row only once the
 * aggregates have been computed; until then the dashboard counts live. ad.agg_party copies the
 * verdict's party at refresh time, so a party's list walks one index in list order.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, `
    create table agg_state (
      id int primary key default 1 check (id = 1),
      refreshed_at timestamptz not null
    );
    create table agg_ad (
      source text not null,
      publisher_id bigint not null,
      party text not null,
      ads bigint not null,
      political bigint not null,
      violations bigint not null,
      violating_ads bigint not null,
      violating_political bigint not null,
      min_first_seen_at timestamptz not null,
      max_first_seen_at timestamptz not null,
      max_last_seen_at timestamptz not null,
      primary key (source, publisher_id, party)
    );
    create table agg_finding (
      source text not null,
      publisher_id bigint not null,
      party text not null,
      rule text not null,
      severity text not null,
      review_status text not null,
      findings bigint not null,
      primary key (source, publisher_id, party, rule, severity, review_status)
    );
    create table agg_violation_day (
      party text not null,
      day date not null,
      source text not null,
      publisher_id bigint not null,
      rule text not null,
      severity text not null,
      violations bigint not null,
      primary key (party, day, source, publisher_id, rule, severity)
    );
    create table agg_party_day (
      party text not null,
      day date not null,
      violations bigint not null,
      primary key (party, day)
    );
    create table agg_ban (
      platform text not null,
      since timestamptz not null,
      pattern text not null,
      primary key (platform, since, pattern)
    );
    create table agg_enforcement (
      platform text not null,
      since timestamptz not null,
      source text not null,
      publisher_id bigint not null,
      party text not null,
      ads bigint not null,
      first_after timestamptz not null,
      last_seen_at timestamptz not null,
      max_seconds_up numeric not null,
      sum_seconds_up numeric not null,
      primary key (platform, since, source, publisher_id, party)
    );
    alter table ad add column agg_party text;
    create index ad_agg_party_last_seen on ad (agg_party, last_seen_at desc, id desc);
    create index ad_publisher_last_seen on ad (publisher_id, last_seen_at desc, id desc);
    create index ad_last_seen on ad (last_seen_at desc, id desc)
  `);
}

/** Drops what up created. */
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists ad_last_seen, ad_agg_party_last_seen, ad_publisher_last_seen`.execute(db);
  await sql`alter table ad drop column if exists agg_party`.execute(db);
  await sql`drop table if exists agg_enforcement, agg_ban, agg_party_day, agg_violation_day, agg_finding, agg_ad, agg_state`.execute(db);
}
