import { z } from "zod";

/** ISO 8601 date-time string, with or without offset. */
const isoTime = z.string().refine((s) => !Number.isNaN(Date.parse(s)), { message: "not an ISO 8601 date-time" });

/**
 * One ad as given on the command line or produced by a crawler source (issue 2 input format).
 * Unknown fields are kept (passthrough), not rejected.
 */
export const adInputSchema = z
  .object({
    id: z.string().min(1).max(512),
    source: z.string().min(1).max(128),
    publisher: z.string().min(1).max(512),
    sponsor: z.string().max(2048).nullish(),
    text: z.string().max(200_000).nullish(),
    html: z.string().max(2_000_000).nullish(),
    label: z.string().max(20_000).nullish(),
    notice_url: z.string().max(4096).nullish(),
    notice: z.union([z.string().max(2_000_000), z.record(z.string(), z.unknown())]).nullish(),
    notice_status: z.number().int().min(0).max(999).nullish(),
    targeting: z.record(z.string(), z.unknown()).nullish(),
    first_seen: isoTime.nullish(),
    last_seen: isoTime.nullish(),
    country: z.string().min(2).max(8).default("NL"),
    /** The publisher's own name for itself (og:site_name, site profile, page title), shown beside its host. */
    site_name: z.string().max(200).nullish(),
    /** Text read by OCR from the ad's screenshot, where the label or message is only in the picture. */
    ocr_text: z.string().max(20_000).nullish(),
    /** Where the notice link's redirects ended, and the notice's content type, as fetched. */
    notice_final_url: z.string().max(4096).nullish(),
    notice_content_type: z.string().max(256).nullish(),
    /** The latest re-probe of the notice link (polad schedule --notices): its status, when, and how it compared. */
    notice_reprobe: z.object({ status: z.number().int().min(0).max(999), probed_at: isoTime, outcome: z.enum(["first", "unchanged", "changed", "gone", "back"]) }).nullish(),
  })
  .passthrough();

/** A validated ad input record. */
export type AdInput = z.infer<typeof adInputSchema>;
