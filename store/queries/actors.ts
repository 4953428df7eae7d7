import type { Kysely } from "kysely";
import type { Database } from "../schema.js";

/** A political actor as users import and edit it. */
export interface ActorRow { name: string; party: string | null; kind: string; aliases: string[] }

/** Lists the user-maintained actors (they extend the built-in registry). */
export async function listActors(db: Kysely<Database>): Promise<ActorRow[]> {
  const rows = await db.selectFrom("actor").select(["name", "party", "kind", "aliases"]).orderBy("name").execute();
  return rows.map((r) => ({ name: r.name, party: r.party, kind: r.kind, aliases: (typeof r.aliases === "string" ? JSON.parse(r.aliases) : r.aliases) as string[] }));
}

/** Inserts or replaces actors by name, all in one transaction. */
export async function upsertActors(db: Kysely<Database>, actors: ActorRow[]): Promise<number> {
  await db.transaction().execute(async (tx) => {
    for (const a of actors) {
      const v = { name: a.name, party: a.party, kind: a.kind, aliases: JSON.stringify(a.aliases) };
      await tx.insertInto("actor").values(v).onConflict((oc) => oc.column("name").doUpdateSet(v)).execute();
    }
  });
  return actors.length;
}
