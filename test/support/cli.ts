import { spawn } from "node:child_process";
import { join } from "node:path";

/** Root of the repository (tests run from anywhere). */
export const REPO_ROOT = join(import.meta.dirname, "..", "..");

/** What a finished polad process printed and how it exited. */
export interface CliResult { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }

/** Runs `node bin/polad.js ...args` with optional stdin and environment; resolves when it exits. */
export function runPolad(args: string[], o: { env?: NodeJS.ProcessEnv; stdin?: string | Buffer; timeoutMs?: number } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(REPO_ROOT, "bin", "polad.js"), ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, POLAD_LOG_LEVEL: "warn", ...o.env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), o.timeoutMs ?? 240_000);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
    if (o.stdin !== undefined) child.stdin.end(o.stdin);
    else child.stdin.end();
  });
}

/** The environment for a CLI run on a test store: its server URL, or its embedded dir. */
export function storeEnv(s: { databaseUrl: string | undefined; dataDir: string }): NodeJS.ProcessEnv {
  return s.databaseUrl ? { DATABASE_URL: s.databaseUrl } : { DATABASE_URL: "", POLAD_DATA_DIR: s.dataDir };
}
