import { readFileSync } from "node:fs";
import { mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve, sep } from "node:path";
import { sha256 } from "../common/hash.js";

/** A stored evidence file, addressed by its SHA-256. */
export interface ArtefactRef {
  sha256: string;
  kind: string;
  bytes: number;
  path: string;
}

const EXT: Record<string, string> = { screenshot: "png", "page-screenshot": "png", html: "html", notice: "txt" };

const madeDirs = new Set<string>();
let tmpSeq = 0;

/**
 * Writes bytes content-addressed under the evidence dir (tmp file, unique per call, + rename, so a
 * kill never leaves a half file under its final name). Writing the same bytes twice is a no-op; a
 * failed write leaves nothing. The file system calls run on libuv's threads, so the crawl goes on
 * meanwhile (a page's evidence files are written at once).
 */
export async function writeArtefact(evidenceDir: string, kind: string, data: string | Buffer): Promise<ArtefactRef> {
  const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
  const hash = sha256(bytes);
  const path = join(hash.slice(0, 2), `${hash}.${EXT[kind] ?? "bin"}`);
  const full = join(evidenceDir, path);
  const ref = { sha256: hash, kind, bytes: bytes.length, path };
  if (await stat(full).then(() => true, () => false)) return ref;
  const dir = dirname(full);
  try {
    if (!madeDirs.has(dir)) {
      await mkdir(dir, { recursive: true });
      madeDirs.add(dir);
    }
  } catch (err) {
    throw new Error(`cannot write evidence to ${evidenceDir}: ${(err as Error).message}`, { cause: err });
  }
  const tmp = `${full}.${process.pid}.${++tmpSeq}.tmp`;
  try {
    await writeFile(tmp, bytes);
  } catch (err) {
    await rm(tmp, { force: true }); // a full disk leaves no half file behind
    // The directory may have been removed since it was made: forget it, so the next write makes it again.
    madeDirs.delete(dir);
    throw new Error(`cannot write evidence to ${evidenceDir}: ${(err as Error).message}`, { cause: err });
  }
  await rename(tmp, full);
  return ref;
}

/** Reads an artefact by its stored relative path, refusing any path that leaves the evidence dir. */
export function readArtefact(evidenceDir: string, path: string): Buffer {
  const root = resolve(evidenceDir);
  const full = resolve(root, path);
  if (full !== root && !full.startsWith(root + sep)) throw new Error(`artefact path escapes the evidence dir: ${path}`);
  if (relative(root, full).startsWith("..")) throw new Error(`artefact path escapes the evidence dir: ${path}`);
  return readFileSync(full);
}
