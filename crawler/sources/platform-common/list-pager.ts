/**
 * How an ad library's result list goes on past its first page, for the library-page sources: the list
 * page is rendered in the browser (its first results, and the answer of the request its own script makes
 * for them when there is one); every later page is one work item fetched with ctx.fetch, so it counts
 * against the request budget, a 429 is waited out with Retry-After and a challenge is Blocked.
 */
import type { Response } from "playwright-core";
import { detectChallenge } from "../../challenge.js";
import { Blocked, GiveUp, RetryLater } from "../../errors.js";
import { retryAfterMs } from "../../http.js";
import type { SourceContext } from "../../source.js";

/** The answer to the list page's own first request, as read. */
export interface FirstAnswer { url: string; body: string; postData: string | null }

/** A library's paging. */
export interface ListPager {
  /** The request the list page's script makes for its first results; absent when the results come in the page's HTML. */
  firstPageApi?: (url: URL, method: string) => boolean;
  /** The URL of the list's second page (a work item), or null when the list ends on its first page. */
  secondPage(o: { listUrl: string; html: string; api: FirstAnswer | null }): string | null;
  /** Fetches one later page (ctx.fetch): the detail-page URLs on it and the next page's URL, null at the end. */
  fetchPage(url: string, ctx: SourceContext): Promise<{ details: string[]; next: string | null }>;
}

/** Reads the answer the list page's script got: a challenge is Blocked, 429/503 RetryLater (Retry-After kept), other errors GiveUp. */
export async function readFirstAnswer(r: Response, what: string): Promise<FirstAnswer> {
  const status = r.status();
  const body = await r.text().catch(() => "");
  const challenge = detectChallenge(body, status);
  if (challenge) throw new Blocked("bot-challenge", `bot challenge (${challenge}) instead of the ${what} answer`);
  if (status === 429 || status === 503) throw new RetryLater(`http-${status}`, `${what} answered ${status}`, { retryAfterMs: retryAfterMs((await r.allHeaders())["retry-after"]) });
  if (status >= 500) throw new RetryLater("list-api", `${what} answered ${status}`);
  if (status >= 400) throw new GiveUp("list-api", `${what} answered ${status}`);
  return { url: r.url(), body, postData: r.request().postData() };
}

/** Maps a later page's HTTP status (after ctx.fetch has dealt with 429s and challenges): 5xx RetryLater, 4xx GiveUp. */
export function checkPageStatus(status: number, what: string): void {
  if (status >= 500) throw new RetryLater("list-page", `${what} answered ${status}`);
  if (status >= 400) throw new GiveUp("list-page", `${what} answered ${status}`);
}
