import type { IncomingMessage, ServerResponse } from "node:http";
import { archivedAdRecord, pickFields } from "./records.js";
import { META_SEED, SANDBOX_META_TOKEN, type SeedAd } from "./seed.js";

/** Per-replica mutable state: call counter for the usage header and which cursors already got a 613. */
export interface GraphState { calls: number; throttled: Set<string> }

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/json; charset=UTF-8", ...headers });
  res.end(JSON.stringify(body));
}

/** The Graph API error envelope, same keys and codes as graph.facebook.com. */
function graphError(res: ServerResponse, status: number, code: number, type: string, message: string, headers: Record<string, string> = {}): void {
  json(res, status, { error: { message, type, code, fbtrace_id: "AsandboxTRACE" + code } }, { "www-authenticate": `OAuth "Facebook Platform" "${type}" "${message}"`, ...headers });
}

function tokenOf(req: IncomingMessage, url: URL): string | null {
  const auth = req.headers.authorization;
  if (auth) {
    const m = /^(?:OAuth|Bearer)\s+(\S+)$/i.exec(auth);
    if (m?.[1]) return m[1];
  }
  return url.searchParams.get("access_token");
}

function usageHeader(state: GraphState): Record<string, string> {
  const pct = Math.min(99, state.calls * 4);
  const entry = { type: "ads_archive", call_count: pct, total_cputime: Math.floor(pct / 2), total_time: Math.floor(pct / 2), estimated_time_to_regain_access: 0 };
  return { "x-business-use-case-usage": JSON.stringify({ "1234567890123456": [entry] }) };
}

/** Meta's default keyword search: every word must occur (case-insensitive) in a creative body or the page name. */
function matchesTerms(ad: SeedAd, terms: string): boolean {
  const hay = `${ad.body} ${ad.pageName}`.toLowerCase();
  return terms.toLowerCase().split(/\s+/).filter(Boolean).every((w) => hay.includes(w));
}

function parseCountries(v: string | null): string[] | null {
  if (!v) return null;
  try {
    const arr = JSON.parse(v) as unknown;
    return Array.isArray(arr) ? arr.map(String) : null;
  } catch {
    return v.split(",").map((s) => s.trim()).filter(Boolean);
  }
}

function decodeCursor(c: string | null): number {
  if (!c) return 0;
  const n = Number(Buffer.from(c, "base64").toString("utf8"));
  return Number.isInteger(n) && n >= 0 ? n : 0;
}
const encodeCursor = (n: number) => Buffer.from(String(n), "utf8").toString("base64").replace(/=+$/, "");

function select(url: URL): { ads: SeedAd[] } | { error: string } {
  const p = url.searchParams;
  const countries = parseCountries(p.get("ad_reached_countries"));
  if (!countries || countries.length === 0) return { error: "(#100) The parameter ad_reached_countries is required" };
  const terms = p.get("search_terms");
  const pageIds = p.get("search_page_ids")?.split(",").map((s) => s.trim()).filter(Boolean) ?? [];
  if (!terms && pageIds.length === 0) return { error: "(#100) Either search_terms or search_page_ids is required" };
  const adType = p.get("ad_type") ?? "POLITICAL_AND_ISSUE_ADS";
  if (!["ALL", "POLITICAL_AND_ISSUE_ADS", "HOUSING_ADS", "EMPLOYMENT_ADS", "FINANCIAL_PRODUCTS_AND_SERVICES_ADS"].includes(adType)) {
    return { error: `(#100) Param ad_type must be one of {ALL, POLITICAL_AND_ISSUE_ADS, HOUSING_ADS, EMPLOYMENT_ADS, FINANCIAL_PRODUCTS_AND_SERVICES_ADS}` };
  }
  const ads = META_SEED.filter((a) => a.countries.some((c) => countries.includes(c)))
    .filter((a) => (terms ? matchesTerms(a, terms) : true))
    .filter((a) => (pageIds.length > 0 ? pageIds.includes(a.pageId) : true))
    .filter((a) => (adType === "ALL" ? true : adType === "POLITICAL_AND_ISSUE_ADS" ? a.byline !== null : false))
    .sort((a, b) => b.start.localeCompare(a.start) || a.id.localeCompare(b.id));
  return { ads };
}

/**
 * `GET /v{n}/ads_archive`: token check (104 missing, 190 invalid, both HTTP 400 as Graph does), the
 * required parameters, keyword and page-id search, country and ad-type filters, `fields`, `limit` and
 * base64 offset cursors with a `paging.next` URL that (like Meta's) embeds the access token. The
 * first request for each later page answers once with error 613, so clients must back off and retry.
 */
export function handleAdsArchive(req: IncomingMessage, res: ServerResponse, url: URL, state: GraphState): void {
  const token = tokenOf(req, url);
  if (!token) return graphError(res, 400, 104, "OAuthException", "An access token is required to request this resource.");
  if (token !== SANDBOX_META_TOKEN) return graphError(res, 400, 190, "OAuthException", "Invalid OAuth access token - Cannot parse access token");
  state.calls += 1;
  const after = url.searchParams.get("after");
  if (after && !state.throttled.has(after)) {
    state.throttled.add(after);
    return graphError(res, 400, 613, "OAuthException", "(#613) Calls to this api have exceeded the rate limit.", usageHeader(state));
  }
  const sel = select(url);
  if ("error" in sel) return graphError(res, 400, 100, "OAuthException", sel.error, usageHeader(state));
  const limit = Math.min(Math.max(Number(url.searchParams.get("limit") ?? 25) || 25, 1), 500);
  const offset = decodeCursor(after);
  const fields = (url.searchParams.get("fields") ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  const origin = `http://${req.headers.host ?? "127.0.0.1"}`;
  const slice = sel.ads.slice(offset, offset + limit);
  const data = slice.map((a) => pickFields(archivedAdRecord(a, origin, token), fields));
  const body: Record<string, unknown> = { data };
  if (slice.length > 0) {
    const paging: Record<string, unknown> = { cursors: { before: encodeCursor(offset), after: encodeCursor(offset + slice.length) } };
    if (offset + slice.length < sel.ads.length) {
      const next = new URL(url.pathname, origin);
      url.searchParams.forEach((v, k) => next.searchParams.set(k, v));
      next.searchParams.set("access_token", token);
      next.searchParams.set("after", encodeCursor(offset + slice.length));
      paging.next = next.toString();
    }
    body.paging = paging;
  }
  json(res, 200, body, usageHeader(state));
}
