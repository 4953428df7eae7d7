import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
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

/**
 * Writes bytes content-addressed under the evidence dir (tmp file + rename, so a kill never leaves
 * a half file under its final name). Writing the same bytes twice is a no-op.
 */
export function writeArtefact(evidenceDir: string, kind: string, data: string | Buffer): ArtefactRef {
  const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
  const hash = sha256(bytes);
  const path = join(hash.slice(0, 2), `${hash}.${EXT[kind] ?? "bin"}`);
  const full = join(evidenceDir, path);
  if (!existsSync(full)) {
    mkdirSync(dirname(full), { recursive: true });
    const tmp = `${full}.${process.pid}.tmp`;
    try {
      writeFileSync(tmp, bytes);
    } catch (err) {
      rmSync(tmp, { force: true }); // a full disk leaves no half file behind
      throw new Error(`cannot write evidence to ${evidenceDir}: ${(err as Error).message}`, { cause: err });
    }
    renameSync(tmp, full);
  }
  return { sha256: hash, kind, bytes: bytes.length, path };
}

/** Reads an artefact by its stored relative path, refusing any path that leaves the evidence dir. */
export function readArtefact(evidenceDir: string, path: string): Buffer {
  const root = resolve(evidenceDir);
  const full = resolve(root, path);
  if (full !== root && !full.startsWith(root + sep)) throw new Error(`artefact path escapes the evidence dir: ${path}`);
  if (relative(root, full).startsWith("..")) throw new Error(`artefact path escapes the evidence dir: ${path}`);
  return readFileSync(full);
}
