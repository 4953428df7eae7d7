/**
 * Graph API `ads_archive` requests and responses: query URLs, cursor paging, quota and error handling.
 * Built from Meta's public docs (Ad Library API, Graph API rate limiting: `X-Business-Use-Case-Usage`,
 * error codes 4, 17, 613, 80000-series, 190). The token never goes in a URL polad builds: it is sent in
 * the `Authorization` header, and tokens in URLs the API returns are stripped before they are kept.
 */
import { z } from "zod";
import { archivePageSchema, graphErrorSchema, ARCHIVE_FIELDS } from "./schema.js";
import { redactSecret, stripToken } from "./redact.js";

/** The real Graph API base polad targets by default. */
export const DEFAULT_GRAPH_BASE = "https://graph.facebook.com/v21.0";

/** What one ads_archive search asks for. */
export interface ArchiveQuery {
  terms?: string;
  pageIds?: string[];
  countries: string[];
  adType: "ALL" | "POLITICAL_AND_ISSUE_ADS";
  limit?: number;
  after?: string;
}

/** The first-page URL of an ads_archive search (no token: see `authHeaders`). */
export function archiveUrl(base: string, q: ArchiveQuery): string {
  const u = new URL(base.replace(/\/+$/, "") + "/ads_archive");
  const p = u.searchParams;
  if (q.terms) p.set("search_terms", q.terms);
  if (q.pageIds && q.pageIds.length > 0) p.set("search_page_ids", q.pageIds.join(","));
  p.set("ad_reached_countries", JSON.stringify(q.countries));
  p.set("ad_type", q.adType);
  p.set("ad_active_status", "ALL");
  p.set("fields", ARCHIVE_FIELDS.join(","));
  p.set("limit", String(q.limit ?? 25));
  if (q.after) p.set("after", q.after);
  return u.toString();
}

/** Request headers that carry the token (Graph API accepts `Authorization: OAuth <token>`). */
export function authHeaders(token: string): Record<string, string> {
  return { authorization: `OAuth ${token}`, accept: "application/json" };
}

/** One usage entry of `X-Business-Use-Case-Usage` (percentages of the quota, minutes to regain access). */
const usageEntry = z
  .object({
    type: z.string().optional(),
    call_count: z.number().optional(),
    total_cputime: z.number().optional(),
    total_time: z.number().optional(),
    estimated_time_to_regain_access: z.number().optional(),
  })
  .passthrough();
const usageHeader = z.record(z.string(), z.array(usageEntry));

/** The quota state read from the usage header: the highest percentage used and the wait Meta announces. */
export interface QuotaState { maxPct: number; regainMs: number }

/** Reads `X-Business-Use-Case-Usage` (or the older `X-App-Usage`); absent or garbled headers mean "no information". */
export function readQuota(headers: Record<string, string>): QuotaState {
  const h = lower(headers);
  let maxPct = 0;
  let regainMs = 0;
  const buc = parseJson(h["x-business-use-case-usage"]);
  const parsed = usageHeader.safeParse(buc);
  if (parsed.success) {
    for (const entries of Object.values(parsed.data)) {
      for (const e of entries) {
        maxPct = Math.max(maxPct, e.call_count ?? 0, e.total_cputime ?? 0, e.total_time ?? 0);
        regainMs = Math.max(regainMs, (e.estimated_time_to_regain_access ?? 0) * 60_000);
      }
    }
  }
  const app = usageEntry.safeParse(parseJson(h["x-app-usage"]));
  if (app.success) maxPct = Math.max(maxPct, app.data.call_count ?? 0, app.data.total_cputime ?? 0, app.data.total_time ?? 0);
  return { maxPct, regainMs };
}

/** What a response means for the crawl. */
export type ArchiveOutcome =
  | { kind: "page"; records: unknown[]; next: string | null; quota: QuotaState }
  /** `announcedMs`: the wait Meta announced in the usage header (0 when none); the caller adds its own backoff. */
  | { kind: "backoff"; announcedMs: number; reason: string }
  | { kind: "fatal"; reason: string }
  | { kind: "retry"; reason: string };

/** Rate-limit codes (application, user, per-API) and the ads-management throttles: back off, do not retry hard. */
const THROTTLE_CODES = new Set([4, 17, 32, 613, 80000, 80004]);
/** Token problems: stop the run, hammering would only lock the token out. */
const TOKEN_CODES = new Set([102, 104, 190, 200, 10]);

/** The base wait after a throttle when Meta announces none: long enough not to burn the remaining quota. */
export const THROTTLE_BASE_MS = 60_000;

/** The wait before retrying a throttled call: Meta's announced wait, at least an exponential backoff. */
export function backoffMs(announcedMs: number, attempts: number, baseMs: number = THROTTLE_BASE_MS): number {
  return Math.min(Math.max(announcedMs, baseMs * 2 ** Math.min(attempts, 6)), 60 * 60_000);
}

/** Interprets one ads_archive HTTP response. Error texts are redacted of the token. */
export function interpretArchiveResponse(res: { status: number; headers: Record<string, string>; body: string }, token: string | undefined): ArchiveOutcome {
  const quota = readQuota(res.headers);
  const json = parseJson(res.body);
  const err = graphErrorSchema.safeParse(json);
  if (err.success) {
    const e = err.data.error;
    const reason = redactSecret(`Graph API error ${e.code ?? "?"}${e.error_subcode ? "/" + e.error_subcode : ""}: ${e.message}`, token).slice(0, 500);
    if (e.code !== undefined && THROTTLE_CODES.has(e.code)) return { kind: "backoff", announcedMs: quota.regainMs, reason };
    if (e.code !== undefined && TOKEN_CODES.has(e.code)) return { kind: "fatal", reason };
    if (res.status >= 500 || e.code === 1 || e.code === 2) return { kind: "retry", reason };
    return { kind: "fatal", reason };
  }
  if (res.status === 429) return { kind: "backoff", announcedMs: quota.regainMs, reason: "HTTP 429" };
  if (res.status >= 500) return { kind: "retry", reason: `HTTP ${res.status}` };
  const page = archivePageSchema.safeParse(json);
  if (res.status !== 200 || !page.success) return { kind: "retry", reason: `unexpected ads_archive response (HTTP ${res.status})` };
  const next = page.data.paging?.next ? stripToken(page.data.paging.next) : null;
  return { kind: "page", records: page.data.data, next, quota };
}

/** Above this share of the quota polad slows down before the next call, so the token is never locked out. */
export const QUOTA_SLOWDOWN_PCT = 75;

/** How long to pause before the next call given the quota state (0 when comfortably under quota). */
export function quotaPauseMs(q: QuotaState, baseMs: number = THROTTLE_BASE_MS): number {
  if (q.regainMs > 0) return q.regainMs;
  if (q.maxPct >= 95) return baseMs;
  if (q.maxPct >= QUOTA_SLOWDOWN_PCT) return Math.round(((q.maxPct - QUOTA_SLOWDOWN_PCT) / 20) * baseMs);
  return 0;
}

function lower(h: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) out[k.toLowerCase()] = v;
  return out;
}

function parseJson(s: string | undefined): unknown {
  if (!s) return undefined;
  try {
    return JSON.parse(s) as unknown;
  } catch {
    return undefined;
  }
}
