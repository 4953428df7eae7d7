import type { Logger } from "pino";
import { statementsToActors } from "../../crawler/sources/politiekereclame-nl/actors.js";
import { statementSchema, type Statement } from "../../crawler/sources/politiekereclame-nl/schema.js";
import type { Store } from "../../store/db.js";
import { upsertActors } from "../../store/queries/actors.js";
import { listStatementBodies } from "../../store/queries/statements.js";

/**
 * Sponsors of politiekereclame.nl statements become known political actors, so later ads by them
 * resolve to their party (limb (a)). Runs after a crawl that included the registry.
 */
export async function actorsFromStatements(store: Store, log: Logger): Promise<number> {
  const statements: Statement[] = [];
  for (const body of await listStatementBodies(store.db)) {
    const parsed = statementSchema.safeParse(body);
    if (parsed.success) statements.push(parsed.data);
  }
  const rows = statementsToActors(statements);
  if (rows.length) await upsertActors(store.db, rows);
  log.info({ statements: statements.length, actors: rows.length }, "actors from politiekereclame.nl statements");
  return rows.length;
}
