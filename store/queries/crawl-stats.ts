import type { Kysely } from "kysely";
import type { Database } from "../schema.js";

/** How much a crawl run has captured so far: distinct ads and observations (sightings). */
export async function countRunCaptures(db: Kysely<Database>, runId: number): Promise<{ ads: number; observations: number }> {
  const row = await db
    .selectFrom("observation")
    .select([(eb) => eb.fn.count<number>("ad_id").distinct().as("ads"), (eb) => eb.fn.countAll<number>().as("observations")])
    .where("crawl_run_id", "=", runId)
    .executeTakeFirstOrThrow();
  return { ads: Number(row.ads), observations: Number(row.observations) };
}
