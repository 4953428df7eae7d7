/**
 * TikTok Commercial Content API (`POST /v2/research/adlib/ad/query/`) response shape, from TikTok's
 * public developer documentation: `data.ads[]` with `ad` (id, first_shown_date, last_shown_date,
 * status, videos, image_urls, reach) and `advertiser` (business_id, business_name, paid_for_by), plus
 * `has_more`/`search_id` paging and an `error` object whose code is "ok" on success. polad's crawl
 * context only issues GET requests, so the source reads the public library pages; this parser maps API
 * results (fetched by an approved research client) to the same ad records.
 */
import { z } from "zod";
import type { AdInput } from "../../../common/ad-input.js";

const apiAd = z
  .object({
    ad: z
      .object({
        id: z.union([z.string(), z.number()]).transform(String),
        first_shown_date: z.union([z.string(), z.number()]).transform(String).optional(),
        last_shown_date: z.union([z.string(), z.number()]).transform(String).optional(),
        status: z.string().optional(),
        status_statement: z.string().optional(),
        videos: z.array(z.object({ url: z.string().optional(), cover_image_url: z.string().optional() }).passthrough()).optional(),
        image_urls: z.array(z.string()).optional(),
        reach: z.object({ unique_users_seen: z.union([z.string(), z.number()]).optional() }).passthrough().optional(),
      })
      .passthrough(),
    advertiser: z.object({ business_id: z.union([z.string(), z.number()]).transform(String).optional(), business_name: z.string().optional(), paid_for_by: z.string().optional() }).passthrough().optional(),
  })
  .passthrough();

/** A query response page. */
export const adQueryResponseSchema = z.object({
  data: z.object({ ads: z.array(apiAd).default([]), has_more: z.boolean().default(false), search_id: z.string().optional() }).passthrough().optional(),
  error: z.object({ code: z.string(), message: z.string().default(""), log_id: z.string().optional() }).passthrough(),
});

/** A parsed query response. */
export type AdQueryResponse = z.infer<typeof adQueryResponseSchema>;

function day(v: string | undefined): string | null {
  const m = v ? /^(\d{4})-?(\d{2})-?(\d{2})/.exec(v) : null;
  return m ? `${m[1]}-${m[2]}-${m[3]}T00:00:00.000Z` : null;
}

/**
 * JSON.parse for API bodies whose ids are bare integers beyond 2^53 (TikTok's ad and business ids):
 * such literals are quoted first, so "7480000000000000001" survives instead of becoming ...000.
 */
export function parseJsonKeepingIds(text: string): unknown {
  return JSON.parse(text.replace(/("(?:id|business_id|advertiser_id)"\s*:\s*)(-?\d{16,})(?=\s*[,}\]])/g, '$1"$2"')) as unknown;
}

/** Parses a response; throws with the API's own error code and message when it is not "ok". */
export function parseAdQueryResponse(body: unknown): { ads: AdInput[]; hasMore: boolean; searchId: string | null } {
  const r = adQueryResponseSchema.parse(body);
  if (r.error.code !== "ok") throw new Error(`TikTok Commercial Content API error ${r.error.code}: ${r.error.message.slice(0, 300)}`);
  const ads = (r.data?.ads ?? []).map(({ ad, advertiser }) => ({
    id: ad.id, source: "tiktok-ad-library", publisher: "TikTok", sponsor: advertiser?.paid_for_by ?? advertiser?.business_name ?? null,
    text: null, label: null, first_seen: day(ad.first_shown_date), last_seen: day(ad.last_shown_date), country: "NL",
    advertiser: advertiser?.business_name ?? null, business_id: advertiser?.business_id ?? null, metadata_only: true, raw: { ad, advertiser },
  }));
  return { ads, hasMore: r.data?.has_more ?? false, searchId: r.data?.search_id ?? null };
}
