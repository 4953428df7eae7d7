/**
 * zod schemas for Meta's Graph API `ads_archive` payloads, written from Meta's public Ad Library API
 * docs (fields of the ArchivedAd node, v21.0) and checked against two real samples: the 2019 EU
 * election dump (singular `ad_creative_body`, `funding_entity`, no `id`) and a 2021 record with the
 * plural fields and `bylines`. Every field is optional: the API only returns what was asked for, and
 * EU-only fields (`target_*`, `eu_total_reach`, ...) are absent outside the EU.
 */
import { z } from "zod";

/** Graph API ids are strings; tolerate numbers but never round-trip a large one through a float. */
const idString = z.union([z.string(), z.number()]).transform((v) => String(v));
const bound = z.union([z.string(), z.number()]).transform((v) => String(v));
/** Spend, impressions, audience size: `{lower_bound, upper_bound}` strings (upper_bound absent when open). */
export const rangeSchema = z.object({ lower_bound: bound.optional(), upper_bound: bound.optional() }).passthrough();

const percentageRow = z.object({ percentage: z.union([z.string(), z.number()]).optional() }).passthrough();
const strings = z.array(z.string());

/** One EU reach breakdown row: per country, per age range, counts by gender. */
const ageGenderBreakdown = z
  .object({
    country: z.string().optional(),
    age_gender_breakdowns: z
      .array(z.object({ age_range: z.string().optional(), male: z.number().nullish(), female: z.number().nullish(), unknown: z.number().nullish() }).passthrough())
      .optional(),
  })
  .passthrough();

/** One `target_locations` entry as the EU transparency fields give it. */
const targetLocation = z
  .object({ name: z.string().optional(), num_obfuscated: z.number().optional(), type: z.string().optional(), excluded: z.boolean().optional() })
  .passthrough();

/** One ArchivedAd record, old and new field names alike. Unknown fields are kept. */
export const archivedAdSchema = z
  .object({
    id: idString.optional(),
    _id: idString.optional(),
    ad_creation_time: z.string().optional(),
    ad_creative_bodies: strings.optional(),
    ad_creative_body: z.string().optional(),
    ad_creative_link_captions: strings.optional(),
    ad_creative_link_caption: z.string().optional(),
    ad_creative_link_descriptions: strings.optional(),
    ad_creative_link_description: z.string().optional(),
    ad_creative_link_titles: strings.optional(),
    ad_creative_link_title: z.string().optional(),
    ad_delivery_start_time: z.string().optional(),
    ad_delivery_stop_time: z.string().optional(),
    ad_snapshot_url: z.string().optional(),
    age_country_gender_reach_breakdown: z.array(ageGenderBreakdown).optional(),
    beneficiary_payers: z.array(z.object({ beneficiary: z.string().optional(), payer: z.string().optional(), current: z.boolean().optional() }).passthrough()).optional(),
    br_total_reach: z.number().optional(),
    bylines: z.string().optional(),
    funding_entity: z.string().optional(),
    currency: z.string().optional(),
    delivery_by_region: z.array(percentageRow).optional(),
    region_distribution: z.array(percentageRow).optional(),
    demographic_distribution: z.array(percentageRow).optional(),
    estimated_audience_size: rangeSchema.optional(),
    eu_total_reach: z.number().optional(),
    impressions: rangeSchema.optional(),
    spend: rangeSchema.optional(),
    languages: strings.optional(),
    page_id: idString.optional(),
    page_name: z.string().optional(),
    publisher_platforms: strings.optional(),
    target_ages: strings.optional(),
    target_gender: z.string().optional(),
    target_locations: z.array(targetLocation).optional(),
    total_reach_by_location: z.array(z.object({ key: z.string().optional(), value: z.number().optional() }).passthrough()).optional(),
  })
  .passthrough();

/** A parsed ArchivedAd record. */
export type ArchivedAd = z.infer<typeof archivedAdSchema>;

/** A page of `ads_archive` results with Graph API cursor paging. */
export const archivePageSchema = z
  .object({
    data: z.array(z.unknown()),
    paging: z
      .object({
        cursors: z.object({ before: z.string().optional(), after: z.string().optional() }).passthrough().optional(),
        next: z.string().optional(),
        previous: z.string().optional(),
      })
      .passthrough()
      .optional(),
  })
  .passthrough();

/** A Graph API error envelope (`{"error": {...}}`). */
export const graphErrorSchema = z.object({
  error: z
    .object({
      message: z.string().default(""),
      type: z.string().optional(),
      code: z.number().optional(),
      error_subcode: z.number().optional(),
      fbtrace_id: z.string().optional(),
    })
    .passthrough(),
});

/** A parsed Graph API error. */
export type GraphError = z.infer<typeof graphErrorSchema>["error"];

/** Every ArchivedAd field polad asks for (Graph API `fields=`): all that v21.0 documents. */
export const ARCHIVE_FIELDS = [
  "id", "ad_creation_time", "ad_creative_bodies", "ad_creative_link_captions", "ad_creative_link_descriptions",
  "ad_creative_link_titles", "ad_delivery_start_time", "ad_delivery_stop_time", "ad_snapshot_url",
  "age_country_gender_reach_breakdown", "beneficiary_payers", "br_total_reach", "bylines", "currency",
  "delivery_by_region", "demographic_distribution", "estimated_audience_size", "eu_total_reach", "impressions",
  "languages", "page_id", "page_name", "publisher_platforms", "spend", "target_ages", "target_gender",
  "target_locations", "total_reach_by_location",
] as const;
