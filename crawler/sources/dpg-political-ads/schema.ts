/**
 * DPG Media's political-ads repository API (privacy.dpgmedia.nl/api/campaign-items), zod at the edge.
 * Checked against public material: favstats/reclamer (R client, Nov 2025) calls GET
 * /api/campaign-items with `countryCode`, optional `period` (PAST_7_DAYS, PAST_30_DAYS, PAST_YEAR) and
 * `channel` (PRINT, DIGITAL), gets every item in one answer (no paging) under `campaignItems` (earlier
 * `items`), and reads `sponsorName`, `payerName`, `budgetLowerBound`, `budgetUpperBound`, `channel`
 * and `publicationStartDate`. Every other field below is a guess checked only against the replica;
 * unknown fields are kept (passthrough).
 */
import { z } from "zod";

const text = z.string().max(20_000).nullish();
const money = z.union([z.number(), z.string().max(64)]).nullish();

/** One campaign item: a political ad DPG Media ran in print or online. */
export const campaignItemSchema = z
  .object({
    id: z.union([z.string().min(1).max(200), z.number()]).nullish(),
    sponsorName: text,
    payerName: text,
    budgetLowerBound: money,
    budgetUpperBound: money,
    channel: text,
    publicationStartDate: text,
    // Replica-only guesses:
    publicationEndDate: text,
    brand: text,
    campaignName: text,
    election: text,
    transparencyNoticeUrl: text,
  })
  .passthrough();

/** A validated campaign item. */
export type CampaignItem = z.infer<typeof campaignItemSchema>;

/** The answer: all items at once, under `campaignItems` (or the older `items`). */
export const campaignItemsResponseSchema = z.union([
  z.object({ campaignItems: z.array(z.unknown()).max(100_000) }).passthrough(),
  z.object({ items: z.array(z.unknown()).max(100_000) }).passthrough(),
]);
