/**
 * Crawler errors, named for what the runner does with them (Crawlee's pattern). Sources throw them;
 * only the runner catches. Each carries a short machine `reason` that ends up in the frontier row
 * and in the run statistics.
 */

/** Base class: every crawler error has a reason slug such as "timeout" or "bot-challenge". */
export class CrawlError extends Error {
  readonly reason: string;
  constructor(reason: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.reason = reason;
  }
}

/** Try this item again later (after `retryAfterMs` if the server said so), within the retry bound. */
export class RetryLater extends CrawlError {
  readonly retryAfterMs: number | null;
  constructor(reason: string, message: string, options?: { cause?: unknown; retryAfterMs?: number | null }) {
    super(reason, message, options);
    this.retryAfterMs = options?.retryAfterMs ?? null;
  }
}

/** The site refused us (bot challenge, 403 wall): record as blocked, back off the host, new browser context. Never "no ads". */
export class Blocked extends CrawlError {}

/** This URL cannot be crawled (404, download, redirect loop, robots.txt): record the reason, move on. */
export class GiveUp extends CrawlError {}

/** Nothing more can be done in this run (bad token, store gone): stop and record the run as failed. */
export class StopRun extends CrawlError {}

const NET_REASONS: Array<[RegExp, string]> = [
  [/ERR_TOO_MANY_REDIRECTS|redirect loop|too many redirects/i, "redirect-loop"],
  [/Download is starting|download/i, "download"],
  [/ERR_NAME_NOT_RESOLVED|ENOTFOUND|EAI_AGAIN/i, "dns"],
  [/ERR_CONNECTION_REFUSED|ECONNREFUSED/i, "connection-refused"],
  [/ERR_CONNECTION_RESET|ECONNRESET|ERR_EMPTY_RESPONSE|socket hang up/i, "connection-reset"],
  [/ERR_INVALID_RESPONSE|ERR_CONTENT_DECODING|ERR_INVALID_CHUNKED/i, "invalid-response"],
];

/** Maps any thrown value to a crawler error: known ones pass through, browser and network failures get a reason. */
export function classifyError(err: unknown): CrawlError {
  if (err instanceof CrawlError) return err;
  const msg = err instanceof Error ? err.message : String(err);
  const name = err instanceof Error ? err.name : "";
  if (name === "TimeoutError" || /Timeout \d+ms exceeded|timed out|ETIMEDOUT|ERR_TIMED_OUT/i.test(msg)) {
    return new RetryLater("timeout", short(msg), { cause: err });
  }
  if (/interrupted by another navigation|Execution context was destroyed|frame was detached/i.test(msg)) {
    return new RetryLater("navigation-interrupted", short(msg), { cause: err });
  }
  if (/Target crashed|Page crashed|Target page, context or browser has been closed|has been closed/i.test(msg)) {
    return new RetryLater("renderer-crash", short(msg), { cause: err });
  }
  for (const [re, reason] of NET_REASONS) {
    if (re.test(msg)) {
      const transient = reason === "connection-reset" || reason === "connection-refused";
      return transient ? new RetryLater(reason, short(msg), { cause: err }) : new GiveUp(reason, short(msg), { cause: err });
    }
  }
  return new GiveUp("unexpected", short(msg), { cause: err });
}

function short(msg: string): string {
  return msg.split("\n")[0]!.slice(0, 300);
}
