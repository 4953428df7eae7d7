import type { Kysely } from "kysely";
import { runStatements } from "./run-statements.js";

/**
 * Scheduled monitoring: the schedule's entries (what to re-crawl or re-probe, how often, how the
 * last turn went) and one row per re-probe of a transparency notice, so a notice that changes or
 * disappears after first sight is on record with the time it was seen that way. Frozen once shipped.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, `
    create table schedule_entry (
      name text primary key,
      kind text not null check (kind in ('crawl', 'notices')),
      plan jsonb not null default '{}',
      every_seconds int not null check (every_seconds > 0),
      max_pages int not null default 200,
      concurrency int not null default 4,
      created_at timestamptz not null default now(),
      last_started_at timestamptz,
      last_finished_at timestamptz,
      last_success_at timestamptz,
      last_status text,
      last_error text
    );

    create table notice_probe (
      id bigserial primary key,
      crawl_run_id bigint references crawl_run(id) on delete set null,
      url text not null,
      notice_id bigint not null references notice(id),
      probed_at timestamptz not null,
      status int not null,
      sha256 text not null,
      outcome text not null check (outcome in ('first', 'unchanged', 'changed', 'gone', 'back'))
    );
    create index notice_probe_url on notice_probe (url, probed_at);
  `);
}
