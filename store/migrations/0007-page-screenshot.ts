import type { Kysely } from "kysely";
import { runStatements } from "./run-statements.js";

/**
 * The whole page's screenshot, taken when a crawl asks for it (`polad crawl --full-page`): one file per
 * page, shared by the sightings of every ad on it (content-addressed like every artefact). Frozen once shipped.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, `alter table observation add column page_screenshot_sha256 text;`);
}

