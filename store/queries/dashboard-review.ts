import type { Kysely } from "kysely";
import type { Database } from "../schema.js";
import { setReviewStatusWithAggregates } from "./dashboard-aggregates.js";

/** Review states a finding can be put in. */
export const REVIEW_STATUSES = ["open", "confirmed", "dismissed"] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/**
 * Records a reviewer's decision on a finding (who, when, note), moving it between the dashboard's
 * aggregate cells in the same transaction. Returns the ad id, or undefined if no such finding.
 */
export async function reviewFinding(db: Kysely<Database>, r: { findingId: number; status: ReviewStatus; note: string | null; by: string; at: Date }): Promise<number | undefined> {
  return setReviewStatusWithAggregates(db, r.findingId, async (tx) => {
    const row = await tx
      .updateTable("finding")
      .set({ review_status: r.status, review_note: r.note, reviewed_by: r.by, reviewed_at: r.at })
      .where("id", "=", r.findingId)
      .returning("ad_id")
      .executeTakeFirst();
    return row ? Number(row.ad_id) : undefined;
  }, r.status);
}
