import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";
import { GiveUp } from "./errors.js";

const PRIVATE = new BlockList();
for (const [net, bits] of [
  ["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16], ["172.16.0.0", 12],
  ["192.0.0.0", 24], ["192.168.0.0", 16], ["198.18.0.0", 15], ["224.0.0.0", 4], ["240.0.0.0", 4],
] as const) PRIVATE.addSubnet(net, bits, "ipv4");
for (const [net, bits] of [["::", 128], ["::1", 128], ["fc00::", 7], ["fe80::", 10], ["ff00::", 8]] as const) PRIVATE.addSubnet(net, bits, "ipv6");

/** True for loopback, private (RFC 1918, ULA), link-local (169.254/16 incl. cloud metadata), CGNAT, multicast and reserved addresses. */
export function isPrivateAddress(ip: string): boolean {
  const bare = ip.replace(/^\[|\]$/g, "");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  if (mapped) return PRIVATE.check(mapped[1]!, "ipv4");
  const family = isIP(bare);
  if (family === 0) return false;
  return PRIVATE.check(bare, family === 4 ? "ipv4" : "ipv6");
}

function hostIsPrivateLiteral(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/^\[|\]$/g, "");
  return h === "localhost" || h.endsWith(".localhost") || isPrivateAddress(h);
}

/** How a crawl treats links to private addresses. */
export interface NetGuardOptions {
  seeds: string[];
  /** true: allow. Otherwise private targets are allowed only when a seed is itself on a private host (the CLI passes false by default). */
  allowPrivate?: boolean | undefined;
  /** Resolver, replaceable for tests; defaults to the system resolver. */
  resolve?: (host: string) => Promise<string[]>;
}

/**
 * Decides whether a link found in scraped content may be followed: http(s) only, and no loopback,
 * private or link-local target (169.254.169.254 included) unless the crawl itself runs on such a host.
 * Checks every address the name resolves to. (A DNS answer can change between check and connect;
 * pinning the address would need a custom agent, which this guard does not do.)
 */
export class NetGuard {
  private readonly privateAllowed: boolean;
  private readonly seedOrigins: Set<string>;
  private readonly resolve: (host: string) => Promise<string[]>;

  constructor(o: NetGuardOptions) {
    const seedUrls = o.seeds.flatMap((s) => (URL.canParse(s) ? [new URL(s)] : []));
    this.seedOrigins = new Set(seedUrls.map((u) => u.origin));
    const seedPrivate = seedUrls.some((u) => hostIsPrivateLiteral(u.hostname));
    this.privateAllowed = o.allowPrivate === true || seedPrivate;
    this.resolve = o.resolve ?? (async (h) => (await lookup(h, { all: true })).map((a) => a.address));
  }

  /** Throws GiveUp("refused-address" | "refused-scheme" | "dns") when `url` must not be fetched. */
  async check(url: string): Promise<URL> {
    if (!URL.canParse(url)) throw new GiveUp("bad-url", `not a URL: ${url.slice(0, 200)}`);
    const u = new URL(url);
    if (u.protocol !== "http:" && u.protocol !== "https:") throw new GiveUp("refused-scheme", `refusing ${u.protocol} link`);
    if (this.privateAllowed || this.seedOrigins.has(u.origin)) return u;
    const host = u.hostname.replace(/^\[|\]$/g, "");
    if (hostIsPrivateLiteral(host)) throw new GiveUp("refused-address", `refusing link to private address ${host}`);
    if (isIP(host) !== 0) return u;
    let addrs: string[];
    try {
      addrs = await this.resolve(host);
    } catch (err) {
      throw new GiveUp("dns", `cannot resolve ${host}`, { cause: err });
    }
    const bad = addrs.find((a) => isPrivateAddress(a));
    if (bad) throw new GiveUp("refused-address", `refusing link to ${host}: resolves to private address ${bad}`);
    return u;
  }
}
