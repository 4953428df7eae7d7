import type { Kysely } from "kysely";
import type { Database } from "../schema.js";

/** An ad with its verdict and finding rules: what scoring against known truth needs. */
export interface JudgedAd { source: string; externalId: string; publisher: string; sponsor: string | null; text: string | null; html: string | null; label: string | null; political: boolean | null; party: string | null; rules: string[] }

/** Lists every stored ad with its verdict and the rules of its findings, in id order. */
export async function listJudgedAds(db: Kysely<Database>): Promise<JudgedAd[]> {
  const rows = await db
    .selectFrom("ad")
    .innerJoin("publisher as p", "p.id", "ad.publisher_id")
    .leftJoin("verdict as v", "v.ad_id", "ad.id")
    .select(["ad.id", "ad.source", "ad.external_id", "p.name as publisher", "ad.sponsor", "ad.text", "ad.html", "ad.label", "v.political", "v.party"])
    .orderBy("ad.id")
    .execute();
  const findings = await db.selectFrom("finding").select(["ad_id", "rule"]).execute();
  const byAd = new Map<number, string[]>();
  for (const f of findings) byAd.set(Number(f.ad_id), [...(byAd.get(Number(f.ad_id)) ?? []), f.rule]);
  return rows.map((r) => ({
    source: r.source, externalId: r.external_id, publisher: r.publisher, sponsor: r.sponsor, text: r.text, html: r.html, label: r.label,
    political: r.political, party: r.party, rules: (byAd.get(Number(r.id)) ?? []).sort(),
  }));
}
