import { sql, type Kysely } from "kysely";
import type { Database } from "../schema.js";

/** What the synthetic benchmark data is drawn from: ad i gets party i mod P, publisher i mod Q and 3 of the rules. */
export interface BenchShape { ads: number; parties: string[]; publishers: string[]; rules: Array<[rule: string, severity: string]>; source: string; chunk?: number }

/**
 * Generates benchmark ads, verdicts and findings inside the database (INSERT … SELECT over
 * generate_series, in chunks), for benchmarks only: a million ads load in minutes instead of
 * streaming every row through the client. Ad i: publisher i mod Q, party i mod P (none for every
 * 20th), political unless i mod 10 = 0, first seen on day i mod 200, three findings of which every
 * 50th is dismissed and every 7th confirmed. Returns nothing; the caller refreshes aggregates.
 */
export async function generateBenchData(db: Kysely<Database>, s: BenchShape, onChunk?: (done: number) => void): Promise<void> {
  const chunk = s.chunk ?? 100_000;
  await sql`insert into publisher (name, kind) select unnest(${s.publishers}::text[]), 'site' on conflict (name) do nothing`.execute(db);
  const rules = s.rules.map((r) => r[0]);
  const sev = s.rules.map((r) => r[1]);
  for (let lo = 0; lo < s.ads; lo += chunk) {
    const hi = Math.min(s.ads, lo + chunk) - 1;
    await db.transaction().execute(async (tx) => {
      await sql`
        insert into ad (source, external_id, publisher_id, sponsor, text, label, content_hash, first_seen_at, last_seen_at, country)
        select ${s.source}, 'b-' || i, p.id, (${s.parties}::text[])[i % ${s.parties.length} + 1],
          'Advertentie ' || i || ': stem op ' || (${s.parties}::text[])[i % ${s.parties.length} + 1] || ' bij de verkiezingen',
          case when i % 3 = 0 then 'Gesponsord' end, md5(i::text),
          timestamptz '2025-09-01 00:00:00+00' + (i % 200) * interval '1 day' + i * interval '1 second',
          timestamptz '2025-09-01 00:00:00+00' + (i % 200 + i % 20) * interval '1 day' + i * interval '1 second', 'NL'
        from generate_series(${lo}::int, ${hi}::int) i join publisher p on p.name = (${s.publishers}::text[])[i % ${s.publishers.length} + 1]`.execute(tx);
      await sql`
        insert into verdict (ad_id, political, score, decision, party, reasons, rule_set)
        select a.id, i % 10 <> 0, case when i % 10 <> 0 then 0.9 else 0.1 end, case when i % 10 <> 0 then 'yes' else 'no' end,
          case when i % 20 <> 0 then (${s.parties}::text[])[i % ${s.parties.length} + 1] end, '[]', 'bench'
        from generate_series(${lo}::int, ${hi}::int) i join ad a on a.source = ${s.source} and a.external_id = 'b-' || i`.execute(tx);
      await sql`
        insert into finding (ad_id, rule, severity, message, rule_set, review_status)
        select a.id, (${rules}::text[])[(i + k * 2) % ${rules.length} + 1], (${sev}::text[])[(i + k * 2) % ${rules.length} + 1],
          (${rules}::text[])[(i + k * 2) % ${rules.length} + 1] || ' on ad ' || i, 'bench',
          case when (i * 3 + k) % 50 = 0 then 'dismissed' when (i * 3 + k) % 7 = 0 then 'confirmed' else 'open' end
        from generate_series(${lo}::int, ${hi}::int) i join ad a on a.source = ${s.source} and a.external_id = 'b-' || i
        cross join generate_series(0, 2) k`.execute(tx);
    });
    onChunk?.(hi + 1);
  }
  await sql`analyze`.execute(db);
}

/** How many ads and findings a source has (to reuse an already loaded benchmark database). */
export async function countBenchData(db: Kysely<Database>, source: string): Promise<{ ads: number; findings: number }> {
  const { rows } = await sql<{ ads: number; findings: number }>`
    select (select count(*) from ad where source = ${source}) as ads,
      (select count(*) from finding f join ad a on a.id = f.ad_id where a.source = ${source}) as findings`.execute(db);
  return { ads: Number(rows[0]?.ads ?? 0), findings: Number(rows[0]?.findings ?? 0) };
}

/** Removes every ad of a source with its verdicts and findings, before a fresh load. */
export async function deleteBenchData(db: Kysely<Database>, source: string): Promise<void> {
  await sql`delete from ad where source = ${source}`.execute(db);
}

/** Any one ad id of a source (the ad page to measure). */
export async function findBenchAdId(db: Kysely<Database>, source: string, externalId: string): Promise<number | undefined> {
  const { rows } = await sql<{ id: number }>`select id from ad where source = ${source} and external_id = ${externalId}`.execute(db);
  return rows[0] ? Number(rows[0].id) : undefined;
}

/**
 * The first day (YYYY-MM-DD, UTC) by whose end a party's ads of a source have at least `rows` findings
 * (counted by first sighting, as the `to` filter does): the export benchmark sizes its exports with it.
 */
export async function findBenchExportDay(db: Kysely<Database>, o: { source: string; party: string; rows: number }): Promise<string | undefined> {
  const { rows } = await sql<{ day: string }>`
    select to_char(a.first_seen_at at time zone 'UTC', 'YYYY-MM-DD') as day
    from finding f join ad a on a.id = f.ad_id
    where a.source = ${o.source} and a.agg_party = ${o.party}
    order by a.first_seen_at offset ${Math.max(0, o.rows - 1)} limit 1`.execute(db);
  return rows[0]?.day;
}
