/**
 * DPG Media political-ads source: reads DPG Media's own repository of the political ads it ran
 * (privacy.dpgmedia.nl/nl/political-ads, backed by GET /api/campaign-items). Built from public
 * documentation of the API as used by favstats/reclamer (see schema.ts); the item fields beyond
 * sponsor, payer, budget, channel and start date are replica only. Each item is stored as a record of
 * kind `publisher-repository-ad`: the ad as its publisher declares it, with no creative (text null),
 * so no label can be judged from it; its transparency notice is archived when the item links one.
 *
 * Checked against real material: nothing fetched or saved from DPG; the endpoint, filters, envelope
 * and the fields named in schema.ts come from a public client's code. Checked only against the
 * replica: every other field, error answers, and the notice pages items link to.
 */
import type { AdInput } from "../../../common/ad-input.js";
import { sha256 } from "../../../common/hash.js";
import { UsageError } from "../../../common/errors.js";
import { Blocked, GiveUp, RetryLater } from "../../errors.js";
import type { AdSource, FetchResult, SourceContext, SourceOptions, WorkItem } from "../../source.js";
import { campaignItemSchema, campaignItemsResponseSchema, type CampaignItem } from "./schema.js";

/** The source id. */
export const DPG_SOURCE_ID = "dpg-political-ads";
const DEFAULT_BASE = "https://privacy.dpgmedia.nl";
const PERIODS = new Set(["PAST_7_DAYS", "PAST_30_DAYS", "PAST_YEAR"]);
const CHANNELS = new Set(["PRINT", "DIGITAL"]);

const clean = (s: string | null | undefined): string | null => s?.normalize("NFKC").replace(/\s+/g, " ").trim().slice(0, 2048) || null;
const euro = (v: string | number | null | undefined): number | null => {
  const n = typeof v === "number" ? v : v ? Number(v.replace(/[€\s]/g, "").replace(",", ".")) : NaN;
  return Number.isFinite(n) ? n : null;
};
const time = (s: string | null | undefined): string | null => (s && !Number.isNaN(Date.parse(s)) ? new Date(s).toISOString() : null);

/** The API URL for these options (country, period and channel filters as the real API takes them). */
export function campaignItemsUrl(opts: SourceOptions): string {
  const u = new URL("/api/campaign-items", opts.apiBase ?? DEFAULT_BASE);
  u.searchParams.set("countryCode", typeof opts.countryCode === "string" ? opts.countryCode : "NL");
  if (typeof opts.period === "string") {
    if (!PERIODS.has(opts.period)) throw new UsageError(`period: expected one of ${[...PERIODS].join(", ")}, got ${opts.period}`);
    u.searchParams.set("period", opts.period);
  }
  if (typeof opts.channel === "string") {
    if (!CHANNELS.has(opts.channel)) throw new UsageError(`channel: expected PRINT or DIGITAL, got ${opts.channel}`);
    u.searchParams.set("channel", opts.channel);
  }
  return u.href;
}

/** One campaign item as a record. Items without an id get one from their content, so a re-crawl finds the same record. */
export function campaignItemToRecord(it: CampaignItem): AdInput {
  const key = it.id !== null && it.id !== undefined ? String(it.id) : sha256(JSON.stringify(it)).slice(0, 32);
  const sponsor = clean(it.sponsorName);
  const payer = clean(it.payerName);
  return {
    id: `dpg-${key}`.slice(0, 512), source: DPG_SOURCE_ID, publisher: clean(it.brand) ?? "DPG Media", sponsor: sponsor ?? payer,
    text: null, label: null, notice_url: clean(it.transparencyNoticeUrl), first_seen: time(it.publicationStartDate), last_seen: time(it.publicationEndDate),
    country: "NL", record_kind: "publisher-repository-ad", repository: "DPG Media", payer, channel: clean(it.channel),
    budget: { min_eur: euro(it.budgetLowerBound), max_eur: euro(it.budgetUpperBound) }, campaign_name: clean(it.campaignName), election: clean(it.election),
    item: it as Record<string, unknown>,
  };
}

function parseItems(res: FetchResult): unknown[] {
  if (res.status === 429 || res.status >= 500) throw new RetryLater(`http-${res.status}`, `DPG political-ads API answered HTTP ${res.status}`);
  if (res.status === 401 || res.status === 403) throw new Blocked(`http-${res.status}`, `DPG political-ads API refused us (HTTP ${res.status})`);
  if (res.status !== 200) throw new GiveUp(`http-${res.status}`, `DPG political-ads API answered HTTP ${res.status}`);
  let json: unknown;
  try {
    json = JSON.parse(res.body);
  } catch (err) {
    throw new GiveUp("bad-payload", `DPG political-ads API did not answer JSON (${res.headers["content-type"] ?? "no content-type"})`, { cause: err });
  }
  const parsed = campaignItemsResponseSchema.safeParse(json);
  if (!parsed.success) throw new GiveUp("bad-payload", "DPG political-ads API: neither campaignItems nor items in the answer");
  const d = parsed.data as { campaignItems?: unknown[]; items?: unknown[] };
  return d.campaignItems ?? d.items ?? [];
}

async function handle(item: WorkItem, ctx: SourceContext): Promise<void> {
  const items = parseItems(await ctx.fetch(item.url, { headers: { accept: "application/json" } }));
  let stored = 0;
  for (const [i, raw] of items.entries()) {
    const it = campaignItemSchema.safeParse(raw);
    if (!it.success) {
      ctx.log.warn({ source: DPG_SOURCE_ID, index: i, field: it.error.issues[0]?.path.join("."), problem: it.error.issues[0]?.message }, "campaign item refused");
      continue;
    }
    const ad = campaignItemToRecord(it.data);
    const notice = ad.notice_url ? await ctx.fetchNotice(ad.notice_url) : null;
    if (notice) ad.notice_status = notice.status;
    const sighting = { pageUrl: item.url, frameChain: [], seenAt: ctx.now().toISOString(), viewport: null, userAgent: null, screenshotPng: null, html: null, labelStyles: [], links: ad.notice_url ? [ad.notice_url] : [] };
    await ctx.emit({ ad, sighting, notice });
    stored++;
  }
  ctx.log.info({ source: DPG_SOURCE_ID, items: items.length, stored }, "DPG political-ads repository imported");
}

/** The DPG Media political-ads source (registry entry). */
export const dpgPoliticalAdsSource: AdSource = {
  id: DPG_SOURCE_ID,
  description: "DPG Media's own political-ads repository (privacy.dpgmedia.nl campaign items: sponsor, payer, budget, channel)",
  seed(opts) {
    if (opts.apiBase && !/^https?:\/\//.test(opts.apiBase)) throw new UsageError(`--api-base: not an http(s) URL: ${opts.apiBase}`);
    return [{ url: campaignItemsUrl(opts), kind: "dpg-campaign-items" }];
  },
  handle,
};
