import type { Kysely } from "kysely";
import { writeArtefact, type ArtefactRef } from "../artefacts.js";
import type { Database } from "../schema.js";
import { appendManifest, lockRunChain } from "./manifest.js";

/**
 * Keeps a notice's original bytes (a PDF whose text is what the notice row holds) as an evidence file,
 * with an artefact row and an entry in the run's hash chain referring to the notice URL. Idempotent per
 * run: the same bytes for the same URL are recorded once.
 */
export async function keepNoticeOriginal(db: Kysely<Database>, evidenceDir: string, runId: number, n: { url: string; bytes: Buffer; kind: string }): Promise<ArtefactRef> {
  const a = await writeArtefact(evidenceDir, n.kind, n.bytes);
  const ref = `notice:${n.url.replaceAll("\u0000", "")}`;
  await db.transaction().execute(async (tx) => {
    await lockRunChain(tx, runId);
    await tx.insertInto("artefact").values({ sha256: a.sha256, kind: a.kind, bytes: a.bytes, path: a.path }).onConflict((oc) => oc.column("sha256").doNothing()).execute();
    const seen = await tx.selectFrom("manifest_entry").select("seq").where("crawl_run_id", "=", runId).where("ref", "=", ref).where("sha256", "=", a.sha256).executeTakeFirst();
    if (!seen) await appendManifest(tx, { runId, kind: a.kind, ref, sha256: a.sha256 });
  });
  return a;
}
