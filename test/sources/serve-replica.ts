import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import pino from "pino";
import type { Replica } from "../../sandbox/replica.js";

/** One replica served on 127.0.0.1 at a free port, as the sandbox would. */
export interface ServedReplica { base: string; close(): Promise<void> }

/** Serves a replica on loopback (port 0), the way startSandbox() does, for tests of one source. */
export async function serveReplica(replica: Replica): Promise<ServedReplica> {
  const addrs: Record<string, string> = {};
  const server: Server = createServer((req, res) => {
    Promise.resolve(replica.handle(req, res, addrs)).catch((err: unknown) => {
      res.statusCode = 500;
      res.end(String(err));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  addrs[replica.id] = base;
  return { base, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** A quiet logger for crawl tests. */
export const testLog = pino({ level: process.env.POLAD_TEST_LOG ?? "silent" });

/** Chromium as installed on the CI machines. */
export const CHROMIUM = process.env.POLAD_CHROMIUM ?? "/usr/bin/chromium";

/** Test politeness: short pacing and backoff, generous timeouts (the machine is shared). */
export const TEST_POLITENESS = { hostIntervalMs: 0, hostConcurrency: 4, backoffBaseMs: 50, navTimeoutMs: 45_000, blockedPauseMs: 100 };
