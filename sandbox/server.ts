import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { SourceOptions } from "../crawler/source.js";
import type { Replica, SandboxAddresses, TruthAd } from "./replica.js";
import { REPLICAS } from "./replicas.js";

/** A running sandbox: where each replica listens, what is true about its ads, and how to crawl it. */
export interface Sandbox {
  addrs: SandboxAddresses;
  replicas: Replica[];
  truth: TruthAd[];
  plans: Array<{ source: string; options: Partial<SourceOptions> }>;
  close(): Promise<void>;
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port));
  });
}

/**
 * Starts every replica in REPLICAS on its own 127.0.0.1 port (so each is its own origin, and frames
 * between them are cross-origin). A replica that throws answers 500; close() also cuts connections
 * that hostile routes keep open.
 */
export async function startSandbox(o: { replicas?: Replica[] } = {}): Promise<Sandbox> {
  const replicas = o.replicas ?? REPLICAS;
  const addrs: SandboxAddresses = {};
  const servers: Server[] = [];
  try {
    for (const r of replicas) {
      const server = createServer((req, res) => {
        Promise.resolve(r.handle(req, res, addrs)).catch((err: Error) => {
          if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
          res.end(`sandbox replica ${r.id} failed: ${err.message}`);
        });
      });
      servers.push(server);
      addrs[r.id] = `http://127.0.0.1:${await listen(server)}`;
    }
  } catch (err) {
    await closeAll(servers);
    throw new Error("could not start the sandbox on 127.0.0.1", { cause: err });
  }
  const plans = replicas.flatMap((r) => (r.plan ? [r.plan(addrs)] : []));
  return { addrs, replicas, truth: replicas.flatMap((r) => r.truth), plans, close: () => closeAll(servers) };
}

async function closeAll(servers: Server[]): Promise<void> {
  await Promise.all(
    servers.map((s) => new Promise<void>((resolve) => {
      s.closeAllConnections();
      s.close(() => resolve());
    })),
  );
}
