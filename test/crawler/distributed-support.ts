import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO_ROOT } from "../support/cli.js";
import type { TestStore } from "../support/store.js";

/** A polad process in its own process group (so a SIGKILL takes its Chromium with it), output collected. */
export type Proc = ChildProcess & { out: () => string; done: Promise<number | null> };

/** Starts `polad ...args` detached, with the test store's server URL and a private queue schema. */
export function startGroup(args: string[], env: NodeJS.ProcessEnv): Proc {
  const child = spawn(process.execPath, [join(REPO_ROOT, "bin", "polad.js"), ...args], { cwd: REPO_ROOT, env: { ...process.env, POLAD_LOG_LEVEL: "warn", ...env }, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let text = "";
  child.stdout?.on("data", (d: Buffer) => (text += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (text += d.toString()));
  const done = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return Object.assign(child, { out: () => text, done });
}

/** Kills a process group (ignoring one that is already gone). */
export function killGroup(p: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (p.pid) process.kill(-p.pid, signal);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ESRCH") throw err;
  }
}

/** Environment shared by the coordinator and the workers of one test. */
export function queueEnv(store: TestStore, o: { leaseSeconds: number }): NodeJS.ProcessEnv {
  return {
    DATABASE_URL: store.databaseUrl, POLAD_EVIDENCE_DIR: mkdtempSync(join(tmpdir(), "polad-dist-evidence-")),
    POLAD_QUEUE_SCHEMA: `boss_${process.pid}_${Math.random().toString(36).slice(2, 8)}`, POLAD_LEASE_SECONDS: String(o.leaseSeconds), POLAD_QUEUE_MAINTENANCE_SECONDS: "1",
  };
}
