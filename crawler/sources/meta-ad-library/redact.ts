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
