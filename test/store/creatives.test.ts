import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adInputSchema, type AdInput } from "../../common/ad-input.js";
import { bandKeys, jaccard, wordSet } from "../../common/minhash.js";
import { importAds } from "../../store/queries/ads.js";
import { clusterCreatives, listCreativeSiblings } from "../../store/queries/creatives.js";
import { openTestStore, type TestStore } from "../support/store.js";

const ad = (id: string, source: string, sponsor: string, text: string): AdInput => adInputSchema.parse({ id, source, publisher: source, sponsor, text });
const UTRECHT = "Stem op 15 maart op GroenLinks-PvdA in Utrecht. Samen voor een eerlijke en groene stad, lijst 3.";
const AMERSFOORT = "Stem op 18 maart op GroenLinks-PvdA in Amersfoort. Samen voor een eerlijke en groene stad, lijst 3.";
const VVD = "Stem op 15 maart op de VVD in Utrecht. Voor een veilige en welvarende stad, lijst 1.";
const BAKER = "Grote uitverkoop bij de bakker: twee broden voor de prijs van een, alleen deze week.";

describe("near-duplicate creatives", () => {
  let store: TestStore;
  const idOf = async (source: string, externalId: string) => Number((await store.db.selectFrom("ad").select("id").where("source", "=", source).where("external_id", "=", externalId).executeTakeFirstOrThrow()).id);
  const creativeOf = async (source: string, externalId: string) => Number((await store.db.selectFrom("ad").select("creative_id").where("source", "=", source).where("external_id", "=", externalId).executeTakeFirstOrThrow()).creative_id);
  beforeAll(async () => {
    store = await openTestStore();
  });
  afterAll(async () => {
    await store?.close();
  });

  it("finds candidates by MinHash bands and decides by word overlap", () => {
    const [u, a, v, b] = [UTRECHT, AMERSFOORT, VVD, BAKER].map((t) => wordSet(`GroenLinks-PvdA ${t}`));
    expect(jaccard(u!, a!)).toBeGreaterThanOrEqual(0.7);
    expect(jaccard(u!, v!)).toBeLessThan(0.7);
    expect(bandKeys(u!).filter((k) => bandKeys(a!).includes(k)).length).toBeGreaterThan(0);
    expect(bandKeys(u!).filter((k) => bandKeys(b!).includes(k))).toEqual([]);
    expect(bandKeys(wordSet("Stem VVD"))).toEqual([]);
  });

  it("groups exact and near duplicates under the first ad, keeps different texts apart, and is stable when more ads arrive", async () => {
    await importAds(store.db, [
      ad("u1", "meta-ad-library", "GroenLinks-PvdA Utrecht", UTRECHT),
      ad("v1", "meta-ad-library", "VVD Utrecht", VVD),
      ad("b1", "publisher", "Bakkerij", BAKER),
      ad("s1", "publisher", "VVD", "Stem VVD"),
    ], new Date("2026-03-10T00:00:00Z"));
    expect(await clusterCreatives(store.db)).toBe(4);
    await importAds(store.db, [
      ad("a1", "meta-ad-library", "GroenLinks-PvdA Utrecht", AMERSFOORT),
      ad("u-copy", "google-ads-transparency", "GroenLinks-PvdA Utrecht", UTRECHT),
      ad("s2", "tiktok-ad-library", "VVD", "Stem VVD"),
      ad("s3", "tiktok-ad-library", "VVD", "Stem PVV"),
    ], new Date("2026-03-11T00:00:00Z"));
    expect(await clusterCreatives(store.db)).toBe(4);
    expect(await clusterCreatives(store.db)).toBe(0);
    const u1 = await idOf("meta-ad-library", "u1");
    expect(await creativeOf("meta-ad-library", "u1")).toBe(u1);
    expect(await creativeOf("meta-ad-library", "a1")).toBe(u1);
    expect(await creativeOf("google-ads-transparency", "u-copy")).toBe(u1);
    expect(await creativeOf("meta-ad-library", "v1")).toBe(await idOf("meta-ad-library", "v1"));
    expect(await creativeOf("publisher", "b1")).toBe(await idOf("publisher", "b1"));
    // Short texts: exact content only.
    expect(await creativeOf("tiktok-ad-library", "s2")).toBe(await idOf("publisher", "s1"));
    expect(await creativeOf("tiktok-ad-library", "s3")).toBe(await idOf("tiktok-ad-library", "s3"));
    const siblings = await listCreativeSiblings(store.db, u1);
    expect(siblings.map((s) => s.externalId).sort()).toEqual(["a1", "u-copy"]);
    // An ad whose text changes under the same id is grouped again; one seen again unchanged keeps its creative.
    await importAds(store.db, [ad("b1", "publisher", "Bakkerij", AMERSFOORT), ad("v1", "meta-ad-library", "VVD Utrecht", VVD)], new Date("2026-03-12T00:00:00Z"));
    expect((await store.db.selectFrom("ad").select("creative_id").where("external_id", "=", "b1").executeTakeFirstOrThrow()).creative_id).toBeNull();
    expect(await creativeOf("meta-ad-library", "v1")).toBe(await idOf("meta-ad-library", "v1"));
    expect(await clusterCreatives(store.db)).toBe(1);
    expect(await creativeOf("publisher", "b1")).toBe(u1);
  });
});
