import { PassThrough, type Readable } from "node:stream";
import yazl from "yazl";
import { sha256 } from "../common/hash.js";
import type { Store } from "../store/db.js";
import { readArtefact } from "../store/artefacts.js";
import { findAdDetail, listAdFindings, listAdSightings, listNoticeHistory } from "../store/queries/dashboard-ad.js";
import { listManifest, type ManifestEntry } from "../store/queries/manifest.js";

export { verifyBundle, type BundleVerification } from "./bundle-verify.js";

/** Format tag written into every bundle's manifest.json. */
export const BUNDLE_FORMAT = "polad-evidence-bundle/1";

/** A file in the bundle and its SHA-256, as listed in manifest.json. */
export interface BundleFile { path: string; sha256: string; bytes: number }

/** manifest.json: every file's hash, each evidence artefact's sighting, and the crawl runs' hash chains. */
export interface BundleManifest {
  format: string;
  adId: number;
  createdAt: string;
  files: BundleFile[];
  evidence: Array<{ sha256: string; kind: string; path: string; observationId: number; crawlRunId: number | null }>;
  chains: Array<{ crawlRunId: number; entries: Array<Omit<ManifestEntry, "path">> }>;
}

const MTIME = new Date("2000-01-01T00:00:00Z");

/**
 * Builds a zip of everything about one ad: ad.json (ad, verdict, findings, sightings), the
 * screenshots and HTML as stored, every archived notice fetch, and manifest.json. Returns undefined
 * when there is no such ad. The zip streams; files are read through readArtefact only.
 */
export async function buildBundle(store: Store, adId: number, now: Date): Promise<Readable | undefined> {
  const ad = await findAdDetail(store.db, adId);
  if (!ad) return undefined;
  const [findings, sightings, notices] = await Promise.all([
    listAdFindings(store.db, adId), listAdSightings(store.db, adId), listNoticeHistory(store.db, { url: ad.noticeUrl, noticeId: ad.noticeId }),
  ]);
  const files: Array<{ path: string; data: Buffer }> = [];
  const add = (path: string, data: Buffer | string) => files.push({ path, data: typeof data === "string" ? Buffer.from(data, "utf8") : data });
  add("ad.json", JSON.stringify({ ad, findings, sightings }, null, 2));
  const evidence: BundleManifest["evidence"] = [];
  const seen = new Set<string>();
  for (const s of sightings) {
    for (const f of [s.screenshot, s.pageScreenshot, s.html]) {
      if (!f) continue;
      const path = f.kind === "html" ? `html/${f.sha256}.html` : `${f.kind === "page-screenshot" ? "pages" : "screenshots"}/${f.sha256}.png`;
      evidence.push({ sha256: f.sha256, kind: f.kind, path, observationId: s.id, crawlRunId: s.crawlRunId });
      if (!seen.has(path)) add(path, readArtefact(store.evidenceDir, f.path));
      seen.add(path);
    }
  }
  for (const n of notices) {
    add(`notices/${n.id}.txt`, n.body);
    add(`notices/${n.id}.json`, JSON.stringify({ ...n, body: undefined, archiveHash: n.sha256 }, null, 2));
  }
  const runIds = [...new Set(sightings.map((s) => s.crawlRunId).filter((r): r is number => r !== null))].sort((a, b) => a - b);
  const chains = [];
  for (const runId of runIds) chains.push({ crawlRunId: runId, entries: (await listManifest(store.db, runId)).map(({ path: _p, ...e }) => e) });
  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT, adId, createdAt: now.toISOString(),
    files: files.map((f) => ({ path: f.path, sha256: sha256(f.data), bytes: f.data.length })), evidence, chains,
  };
  const zip = new yazl.ZipFile();
  for (const f of files) zip.addBuffer(f.data, f.path, { mtime: MTIME });
  zip.addBuffer(Buffer.from(JSON.stringify(manifest, null, 2)), "manifest.json", { mtime: MTIME });
  zip.end();
  return zip.outputStream.pipe(new PassThrough());
}
