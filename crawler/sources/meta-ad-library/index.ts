/**
 * Meta Ad Library source. Built from Meta's public Ad Library API documentation (Graph API v21.0
 * `ads_archive`, ArchivedAd fields, rate limiting) and the real samples in ../shared/data/real
 * (ambanum 2019 EU dump with the old singular fields, lejo1 record with the plural fields). It uses
 * the official API with the operator's own token; it does not log in, scrape facebook.com/ads/library
 * or work around any access control. The token is sent in a header and stripped from every URL kept.
 *
 * Checked against real material: record parsing with the 2019 singular and the current plural field
 * names (ambanum and lejo1 samples, test/sources/meta-parse.test.ts) and the facebook.com/ads/library
 * JS challenge page (metatargetr sample, test/sources/challenge.test.ts). Checked only against the
 * replica: cursor paging, the X-Business-Use-Case-Usage quota header and error codes 4/17/613 as the
 * Graph API sends them (built from the docs), and the DOM of a rendered `ad_snapshot_url` page
 * (selectors.ts: no saved real snapshot page was found).
 */
import { UsageError } from "../../../common/errors.js";
import { RetryLater, StopRun } from "../../errors.js";
import type { AdSource, SourceContext, SourceOptions, WorkItem } from "../../source.js";
import { archiveUrl, authHeaders, backoffMs, DEFAULT_GRAPH_BASE, interpretArchiveResponse, quotaPauseMs, type QuotaState } from "./api.js";
import { mapArchivedAd, META_SOURCE_ID, type MetaAd } from "./map.js";
import { stripToken } from "./redact.js";
import { captureSnapshot, emitWithoutSnapshot } from "./capture.js";

/** Work item kinds of this source. */
export const KIND_ARCHIVE = "meta-archive";
export const KIND_SNAPSHOT = "meta-snapshot";
/** After this many throttled attempts on one page the run stops rather than risk locking the token out. */
const MAX_THROTTLED_ATTEMPTS = 4;

interface MetaOptions { token: string; base: string; countries: string[]; adTypes: Array<"ALL" | "POLITICAL_AND_ISSUE_ADS">; limit: number; throttleBaseMs: number }

function strs(v: unknown): string[] {
  return Array.isArray(v) ? v.map(String).filter(Boolean) : typeof v === "string" && v ? v.split(",").map((s) => s.trim()) : [];
}

function metaOptions(opts: SourceOptions): MetaOptions {
  if (!opts.token) throw new UsageError("meta-ad-library needs an access token (set the Meta token in the config or environment)");
  const adTypes = strs(opts.adTypes ?? opts.adType).filter((t): t is "ALL" | "POLITICAL_AND_ISSUE_ADS" => t === "ALL" || t === "POLITICAL_AND_ISSUE_ADS");
  const countries = strs(opts.countries).map((c) => c.toUpperCase());
  return {
    token: opts.token,
    base: opts.apiBase ?? DEFAULT_GRAPH_BASE,
    countries: countries.length > 0 ? countries : ["NL"],
    adTypes: adTypes.length > 0 ? adTypes : ["ALL"],
    limit: typeof opts.limit === "number" && opts.limit > 0 ? Math.min(opts.limit, 500) : 25,
    throttleBaseMs: typeof opts.throttleBaseMs === "number" && opts.throttleBaseMs >= 0 ? opts.throttleBaseMs : 60_000,
  };
}

/** The first archive queries: one per search term and ad type, page ids in batches of 10 (the API's limit). */
function seedItems(opts: SourceOptions): Array<{ url: string; kind: string; payload: Record<string, unknown> }> {
  const o = metaOptions(opts);
  const urls: string[] = [];
  const terms = [...(opts.terms ?? []), ...opts.seeds.filter((s) => !/^https?:\/\//.test(s) && !/^\d+$/.test(s))];
  const pageIds = [...strs(opts.pageIds), ...opts.seeds.filter((s) => /^\d+$/.test(s))];
  for (const adType of o.adTypes) {
    for (const t of terms) urls.push(archiveUrl(o.base, { terms: t, countries: o.countries, adType, limit: o.limit }));
    for (let i = 0; i < pageIds.length; i += 10) urls.push(archiveUrl(o.base, { pageIds: pageIds.slice(i, i + 10), countries: o.countries, adType, limit: o.limit }));
  }
  for (const s of opts.seeds) if (/^https?:\/\//.test(s)) urls.push(stripToken(s));
  if (urls.length === 0) throw new UsageError("meta-ad-library needs search terms (--term), page ids or ads_archive URLs (--seed)");
  return [...new Set(urls)].map((url) => ({ url, kind: KIND_ARCHIVE, payload: { country: o.countries[0] } }));
}

const lastQuota = new Map<number, QuotaState>();

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (ms <= 0 || signal.aborted) return resolve();
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });
}

/** Maps one record; one the mapper cannot read is logged and counted as skipped, never costing the page's other records or its next link. */
function mapOrSkip(rec: unknown, country: string | undefined, url: string, ctx: SourceContext): MetaAd | null {
  try {
    return mapArchivedAd(rec, { country });
  } catch (err) {
    ctx.log.warn({ source: META_SOURCE_ID, url, err: (err as Error).message.slice(0, 300) }, "archived ad record skipped");
    ctx.count("skipped-records");
    return null;
  }
}

/** One ads_archive page: snapshots to render, the next page to fetch. */
async function handleArchive(item: WorkItem, ctx: SourceContext, o: MetaOptions): Promise<void> {
  const q = lastQuota.get(ctx.runId);
  if (q) await sleep(Math.min(quotaPauseMs(q, o.throttleBaseMs), 15 * 60_000), ctx.signal);
  const res = await ctx.fetch(item.url, { headers: authHeaders(o.token) });
  const out = interpretArchiveResponse(res, o.token);
  const country = typeof item.payload.country === "string" ? item.payload.country : o.countries[0];
  if (out.kind === "fatal") throw new StopRun("graph-api", out.reason);
  if (out.kind === "retry") throw new RetryLater("graph-api", out.reason);
  if (out.kind === "backoff") {
    if (item.attempts >= MAX_THROTTLED_ATTEMPTS) throw new StopRun("rate-limited", `${out.reason}; still throttled after ${item.attempts} attempts, stopping to protect the token`);
    const wait = backoffMs(out.announcedMs, item.attempts, o.throttleBaseMs);
    ctx.log.warn({ source: META_SOURCE_ID, url: item.url, waitMs: wait }, "ads_archive throttled, backing off");
    throw new RetryLater("rate-limited", out.reason, { retryAfterMs: wait });
  }
  lastQuota.set(ctx.runId, out.quota);
  const next: Array<{ url: string; kind: string; depth: number; payload: Record<string, unknown> }> = [];
  for (const rec of out.records) {
    const mapped = mapOrSkip(rec, country, item.url, ctx);
    if (!mapped) continue;
    if (mapped.snapshotUrl) next.push({ url: mapped.snapshotUrl, kind: KIND_SNAPSHOT, depth: item.depth + 1, payload: { record: mapped.ad.raw, country } });
    else await emitWithoutSnapshot(mapped.ad, item.url, ctx);
  }
  if (out.next) next.push({ url: out.next, kind: KIND_ARCHIVE, depth: item.depth, payload: { country } });
  await ctx.enqueue(next);
}

/** The Meta Ad Library source (registry entry). */
export const metaAdLibrarySource: AdSource = {
  id: META_SOURCE_ID,
  description: "Meta Ad Library API (ads_archive) with snapshot rendering: EU transparency fields, bylines, targeting",
  seed: seedItems,
  async handle(item, ctx, opts) {
    const o = metaOptions(opts);
    if (item.kind === KIND_SNAPSHOT) return captureSnapshot(item, ctx, o.token);
    return handleArchive(item, ctx, o);
  },
};
