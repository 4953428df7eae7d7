import { classifyError, GiveUp, RetryLater } from "../../errors.js";
import type { FetchResult, SourceContext } from "../../source.js";

/** Code or frames in the raw HTML: the page needs the browser, and parsing it here would be wasted work. */
const RUNS_CODE = /<script\b(?![^>]*\btype\s*=\s*["']?application\/(ld\+)?json)|<i?frame\b|<object\b|<embed\b/i;

/** True when a regular expression over the raw HTML already shows the page needs the browser. */
export function obviouslyScripted(html: string): boolean {
  return RUNS_CODE.test(html);
}

/**
 * Fetches the page's document politely (address guard, robots.txt, 429/503 waited out, challenge pages
 * Blocked) and judges it the way the browser navigation does: 5xx retried, 4xx given up, downloads
 * and non-HTML given up, a document that never finishes given up. This request is the item's own:
 * the host gate has already paced it.
 */
export async function fetchPage(url: string, ctx: SourceContext): Promise<FetchResult> {
  let res: FetchResult;
  try {
    res = await ctx.fetch(url, { headers: { accept: "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5" }, alreadyPaced: true });
  } catch (err) {
    const e = classifyError(err);
    // A server that answers and then stalls, or never answers within the navigation timeout: the browser gives these up too.
    if (e instanceof RetryLater && e.reason === "timeout") throw new GiveUp("timeout", `the document at ${url} never finished loading (fetched outside the browser)`, { cause: err });
    throw e;
  }
  const status = res.status;
  const contentType = (res.headers["content-type"] ?? "").toLowerCase();
  if (status >= 500) throw new RetryLater("http-5xx", `${status} from ${url}`);
  if (status >= 400) throw new GiveUp(status === 403 ? "http-403" : status === 404 || status === 410 ? "http-404" : "http-4xx", `${status} from ${url}`);
  if (/^\s*attachment/i.test(res.headers["content-disposition"] ?? "")) throw new GiveUp("download", `${url} is a download (${contentType || "no type"})`);
  if (contentType && !contentType.includes("html") && !contentType.includes("xml")) throw new GiveUp("wrong-content-type", `${contentType} at ${url}`);
  if (status < 200 || status >= 300) throw new GiveUp("http-4xx", `unexpected status ${status} from ${url}`);
  return res;
}
