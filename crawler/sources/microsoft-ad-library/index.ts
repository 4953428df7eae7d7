/**
 * Microsoft Ad Library source (adlibrary.ads.microsoft.com: the Bing ads served in the EU/EEA). The
 * library's front end is a single-page app over a public JSON API that needs no sign-in or token, so
 * this source reads that API with plain GETs: advertiser-name searches (`--term advertiser:NAME`) and
 * ad-copy searches (`--term WORD`) page through `Ads`, and each ad is fetched once more with its AdDetails
 * (paid for by, first and last EU impression, targeting types, impression range and country shares).
 *
 * What was checked against what (see api.ts for the field-level detail):
 * - real material: none in ../shared/data/real. The endpoints, parameters, field names, limits and
 *   error shapes come from Microsoft's public API reference and from published measurements of the
 *   live API by other projects (found with the search tool, 2026-12-05); not fetched by polad.
 * - replica only: paging end conditions against a live result set, the challenge page (the live API
 *   sits behind Azure Front Door; no challenge page from it has been seen), 429 with Retry-After, and
 *   the ad as Bing showed it: the library gives the ad copy (Title, Description, DisplayUrl) but not
 *   the SERP's own "Ad" marker or advertiser line, so `label` is null and no screenshot is taken.
 */
import { UsageError } from "../../../common/errors.js";
import { Blocked, GiveUp, RetryLater } from "../../errors.js";
import type { AdSource, FetchResult, SourceContext, SourceOptions, WorkItem } from "../../source.js";
import {
  adDetailUrl, adSchema, adsUrl, advertiserSchema, advertisersUrl, collectionSchema, DEFAULT_MICROSOFT_API, MAX_TOP,
  MICROSOFT_COUNTRY, MICROSOFT_SOURCE_ID, microsoftAdToRecord, nextPageUrl, odataErrorSchema, parseJsonKeepingIds,
} from "./api.js";

const KIND_ADS = `${MICROSOFT_SOURCE_ID}:ads`;
const KIND_ADVERTISERS = `${MICROSOFT_SOURCE_ID}:advertisers`;
const KIND_AD = `${MICROSOFT_SOURCE_ID}:ad`;
const ADVERTISER_TERM = /^advertiser:\s*(.+)$/i;

interface Settings { base: string; region: string; top: number }

function settings(opts: SourceOptions): Settings {
  const base = typeof opts.apiBase === "string" ? opts.apiBase : DEFAULT_MICROSOFT_API;
  if (!/^https?:\/\//.test(base)) throw new UsageError(`--api-base: not an http(s) URL: ${base}`);
  const region = typeof opts.country === "string" ? opts.country.toUpperCase() : "NL";
  if (MICROSOFT_COUNTRY[region] === undefined) throw new UsageError(`country: the Microsoft Ad Library covers EU/EEA countries only, got ${region}`);
  const top = typeof opts.pageSize === "number" ? Math.trunc(opts.pageSize) : MAX_TOP;
  if (top < 1 || top > MAX_TOP) throw new UsageError(`pageSize: 1 to ${MAX_TOP} (the API's limit), got ${String(opts.pageSize)}`);
  return { base, region, top };
}

/** A URL seed: an API query as is, or a library page with searchText/advertiserId turned into its API query. */
function urlSeed(url: string, s: Settings): { url: string; kind: string } {
  const u = new URL(url);
  if (/\/api\/v1\/Ads[/(]/.test(u.pathname)) return { url, kind: KIND_AD };
  if (/\/api\/v1\/Ads$/.test(u.pathname)) return { url, kind: KIND_ADS };
  if (/\/api\/v1\/Advertisers$/.test(u.pathname)) return { url, kind: KIND_ADVERTISERS };
  const advertiserId = u.searchParams.get("advertiserId");
  const searchText = u.searchParams.get("searchText");
  if (advertiserId && /^\d+$/.test(advertiserId)) return { url: adsUrl(s.base, { advertiserId, country: s.region, top: s.top, skip: 0 }), kind: KIND_ADS };
  if (searchText) return { url: adsUrl(s.base, { searchText, country: s.region, top: s.top, skip: 0 }), kind: KIND_ADS };
  throw new UsageError(`microsoft-ad-library: ${url} is neither an Ad Library API query nor a library URL with searchText or advertiserId`);
}

/** The body of an API answer as JSON, or the runner's error for what the API said instead. */
function answer(res: FetchResult, what: string): unknown {
  let json: unknown = undefined;
  try {
    json = parseJsonKeepingIds(res.body);
  } catch {
    // Not JSON: judged by status below (an HTML error page, a truncated body).
  }
  const apiMessage = odataErrorSchema.safeParse(json).data?.error.message?.slice(0, 300);
  if (res.status >= 500) throw new RetryLater(`http-${res.status}`, `${what}: HTTP ${res.status}`);
  if (res.status === 403 || res.status === 401) throw new Blocked(`http-${res.status}`, `${what}: the API refused us (HTTP ${res.status})`);
  if (res.status === 404) throw new GiveUp("ad-gone", `${what}: not in the library (HTTP 404)`);
  if (res.status !== 200) throw new GiveUp(`http-${res.status}`, `${what}: HTTP ${res.status}${apiMessage ? `: ${apiMessage}` : ""}`);
  if (json === undefined) throw new GiveUp("bad-payload", `${what}: not JSON (${res.headers["content-type"] ?? "no content-type"})`);
  return json;
}

function rows(json: unknown, what: string): unknown[] {
  const c = collectionSchema.safeParse(json);
  if (!c.success) throw new GiveUp("bad-payload", `${what}: no OData "value" array in the answer`);
  return c.data.value;
}

function region(item: WorkItem): string {
  return typeof item.payload.region === "string" ? item.payload.region : "NL";
}

async function handleAds(item: WorkItem, ctx: SourceContext): Promise<void> {
  const list = rows(answer(await ctx.fetch(item.url, { headers: { accept: "application/json" } }), "Ads query"), "Ads query");
  const base = item.url.slice(0, item.url.indexOf("/api/v1/"));
  const work: Array<{ url: string; kind: string; payload: Record<string, unknown> }> = [];
  for (const [i, raw] of list.entries()) {
    const ad = adSchema.safeParse(raw);
    if (!ad.success) {
      ctx.count("microsoft-row-unreadable");
      ctx.log.warn({ source: MICROSOFT_SOURCE_ID, url: item.url, index: i, field: ad.error.issues[0]?.path.join("."), problem: ad.error.issues[0]?.message }, "ad row refused");
      continue;
    }
    work.push({ url: adDetailUrl(base, ad.data.AdId), kind: KIND_AD, payload: { region: region(item) } });
  }
  const next = nextPageUrl(item.url, list.length);
  if (next) work.push({ url: next, kind: KIND_ADS, payload: { region: region(item) } });
  await ctx.enqueue(work);
}

async function handleAdvertisers(item: WorkItem, ctx: SourceContext, s: Settings): Promise<void> {
  const list = rows(answer(await ctx.fetch(item.url, { headers: { accept: "application/json" } }), "Advertisers search"), "Advertisers search");
  const base = item.url.slice(0, item.url.indexOf("/api/v1/"));
  const work: Array<{ url: string; kind: string; payload: Record<string, unknown> }> = [];
  for (const raw of list) {
    const a = advertiserSchema.safeParse(raw);
    if (!a.success) {
      ctx.count("microsoft-row-unreadable");
      continue;
    }
    work.push({ url: adsUrl(base, { advertiserId: a.data.AdvertiserId, country: region(item), top: s.top, skip: 0 }), kind: KIND_ADS, payload: { region: region(item) } });
  }
  const next = nextPageUrl(item.url, list.length);
  if (next) work.push({ url: next, kind: KIND_ADVERTISERS, payload: { region: region(item) } });
  await ctx.enqueue(work);
}

async function handleAd(item: WorkItem, ctx: SourceContext): Promise<void> {
  const json = answer(await ctx.fetch(item.url, { headers: { accept: "application/json" } }), "Ad details");
  const ad = adSchema.safeParse(json);
  if (!ad.success) throw new GiveUp("bad-payload", `Ad details: field ${ad.error.issues[0]?.path.join(".")}: ${ad.error.issues[0]?.message}`);
  const record = microsoftAdToRecord(ad.data, { country: region(item), apiUrl: item.url });
  const links = [ad.data.DestinationUrl].filter((l): l is string => typeof l === "string" && /^https?:\/\//.test(l));
  const sighting = { pageUrl: item.url, frameChain: [], seenAt: ctx.now().toISOString(), viewport: null, userAgent: null, screenshotPng: null, html: null, labelStyles: [], links };
  await ctx.emit({ ad: record, sighting, notice: null });
}

/** The Microsoft Ad Library source (registry entry). */
export const microsoftAdLibrarySource: AdSource = {
  id: MICROSOFT_SOURCE_ID,
  description: "Microsoft Ad Library (Bing ads in the EU/EEA): the library's public JSON API, advertiser and ad-copy searches, each ad with its details",
  seed(opts) {
    const s = settings(opts);
    const payload = { region: s.region };
    const urls = opts.seeds.filter((x) => /^https?:\/\//.test(x)).map((x) => ({ ...urlSeed(x, s), payload }));
    // Names to search among advertisers: non-URL seeds, and terms written "advertiser:NAME" (the command line takes only URLs as --seed).
    const names = [...opts.seeds.filter((x) => !/^https?:\/\//.test(x)), ...(opts.terms ?? []).flatMap((t) => ADVERTISER_TERM.exec(t)?.[1] ?? [])];
    const words = (opts.terms ?? []).filter((t) => !ADVERTISER_TERM.test(t));
    const advertisers = names.map((n) => ({ url: advertisersUrl(s.base, { searchText: n.trim(), top: s.top, skip: 0 }), kind: KIND_ADVERTISERS, payload }));
    const terms = words.map((t) => ({ url: adsUrl(s.base, { searchText: t, country: s.region, top: s.top, skip: 0 }), kind: KIND_ADS, payload }));
    const all = [...urls, ...advertisers, ...terms];
    if (all.length === 0) throw new UsageError("microsoft-ad-library needs search words (--term WORD), advertiser names (--term advertiser:NAME) or library URLs (--seed URL)");
    return all;
  },
  async handle(item, ctx, opts) {
    if (item.kind === KIND_AD) return handleAd(item, ctx);
    if (item.kind === KIND_ADVERTISERS) return handleAdvertisers(item, ctx, settings(opts));
    return handleAds(item, ctx);
  },
};
