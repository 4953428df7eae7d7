import type { Kysely } from "kysely";
import { runStatements } from "./run-statements.js";

/**
 * Creatives: every ad row points at the creative it belongs to (the lowest ad id among its exact and
 * near duplicates), while each sighting stays an observation of its own ad. creative_bands holds the
 * MinHash band keys that find near-duplicate candidates through a GIN index. Frozen once shipped.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, `
    alter table ad add column creative_id bigint;
    alter table ad add column creative_bands bigint[];
    create index ad_creative on ad (creative_id);
    create index ad_creative_bands on ad using gin (creative_bands);
    create index ad_unclustered on ad (id) where creative_id is null;
  `);
}
