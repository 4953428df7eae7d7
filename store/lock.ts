import { closeSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";

/**
 * An exclusive lock on an embedded data dir: PGlite in two processes on one dir loses writes
 * silently. A pid file created with O_EXCL; a lock left by a dead process (SIGKILL) is taken over.
 * Written by hand because the lock libraries on npm judge staleness by mtime, which would make a
 * restart right after a kill wait or fail.
 */
export function lockDataDir(dir: string): () => void {
  const path = join(dir, "polad.lock");
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const holder = Number(readFileSync(path, "utf8").trim());
      if (holder && holder !== process.pid && isAlive(holder)) {
        throw new Error(
          `the data dir ${dir} is in use by process ${holder}; stop it first or use another --data-dir (two processes on one embedded store would lose writes)`,
        );
      }
      rmSync(path, { force: true });
    }
  }
  throw new Error(`could not lock the data dir ${dir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}
