import { readArtefact } from "../store/artefacts.js";
import { sha256 } from "../common/hash.js";
import type { EvidenceFile } from "../store/queries/dashboard-ad.js";

/** Whether an evidence file still matches its recorded hash. */
export type FileCheck = "ok" | "mismatch" | "missing";

/** Re-hashes a stored evidence file and compares it with the hash it was stored under. */
export function checkEvidenceFile(evidenceDir: string, f: EvidenceFile): FileCheck {
  let bytes: Buffer;
  try {
    bytes = readArtefact(evidenceDir, f.path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return "missing";
    throw new Error(`cannot read evidence file ${f.sha256}`, { cause: err });
  }
  return sha256(bytes) === f.sha256 ? "ok" : "mismatch";
}

/** The hash a notice fetch was archived under (status and body): the store's own. */
export { noticeHash } from "../store/queries/ads.js";
