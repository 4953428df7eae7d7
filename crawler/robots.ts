import { createRequire } from "node:module";
import type { Logger } from "pino";
import { boundedFetch } from "./http.js";
import type { NetGuard } from "./net-guard.js";

/** What robots.txt says about one URL. */
export interface RobotsVerdict { allowed: boolean; crawlDelayMs: number }

/** The parsed robots.txt as robots-parser exposes it (its CommonJS export is a bare function its typings misdescribe). */
interface Robot {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getCrawlDelay(ua?: string): number | undefined;
}
const robotsParser = createRequire(import.meta.url)("robots-parser") as (url: string, body: string) => Robot;

/**
 * robots.txt per origin, fetched once per run. A missing file (4xx) or an unreachable host allows
 * everything; a 5xx disallows the host for this run (the conservative reading of RFC 9309).
 */
export class RobotsCache {
  private readonly cache = new Map<string, Promise<Robot | "deny">>();
  constructor(private readonly o: { guard: NetGuard; userAgent: string; agentToken: string; signal: AbortSignal; log: Logger }) {}

  /** Whether our agent may fetch `url`, and the host's crawl delay. */
  async check(url: string): Promise<RobotsVerdict> {
    const origin = new URL(url).origin;
    let p = this.cache.get(origin);
    if (!p) this.cache.set(origin, (p = this.load(origin)));
    const robot = await p;
    if (robot === "deny") return { allowed: false, crawlDelayMs: 0 };
    const allowed = robot.isAllowed(url, this.o.agentToken) ?? true;
    const delay = robot.getCrawlDelay(this.o.agentToken);
    return { allowed, crawlDelayMs: delay ? Math.min(delay, 30) * 1000 : 0 };
  }

  private async load(origin: string): Promise<Robot | "deny"> {
    const robotsUrl = `${origin}/robots.txt`;
    try {
      const res = await boundedFetch(robotsUrl, { guard: this.o.guard, signal: this.o.signal, userAgent: this.o.userAgent, maxBytes: 500_000, timeoutMs: 10_000 });
      if (res.status >= 500) return "deny";
      return robotsParser(robotsUrl, res.status >= 200 && res.status < 300 ? res.body : "");
    } catch (err) {
      this.o.log.warn({ url: robotsUrl, err: (err as Error).message }, "robots.txt unreachable, allowing");
      return robotsParser(robotsUrl, "");
    }
  }
}
