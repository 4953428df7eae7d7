import type { IncomingMessage, ServerResponse } from "node:http";
import type { SourceOptions } from "../crawler/source.js";

/** What the sandbox knows to be true about one of its ads: what polad should find. */
export interface TruthAd {
  /** The replica that serves it. */
  replica: string;
  /** polad's source id that should capture it. */
  source: string;
  /** A text snippet unique to this ad's creative, used to match captured ads to truth. */
  match: string;
  political: boolean;
  party: string | null;
  /** The rule ids a correct classifier emits for it (empty for a compliant or non-political ad). */
  rules: string[];
  /** False when the sandbox deliberately makes it unreachable (blocked page, budget) for a crawl. */
  reachable: boolean;
}

/** A running replica's address, given to routes that link to other replicas. */
export interface SandboxAddresses { [replicaId: string]: string }

/** One local replica of a site or API polad watches, served on its own loopback port (its own origin). */
export interface Replica {
  id: string;
  /** The real thing it replicates, e.g. "nu.nl-style publisher", "graph.facebook.com ads_archive". */
  replicates: string;
  handle(req: IncomingMessage, res: ServerResponse, addrs: SandboxAddresses): void | Promise<void>;
  truth: TruthAd[];
  /** How `polad demo` crawls this replica: which source, with which options (seeds at this replica's base URL). */
  plan?(addrs: SandboxAddresses): { source: string; options: Partial<SourceOptions> };
}
