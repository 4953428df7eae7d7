import { execFileSync, type ExecFileSyncOptions } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * A Postgres server of the test's own (initdb in a temp dir, loopback, a free port), so a fault test can
 * stop and restart it without disturbing the shared server other tests use.
 */
export interface PrivatePostgres {
  /** postgres://postgres@127.0.0.1:<port>/postgres */
  url: string;
  /** Stops the server (fast shutdown: sessions are terminated with 57P01). */
  stop(): void;
  /** Starts it again on the same port and data. */
  start(): void;
  /** Stops it for good and removes its files. */
  destroy(): void;
}

/** The directory with initdb and pg_ctl (POLAD_PG_BINDIR, else Debian's newest /usr/lib/postgresql/N/bin), or null when absent. */
export function postgresBinDir(): string | null {
  const candidates = [process.env.POLAD_PG_BINDIR];
  if (existsSync("/usr/lib/postgresql")) {
    for (const v of readdirSync("/usr/lib/postgresql").sort((a, b) => Number(b) - Number(a))) candidates.push(join("/usr/lib/postgresql", v, "bin"));
  }
  return candidates.find((d): d is string => !!d && existsSync(join(d, "initdb")) && existsSync(join(d, "pg_ctl"))) ?? null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** Postgres refuses to run as root: as root, the server runs as the `postgres` user. */
function runAs(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
  const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
  return { uid, gid };
}

/** Creates and starts a private server; throws when the binaries are missing (check postgresBinDir() first). */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const bin = postgresBinDir();
  if (!bin) throw new Error("no Postgres binaries (initdb, pg_ctl) found; set POLAD_PG_BINDIR");
  const dir = mkdtempSync(join(tmpdir(), "polad-pg-"));
  const user = runAs();
  if (user) chownSync(dir, user.uid, user.gid);
  const data = join(dir, "data");
  const port = await freePort();
  const opts: ExecFileSyncOptions = { stdio: "pipe", cwd: dir, ...(user ?? {}), env: { ...process.env, LC_ALL: "C" } };
  const pgCtl = (...args: string[]) => execFileSync(join(bin, "pg_ctl"), ["-D", data, ...args], opts);
  execFileSync(join(bin, "initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"], opts);
  // fsync off: a test server, never crashed on purpose here (fast shutdown writes everything out).
  const serverOptions = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60`;
  const start = () => void pgCtl("-o", serverOptions, "-l", join(dir, "server.log"), "-w", "-t", "120", "start");
  start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: () => void pgCtl("-m", "fast", "-w", "-t", "120", "stop"),
    start,
    destroy() {
      try {
        pgCtl("-m", "immediate", "-w", "stop");
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
