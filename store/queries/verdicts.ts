import { sql, type Kysely } from "kysely";
import { UNCLASSIFIED_RECORD_KINDS } from "../../common/record-kinds.js";
import type { AdInput } from "../../common/ad-input.js";
import type { LabelStyle } from "../../common/capture.js";
import type { Verdict } from "../../common/verdict.js";
import type { Database } from "../schema.js";

/** A stored ad rebuilt as classifier input, with the style facts of its latest sighting. */
export interface StoredAd { adId: number; input: AdInput; labelStyles: LabelStyle[] }

function json<T>(v: unknown): T {
  return (typeof v === "string" ? JSON.parse(v) : v) as T;
}

function noticeValue(body: string | null, contentType: string | null): AdInput["notice"] {
  if (body === null) return null;
  if (contentType?.includes("json") || /^\s*[{[]/.test(body)) {
    try {
      const parsed: unknown = JSON.parse(body);
      if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
    } catch {
      return body; // not JSON after all: the classifier reads it as text
    }
  }
  return body;
}

function reprobeOf(v: unknown): AdInput["notice_reprobe"] {
  const p = json<{ status: number; probed_at: string; outcome: NonNullable<AdInput["notice_reprobe"]>["outcome"] }>(v);
  return { status: p.status, probed_at: new Date(p.probed_at).toISOString(), outcome: p.outcome };
}

/** Lists stored ads (and report lines; not registry statements) in id order after `afterId`, as classifier input (keyset pagination). */
export async function listStoredAds(db: Kysely<Database>, o: { afterId: number; limit: number }): Promise<StoredAd[]> {
  const rows = await db
    .selectFrom("ad")
    .innerJoin("publisher as p", "p.id", "ad.publisher_id")
    .leftJoin("notice as n", "n.id", "ad.notice_id")
    .select([
      "ad.id", "ad.source", "ad.external_id", "p.name as publisher", "ad.sponsor", "ad.text", "ad.html", "ad.label", "ad.notice_url",
      "ad.notice_inline", "ad.notice_status", "ad.targeting", "ad.extra", "ad.country", "ad.first_seen_at", "ad.last_seen_at",
      "n.body as notice_body", "n.status as fetched_status", "n.content_type as notice_type", "n.final_url as notice_final",
      (eb) => eb.selectFrom("observation as o").select("o.label_styles").whereRef("o.ad_id", "=", "ad.id").orderBy("o.seen_at", "desc").limit(1).as("label_styles"),
      // The latest re-probe of the notice link (polad schedule --notices), for the retention rule.
      sql<unknown>`(select json_build_object('status', np.status, 'probed_at', np.probed_at, 'outcome', np.outcome) from notice_probe np
        where np.url = ad.notice_url order by np.probed_at desc, np.id desc limit 1)`.as("reprobe"),
    ])
    .where("ad.id", ">", o.afterId)
    .where(sql<string>`coalesce(ad.extra->>'record_kind', '')`, "not in", [...UNCLASSIFIED_RECORD_KINDS])
    .orderBy("ad.id")
    .limit(o.limit)
    .execute();
  return rows.map((r) => {
    const inline = r.notice_inline === null ? undefined : json<AdInput["notice"]>(r.notice_inline);
    const input: AdInput = {
      ...json<Record<string, unknown>>(r.extra),
      id: r.external_id, source: r.source, publisher: r.publisher, sponsor: r.sponsor, text: r.text, html: r.html, label: r.label,
      notice_url: r.notice_url, notice: inline ?? noticeValue(r.notice_body, r.notice_type),
      notice_status: r.notice_status ?? r.fetched_status ?? null,
      ...(r.notice_type ? { notice_content_type: r.notice_type } : {}),
      ...(r.notice_final ? { notice_final_url: r.notice_final } : {}),
      ...(r.reprobe ? { notice_reprobe: reprobeOf(r.reprobe) } : {}),
      targeting: r.targeting === null ? null : json<Record<string, unknown>>(r.targeting),
      first_seen: new Date(r.first_seen_at).toISOString(), last_seen: new Date(r.last_seen_at).toISOString(), country: r.country,
    };
    return { adId: Number(r.id), input, labelStyles: r.label_styles ? json<LabelStyle[]>(r.label_styles) : [] };
  });
}

/**
 * Stores verdicts and their findings in one transaction. A finding that is still found keeps its
 * review status; one no longer found under the new rule set is removed.
 */
export async function saveVerdicts(db: Kysely<Database>, items: Array<{ adId: number; verdict: Verdict }>): Promise<void> {
  if (items.length === 0) return;
  await db.transaction().execute(async (tx) => {
    for (const { adId, verdict: v } of items) {
      const row = { ad_id: adId, political: v.political, score: v.score, decision: v.decision, party: v.party, reasons: JSON.stringify(v.reasons), rule_set: v.ruleSet, classified_at: new Date() };
      await tx.insertInto("verdict").values(row).onConflict((oc) => oc.column("ad_id").doUpdateSet(row)).execute();
      const rules = v.findings.map((f) => f.rule);
      let del = tx.deleteFrom("finding").where("ad_id", "=", adId);
      if (rules.length > 0) del = del.where("rule", "not in", rules);
      await del.execute();
      for (const f of v.findings) {
        const values = { ad_id: adId, rule: f.rule, severity: f.severity, message: f.message, rule_set: v.ruleSet, review_note: null, reviewed_by: null, reviewed_at: null };
        await tx
          .insertInto("finding")
          .values(values)
          .onConflict((oc) => oc.columns(["ad_id", "rule"]).doUpdateSet({ severity: f.severity, message: f.message, rule_set: v.ruleSet }))
          .execute();
      }
    }
  });
}
