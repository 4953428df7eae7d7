import { Blocked, classifyError, GiveUp, RetryLater, StopRun, type CrawlError } from "../../errors.js";

/** Query parameters that carry credentials in Graph API and Ad Library URLs. */
const SECRET_PARAMS = ["access_token", "appsecret_proof", "client_secret"];

/**
 * Removes credentials from a URL before it is stored, logged or put in evidence. Graph API `paging.next`
 * links and `ad_snapshot_url` both embed the access token. Unparseable input is redacted wholesale.
 */
export function stripToken(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return url.replace(/(access_token|appsecret_proof|client_secret)=[^&#\s]*/gi, "$1=REDACTED");
  }
  for (const p of SECRET_PARAMS) u.searchParams.delete(p);
  return u.toString();
}

/** Replaces every occurrence of the token in a string (page HTML, error text) with a marker. */
export function redactSecret(text: string, token: string | undefined): string {
  if (!token || token.length < 4) return text;
  return text.split(token).join("REDACTED");
}

/**
 * Any error from work that used the token, as a crawler error of the same kind whose message has the
 * token (and any access_token parameter) removed. The cause is dropped on purpose: browser and fetch
 * errors quote the URL, token included, and the runner stores and logs what it is given.
 */
export function redactError(err: unknown, token: string): CrawlError {
  const e = classifyError(err);
  const msg = redactSecret(e.message, token).replace(/(access_token|appsecret_proof)=[^&#\s"']*/gi, "$1=REDACTED");
  if (e instanceof RetryLater) return new RetryLater(e.reason, msg, { retryAfterMs: e.retryAfterMs });
  if (e instanceof Blocked) return new Blocked(e.reason, msg);
  if (e instanceof StopRun) return new StopRun(e.reason, msg);
  return new GiveUp(e.reason, msg);
}
