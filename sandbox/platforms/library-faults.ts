import type { ServerResponse } from "node:http";

/**
 * Fault routes shared by the ad-library page replicas (TikTok, LinkedIn), replica only: their real
 * challenge and rate-limit pages have not been saved. A search for CHALLENGE_SEARCH answers a
 * captcha wall instead of results; with `rateLimitDetails` on, each ad's first detail request answers
 * 429 with Retry-After (the instances in REPLICAS leave it off, so the demo's crawl is unchanged).
 */

/** The advertiser search that meets a captcha wall. */
export const CHALLENGE_SEARCH = "Security Check";

/** Options of a library replica instance. */
export interface LibraryFaultOptions {
  rateLimitDetails?: boolean;
  /** Serve `extra` more ads of one advertiser (the replica's paging seed) and cap result pages at `pageSize`. */
  paging?: { pageSize: number; extra: number };
}

/** What a library replica answered for its result lists, in order (tests check paging with it). */
export interface ListEvent { what: "search-page" | "more"; key: string; offset: number; at: number }

const WALL = `<!DOCTYPE html><html><head><title>Security check</title><script src="https://www.google.com/recaptcha/api.js" async defer></script></head>
<body><h1>Let's do a quick security check</h1><div class="g-recaptcha" data-sitekey="sandbox"></div></body></html>`;

/** Per-instance fault state: which details were already rate-limited once. */
export function libraryFaults(o: LibraryFaultOptions = {}) {
  const limited = new Set<string>();
  return {
    /** Answers the captcha wall for the challenge search; true when it answered. */
    challenge(searchValue: string | null, res: ServerResponse): boolean {
      if ((searchValue ?? "").toLowerCase() !== CHALLENGE_SEARCH.toLowerCase()) return false;
      res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
      res.end(WALL);
      return true;
    },
    /** Answers 429 with Retry-After on an ad's first detail request when rate limiting is on; true when it answered. */
    rateLimited(adId: string, res: ServerResponse): boolean {
      if (!o.rateLimitDetails || limited.has(adId)) return false;
      limited.add(adId);
      res.writeHead(429, { "content-type": "text/plain", "retry-after": "1" });
      res.end("Too Many Requests");
      return true;
    },
  };
}
