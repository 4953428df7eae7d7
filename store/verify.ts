import { sha256 } from "../common/hash.js";
import { readArtefact } from "./artefacts.js";
import type { Store } from "./db.js";
import { entryHash, GENESIS, listManifest } from "./queries/manifest.js";

/** The outcome of checking one run's evidence chain. */
export interface VerifyResult { runId: number; ok: boolean; entries: number; problems: string[] }

/**
 * Checks a run's hash chain (each entry's hash and its link to the previous one) and re-hashes
 * every evidence file it names: an edited, removed or reordered entry or file is reported.
 */
export async function verifyRun(store: Store, runId: number): Promise<VerifyResult> {
  const entries = await listManifest(store.db, runId);
  const problems: string[] = [];
  let prev = GENESIS;
  let expectSeq = 1;
  for (const e of entries) {
    if (e.seq !== expectSeq) problems.push(`entry ${e.seq}: expected sequence number ${expectSeq} (an entry is missing)`);
    expectSeq = e.seq + 1;
    if (e.prevHash !== prev) problems.push(`entry ${e.seq}: does not link to the previous entry`);
    if (entryHash({ runId, seq: e.seq, kind: e.kind, ref: e.ref, sha256: e.sha256, prevHash: e.prevHash }) !== e.entryHash) problems.push(`entry ${e.seq}: entry hash does not match its content`);
    prev = e.entryHash;
    if (!e.path) {
      problems.push(`entry ${e.seq}: no artefact row for ${e.sha256}`);
      continue;
    }
    try {
      const actual = sha256(readArtefact(store.evidenceDir, e.path));
      if (actual !== e.sha256) problems.push(`entry ${e.seq}: file ${e.path} was changed (sha256 ${actual})`);
    } catch (err) {
      problems.push(`entry ${e.seq}: file ${e.path} cannot be read (${(err as Error).message})`);
    }
  }
  return { runId, ok: problems.length === 0, entries: entries.length, problems };
}
