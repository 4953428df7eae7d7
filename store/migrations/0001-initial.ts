import { sql, type Kysely } from "kysely";
import { runStatements } from "./run-statements.js";

/**
 * The first schema, frozen in time (later changes are new migrations). Plain SQL so the server and
 * PGlite run exactly the same statements.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, `
    create table crawl_run (
      id bigserial primary key,
      run_key text not null,
      source text not null,
      params jsonb not null default '{}',
      status text not null default 'running',
      started_at timestamptz not null default now(),
      finished_at timestamptz,
      clock_start timestamptz,
      crawler_version text not null,
      stats jsonb not null default '{}',
      error text
    );
    create index crawl_run_key on crawl_run (run_key, status);

    create table frontier (
      run_id bigint not null references crawl_run(id) on delete cascade,
      url text not null,
      depth int not null default 0,
      kind text not null default 'page',
      payload jsonb not null default '{}',
      status text not null default 'pending',
      attempts int not null default 0,
      reason text,
      updated_at timestamptz not null default now(),
      primary key (run_id, url)
    );
    create index frontier_pending on frontier (run_id, status);

    create table publisher (
      id bigserial primary key,
      name text not null unique,
      kind text not null default 'site'
    );

    create table actor (
      id bigserial primary key,
      name text not null unique,
      party text,
      kind text not null default 'party',
      aliases jsonb not null default '[]'
    );

    create table notice (
      id bigserial primary key,
      url text not null,
      final_url text,
      status int not null,
      headers jsonb not null default '{}',
      content_type text,
      body text not null default '',
      redirects jsonb not null default '[]',
      sha256 text not null,
      error text,
      fetched_at timestamptz not null
    );
    create index notice_url on notice (url, fetched_at);

    create table ad (
      id bigserial primary key,
      source text not null,
      external_id text not null,
      publisher_id bigint not null references publisher(id),
      sponsor text,
      text text,
      html text,
      label text,
      notice_url text,
      notice_id bigint references notice(id),
      notice_inline jsonb,
      notice_status int,
      targeting jsonb,
      extra jsonb not null default '{}',
      country text not null default 'NL',
      content_hash text not null,
      first_seen_at timestamptz not null,
      last_seen_at timestamptz not null,
      created_at timestamptz not null default now(),
      unique (source, external_id)
    );
    create index ad_content_hash on ad (content_hash);
    create index ad_publisher on ad (publisher_id);

    create table artefact (
      sha256 text primary key,
      kind text not null,
      bytes bigint not null,
      path text not null,
      created_at timestamptz not null default now()
    );

    create table observation (
      id bigserial primary key,
      ad_id bigint not null references ad(id) on delete cascade,
      crawl_run_id bigint references crawl_run(id),
      seen_at timestamptz not null,
      page_url text not null default '',
      frame_chain jsonb not null default '[]',
      viewport jsonb,
      user_agent text,
      crawler_version text,
      screenshot_sha256 text references artefact(sha256),
      html_sha256 text references artefact(sha256),
      label_styles jsonb not null default '[]',
      links jsonb not null default '[]',
      unique nulls not distinct (ad_id, crawl_run_id, page_url)
    );
    create index observation_ad on observation (ad_id, seen_at);

    create table manifest_entry (
      crawl_run_id bigint not null references crawl_run(id) on delete cascade,
      seq int not null,
      kind text not null,
      ref text not null,
      sha256 text not null,
      prev_hash text not null,
      entry_hash text not null,
      created_at timestamptz not null default now(),
      primary key (crawl_run_id, seq)
    );

    create table verdict (
      ad_id bigint primary key references ad(id) on delete cascade,
      political boolean not null,
      score real not null,
      decision text not null,
      party text,
      reasons jsonb not null default '[]',
      rule_set text not null,
      classified_at timestamptz not null default now()
    );
    create index verdict_party on verdict (party) where political;

    create table finding (
      id bigserial primary key,
      ad_id bigint not null references ad(id) on delete cascade,
      rule text not null,
      severity text not null,
      message text not null,
      rule_set text not null,
      review_status text not null default 'open',
      review_note text,
      reviewed_by text,
      reviewed_at timestamptz,
      created_at timestamptz not null default now(),
      unique (ad_id, rule)
    );
    create index finding_rule on finding (rule);
  `);
}

/** Frozen migrations are never rolled back in production; down exists for tests of the runner. */
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table if exists finding, verdict, manifest_entry, observation, artefact, ad, notice, actor, publisher, frontier, crawl_run cascade`.execute(db);
}
