import type { Kysely } from "kysely";
import type { Database } from "../schema.js";

/** A synthetic verdict with its findings, for loading benchmark data in bulk. */
export interface BulkVerdict { adId: number; political: boolean; party: string | null; findings: Array<{ rule: string; severity: string; message: string }> }

const CHUNK = 1000;

/**
 * Inserts verdicts and findings in 1,000-row multi-row INSERTs, for benchmarks and large fixtures
 * only: it assumes fresh ads (no conflict handling, no review state to keep). Production goes through saveVerdicts.
 */
export async function insertVerdictsBulk(db: Kysely<Database>, items: BulkVerdict[], ruleSet: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    for (let i = 0; i < items.length; i += CHUNK) {
      const part = items.slice(i, i + CHUNK);
      await tx.insertInto("verdict").values(part.map((v) => ({ ad_id: v.adId, political: v.political, score: v.political ? 0.9 : 0.1, decision: v.political ? "yes" : "no", party: v.party, reasons: "[]", rule_set: ruleSet }))).execute();
      const findings = part.flatMap((v) => v.findings.map((f) => ({ ad_id: v.adId, rule: f.rule, severity: f.severity, message: f.message, rule_set: ruleSet, review_note: null, reviewed_by: null, reviewed_at: null })));
      for (let j = 0; j < findings.length; j += CHUNK) await tx.insertInto("finding").values(findings.slice(j, j + CHUNK)).execute();
    }
  });
}

/** Ids of every ad of a source, in id order (to attach bulk verdicts after an import). */
export async function listAdIdsOfSource(db: Kysely<Database>, source: string): Promise<number[]> {
  const rows = await db.selectFrom("ad").select("id").where("source", "=", source).orderBy("id").execute();
  return rows.map((r) => Number(r.id));
}

/** The cheapest query a dashboard page could make about findings: the floor the pages are measured against. */
export async function countFindings(db: Kysely<Database>): Promise<number> {
  const r = await db.selectFrom("finding").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  return Number(r.n);
}
