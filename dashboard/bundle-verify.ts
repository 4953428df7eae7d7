import yauzl from "yauzl";
import { z } from "zod";
import { sha256 } from "../common/hash.js";
import { entryHash, GENESIS } from "../store/queries/manifest.js";

/** The outcome of checking a bundle offline. */
export interface BundleVerification { ok: boolean; adId: number | null; files: number; chainEntries: number; problems: string[] }

const MAX_FILES = 20_000;
const MAX_BYTES = 2 * 1024 ** 3;

const entrySchema = z.object({ seq: z.number().int(), kind: z.string(), ref: z.string(), sha256: z.string(), prevHash: z.string(), entryHash: z.string() });
const manifestSchema = z.object({
  format: z.literal("polad-evidence-bundle/1"),
  adId: z.number().int(),
  createdAt: z.string(),
  files: z.array(z.object({ path: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/), bytes: z.number().int() })),
  evidence: z.array(z.object({ sha256: z.string(), kind: z.string(), path: z.string(), observationId: z.number().int(), crawlRunId: z.number().int().nullable() })),
  chains: z.array(z.object({ crawlRunId: z.number().int(), entries: z.array(entrySchema) })),
});

async function readAll(zipPath: string): Promise<Map<string, Buffer>> {
  const zip = await yauzl.openPromise(zipPath, { lazyEntries: true, validateEntrySizes: true, strictFileNames: true });
  const out = new Map<string, Buffer>();
  let total = 0;
  try {
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName.endsWith("/")) continue;
      total += entry.uncompressedSize;
      if (out.size >= MAX_FILES || total > MAX_BYTES) throw new Error("bundle too large to verify");
      if (out.has(entry.fileName)) throw new Error(`duplicate entry in bundle: ${entry.fileName}`);
      const chunks: Buffer[] = [];
      for await (const c of await zip.openReadStreamPromise(entry)) chunks.push(c as Buffer);
      out.set(entry.fileName, Buffer.concat(chunks));
    }
  } finally {
    zip.close();
  }
  return out;
}

function checkChain(c: { crawlRunId: number; entries: z.infer<typeof entrySchema>[] }, problems: string[]): void {
  let prev = GENESIS;
  c.entries.forEach((e, i) => {
    if (e.seq !== i + 1) problems.push(`run ${c.crawlRunId}: entry ${i + 1} has seq ${e.seq}`);
    if (e.prevHash !== prev) problems.push(`run ${c.crawlRunId} seq ${e.seq}: previous hash does not link`);
    if (entryHash({ runId: c.crawlRunId, ...e }) !== e.entryHash) problems.push(`run ${c.crawlRunId} seq ${e.seq}: entry hash does not recompute`);
    prev = e.entryHash;
  });
}

/**
 * Verifies an evidence bundle offline: every file's SHA-256 against manifest.json, no unlisted
 * files, each run's hash chain recomputed from genesis, and every screenshot/HTML file recorded in
 * its run's chain under its own hash. Needs no database.
 */
export async function verifyBundle(zipPath: string): Promise<BundleVerification> {
  const problems: string[] = [];
  const files = await readAll(zipPath);
  const raw = files.get("manifest.json");
  if (!raw) return { ok: false, adId: null, files: files.size, chainEntries: 0, problems: ["manifest.json missing"] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString("utf8"));
  } catch (err) {
    return { ok: false, adId: null, files: files.size, chainEntries: 0, problems: [`manifest.json is not JSON: ${(err as Error).message}`] };
  }
  const m = manifestSchema.safeParse(parsed);
  if (!m.success) return { ok: false, adId: null, files: files.size, chainEntries: 0, problems: [`manifest.json: ${m.error.issues[0]?.path.join(".")} ${m.error.issues[0]?.message}`] };
  const listed = new Set(m.data.files.map((f) => f.path));
  for (const f of m.data.files) {
    const data = files.get(f.path);
    if (!data) problems.push(`${f.path}: listed but missing`);
    else if (sha256(data) !== f.sha256) problems.push(`${f.path}: SHA-256 does not match the manifest`);
  }
  for (const name of files.keys()) if (name !== "manifest.json" && !listed.has(name)) problems.push(`${name}: not listed in the manifest`);
  for (const c of m.data.chains) checkChain(c, problems);
  for (const e of m.data.evidence) {
    const data = files.get(e.path);
    if (data && sha256(data) !== e.sha256) problems.push(`${e.path}: content does not match its evidence hash`);
    if (e.crawlRunId === null) continue;
    const chain = m.data.chains.find((c) => c.crawlRunId === e.crawlRunId);
    if (!chain?.entries.some((x) => x.sha256 === e.sha256 && x.ref === `observation:${e.observationId}`)) problems.push(`${e.path}: not recorded in run ${e.crawlRunId}'s hash chain`);
  }
  const chainEntries = m.data.chains.reduce((n, c) => n + c.entries.length, 0);
  return { ok: problems.length === 0, adId: m.data.adId, files: m.data.files.length, chainEntries, problems };
}
