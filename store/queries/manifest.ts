import type { Kysely, Transaction } from "kysely";
import { sha256 } from "../../common/hash.js";
import type { Database } from "../schema.js";

type Tx = Transaction<Database> | Kysely<Database>;

/** The hash before the first entry of every run's chain. */
export const GENESIS = "0".repeat(64);

/** Hash of one manifest entry: binds it to the previous entry, so an edited or removed entry breaks the chain. */
export function entryHash(e: { runId: number; seq: number; kind: string; ref: string; sha256: string; prevHash: string }): string {
  return sha256(`${e.runId}|${e.seq}|${e.kind}|${e.ref}|${e.sha256}|${e.prevHash}`);
}

/**
 * Takes the lock that orders one run's hash chain, held until the transaction ends: the run's
 * crawl_run row. Every writer of a run's chain (captures, notice originals, notice probes) takes it
 * before it reads the chain's end, in every process sharing the database. A row lock, not an
 * advisory lock: run ids repeat across stores kept in separate schemas of one database, and an
 * advisory key would make their crawls queue behind each other.
 */
export async function lockRunChain(tx: Transaction<Database>, runId: number): Promise<void> {
  await tx.selectFrom("crawl_run").select("id").where("id", "=", runId).forUpdate().executeTakeFirstOrThrow();
}

/** Appends one artefact to the run's hash chain; the caller holds the chain's lock (lockRunChain). */
export async function appendManifest(tx: Tx, e: { runId: number; kind: string; ref: string; sha256: string }): Promise<void> {
  await appendManifestEntries(tx, e.runId, [e]);
}

/**
 * Appends artefacts to the run's hash chain in order, each bound to the one before: one read of the
 * chain's end and one insert, whatever their number. The caller holds the chain's lock (lockRunChain).
 */
export async function appendManifestEntries(tx: Tx, runId: number, entries: Array<{ kind: string; ref: string; sha256: string }>): Promise<void> {
  if (entries.length === 0) return;
  const last = await tx.selectFrom("manifest_entry").select(["seq", "entry_hash"]).where("crawl_run_id", "=", runId).orderBy("seq", "desc").limit(1).executeTakeFirst();
  await insertManifestEntries(tx, runId, entries, last ? last.seq : 0, last?.entry_hash ?? GENESIS);
}

/** Inserts entries after the chain's end as the caller read it (under the chain's lock): one insert. */
export async function insertManifestEntries(tx: Tx, runId: number, entries: Array<{ kind: string; ref: string; sha256: string }>, lastSeq: number, lastHash: string): Promise<void> {
  if (entries.length === 0) return;
  let seq = lastSeq;
  let prevHash = lastHash;
  const rows = entries.map((e) => {
    seq++;
    const hash = entryHash({ runId, seq, kind: e.kind, ref: e.ref, sha256: e.sha256, prevHash });
    const row = { crawl_run_id: runId, seq, kind: e.kind, ref: e.ref, sha256: e.sha256, prev_hash: prevHash, entry_hash: hash };
    prevHash = hash;
    return row;
  });
  await tx.insertInto("manifest_entry").values(rows).execute();
}

/** A manifest entry as stored. */
export interface ManifestEntry { seq: number; kind: string; ref: string; sha256: string; prevHash: string; entryHash: string; path: string | null }

/** Lists a run's chain in order, with the artefact path of each entry. */
export async function listManifest(db: Kysely<Database>, runId: number): Promise<ManifestEntry[]> {
  const rows = await db
    .selectFrom("manifest_entry as m")
    .leftJoin("artefact as a", "a.sha256", "m.sha256")
    .select(["m.seq", "m.kind", "m.ref", "m.sha256", "m.prev_hash", "m.entry_hash", "a.path"])
    .where("m.crawl_run_id", "=", runId)
    .orderBy("m.seq")
    .execute();
  return rows.map((r) => ({ seq: r.seq, kind: r.kind, ref: r.ref, sha256: r.sha256, prevHash: r.prev_hash, entryHash: r.entry_hash, path: r.path }));
}
