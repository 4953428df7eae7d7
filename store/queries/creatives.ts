import { sql, type Kysely } from "kysely";
import { bandKeys, jaccard, SAME_CREATIVE_JACCARD, wordSet } from "../../common/minhash.js";
import type { Database } from "../schema.js";

const BATCH = 2_000;

/** The text a creative is judged on: who says what (the sponsor line is part of the creative). */
const creativeText = (r: { sponsor: string | null; text: string | null }) => `${r.sponsor ?? ""} ${r.text ?? ""}`;

/**
 * Assigns every ad without one to a creative: the creative of an ad with the same content hash, else
 * of a near duplicate (MinHash band candidates whose word sets overlap >= SAME_CREATIVE_JACCARD), else
 * a creative of its own. Ads are taken in id order, so a creative is named after its first ad and a
 * rerun changes nothing. Returns how many ads were assigned.
 */
export async function clusterCreatives(db: Kysely<Database>, o: { onProgress?: (n: number) => void } = {}): Promise<number> {
  let done = 0;
  for (;;) {
    const batch = await db.selectFrom("ad").select(["id", "sponsor", "text", "content_hash"]).where("creative_id", "is", null).orderBy("id").limit(BATCH).execute();
    if (batch.length === 0) return done;
    const items = batch.map((r) => {
      const words = wordSet(creativeText(r));
      return { id: Number(r.id), hash: r.content_hash, words, keys: bandKeys(words), creative: 0 };
    });
    const exact = await db.selectFrom("ad").select(["content_hash", sql<string>`min(creative_id)`.as("creative")])
      .where("content_hash", "in", [...new Set(items.map((i) => i.hash))]).where("creative_id", "is not", null).groupBy("content_hash").execute();
    const byHash = new Map(exact.map((e) => [e.content_hash, Number(e.creative)]));
    const allKeys = [...new Set(items.flatMap((i) => i.keys))];
    const candidates = allKeys.length === 0 ? [] : await db.selectFrom("ad").select(["id", "sponsor", "text", "creative_id", "creative_bands"])
      .where("creative_id", "is not", null).where(sql<boolean>`creative_bands && ${sql.val(allKeys)}::bigint[]`).execute();
    // Earlier ads of this batch join the candidate pool as they are assigned.
    const pool = candidates.map((c) => ({ creative: Number(c.creative_id), words: wordSet(creativeText(c)), keys: new Set((c.creative_bands ?? []).map(Number)) }));
    for (const it of items) {
      let creative = byHash.get(it.hash) ?? 0;
      if (!creative && it.keys.length) {
        for (const c of pool) {
          if ((!creative || c.creative < creative) && it.keys.some((k) => c.keys.has(k)) && jaccard(it.words, c.words) >= SAME_CREATIVE_JACCARD) creative = c.creative;
        }
      }
      it.creative = creative || it.id;
      if (!byHash.has(it.hash)) byHash.set(it.hash, it.creative);
      if (it.keys.length) pool.push({ creative: it.creative, words: it.words, keys: new Set(it.keys) });
    }
    await sql`
      update ad set creative_id = t.creative, creative_bands = t.bands::bigint[]
      from unnest(${sql.val(items.map((i) => i.id))}::bigint[], ${sql.val(items.map((i) => i.creative))}::bigint[], ${sql.val(items.map((i) => `{${i.keys.join(",")}}`))}::text[]) as t(id, creative, bands)
      where ad.id = t.id`.execute(db);
    done += items.length;
    o.onProgress?.(done);
  }
}

/** Another ad of the same creative, as the ad page lists it. */
export interface CreativeSibling { id: number; source: string; externalId: string; firstSeenAt: Date }

/** The other ads of an ad's creative (exact and near duplicates), oldest first, at most 500. */
export async function listCreativeSiblings(db: Kysely<Database>, adId: number): Promise<CreativeSibling[]> {
  const rows = await db.selectFrom("ad as a").innerJoin("ad as me", "me.creative_id", "a.creative_id")
    .select(["a.id", "a.source", "a.external_id", "a.first_seen_at"]).where("me.id", "=", adId).where("a.id", "!=", adId).orderBy("a.id").limit(500).execute();
  return rows.map((r) => ({ id: Number(r.id), source: r.source, externalId: r.external_id, firstSeenAt: new Date(r.first_seen_at) }));
}
