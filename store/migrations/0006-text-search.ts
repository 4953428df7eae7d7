import { sql, type Kysely } from "kysely";

/**
 * Trigram index for the dashboard's text search (`q`: ILIKE '%term%' on ad text, sponsor and label),
 * which otherwise reads every ad. Needs the pg_trgm extension: PGlite gets it from openStore; on a
 * server it is created in `public` when missing (trusted since Postgres 13, so a database owner may).
 * A server that cannot have it fails this migration with a message saying what to install, rather
 * than leaving a store whose search silently scans millions of rows. Frozen once shipped.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // The extension is one per database, shared by every schema (each test's store is one): serialise
  // its creation, and never create it in the store's own schema, where dropping that schema would
  // take every other schema's trigram index with it.
  await sql`select pg_advisory_xact_lock(hashtext('polad:pg_trgm'))`.execute(db);
  let schema = await trgmSchema(db);
  if (!schema) {
    try {
      await sql`create extension if not exists pg_trgm with schema public`.execute(db);
    } catch (err) {
      throw new Error(
        "the pg_trgm extension could not be created (polad's text search index needs it): install the server's contrib " +
          "package (Debian: postgresql-contrib) and run `create extension pg_trgm` in this database as its owner or a superuser " +
          `(${(err as Error).message})`,
        { cause: err },
      );
    }
    schema = await trgmSchema(db);
    if (!schema) throw new Error("create extension pg_trgm succeeded but the extension is not listed in pg_extension");
  }
  const ops = sql`${sql.id(schema)}.gin_trgm_ops`;
  await sql`create index ad_search_trgm on ad using gin (text ${ops}, sponsor ${ops}, label ${ops})`.execute(db);
}

async function trgmSchema(db: Kysely<any>): Promise<string | undefined> {
  const { rows } = await sql<{ schema: string }>`select n.nspname as schema from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_trgm'`.execute(db);
  return rows[0]?.schema;
}

/** Drops the indexes (the extension stays: other schemas in the database may use it). */
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists ad_search_trgm`.execute(db);
}
