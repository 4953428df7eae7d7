import { sql, type Kysely } from "kysely";

/** Runs a ;-separated SQL script one statement at a time: PGlite's extended protocol takes one statement per query. */
export async function runStatements(db: Kysely<any>, script: string): Promise<void> {
  for (const statement of script.split(/;\s*\n/)) {
    const text = statement.trim();
    if (text) await sql.raw(text).execute(db);
  }
}
