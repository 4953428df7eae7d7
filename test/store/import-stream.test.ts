import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adInputSchema, type AdInput } from "../../common/ad-input.js";
import { InputError } from "../../common/errors.js";
import { IMPORT_BATCH, importAdStream } from "../../store/queries/ads.js";
import { openTestStore, type TestStore } from "../support/store.js";

const NOW = new Date("2026-03-10T00:00:00Z");
const ad = (over: Partial<AdInput> & { id: string }): AdInput => adInputSchema.parse({ source: "bulk", publisher: "bulk.example", text: `ad ${over.id}`, ...over });

/** More ads than one batch holds, so batch boundaries are crossed; ids repeat across the boundary. */
const MANY = IMPORT_BATCH * 2 + 17;
function* many(round: number): Generator<AdInput> {
  for (let i = 0; i < MANY; i++) yield ad({ id: `m-${i}`, publisher: `pub-${i % 7}.example`, first_seen: `2026-03-0${round}T10:00:00Z`, last_seen: `2026-03-0${round}T12:00:00Z` });
}

async function count(store: TestStore, table: "ad" | "observation" | "publisher"): Promise<number> {
  const r = await store.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  return Number(r.n);
}

describe("streamed import in batches", () => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openTestStore();
  });
  afterAll(async () => {
    await store?.close();
  });

  it("stores text exactly as given (quotes, backslashes, braces, NULL, empty; NUL as U+FFFD), a later line of one batch winning", async () => {
    const tricky = ['say "hi"', "back\\slash\\", "{a,b}", "NULL", "", "comma, and ; semi", "één 🗳️", "tab\tnew\nline", "trailing\\"];
    const ads = tricky.map((text, i) => ad({ id: `t-${i}`, text, sponsor: text || null, label: i % 2 ? null : text, targeting: { q: text, n: i }, notice: { note: text } }));
    ads.push(ad({ id: "t-nul", text: "a\u0000b", extra_field: { deep: ['"x"', "\\"] } } as Partial<AdInput> & { id: string }));
    ads.push(ad({ id: "t-dup", text: "first" }), ad({ id: "t-dup", text: "second" }));
    await importAdStream(store.db, ads, { now: NOW });
    const rows = await store.db.selectFrom("ad").select(["external_id", "text", "sponsor", "label", "targeting", "notice_inline", "extra"]).where("source", "=", "bulk").where("external_id", "like", "t-%").execute();
    const byId = new Map(rows.map((r) => [r.external_id, r]));
    tricky.forEach((text, i) => {
      const r = byId.get(`t-${i}`)!;
      expect(r.text).toBe(text);
      expect(r.sponsor).toBe(text || null);
      expect(r.label).toBe(i % 2 ? null : text);
      expect(typeof r.targeting === "string" ? JSON.parse(r.targeting) : r.targeting).toEqual({ q: text, n: i });
      expect(typeof r.notice_inline === "string" ? JSON.parse(r.notice_inline) : r.notice_inline).toEqual({ note: text });
    });
    const nul = byId.get("t-nul")!;
    expect(nul.text).toBe("a\ufffdb");
    expect(byId.get("t-dup")?.text).toBe("second");
    expect(typeof nul.extra === "string" ? JSON.parse(nul.extra) : nul.extra).toEqual({ extra_field: { deep: ['"x"', "\\"] } });
  });

  it("crosses batch boundaries, merges a later line for the same ad from another batch, and doubles nothing when re-imported", async () => {
    const before = { ad: await count(store, "ad"), observation: await count(store, "observation") };
    const withRepeat = function* () {
      yield* many(1);
      yield ad({ id: "m-3", text: "replaced", publisher: "late.example", first_seen: "2026-02-01T00:00:00Z", last_seen: "2026-03-01T11:00:00Z" });
    };
    expect(await importAdStream(store.db, withRepeat(), { now: NOW })).toBe(MANY + 1);
    expect(await count(store, "ad")).toBe(before.ad + MANY);
    expect(await count(store, "observation")).toBe(before.observation + MANY);
    await importAdStream(store.db, many(2), { now: NOW });
    expect(await count(store, "ad")).toBe(before.ad + MANY);
    expect(await count(store, "observation")).toBe(before.observation + MANY);
    const m3 = await store.db.selectFrom("ad").innerJoin("publisher", "publisher.id", "ad.publisher_id").select(["ad.text", "publisher.name", "ad.first_seen_at", "ad.last_seen_at"]).where("ad.source", "=", "bulk").where("ad.external_id", "=", "m-3").executeTakeFirstOrThrow();
    expect(m3.name).toBe("pub-3.example");
    expect(m3.text).toBe("ad m-3");
    expect(new Date(m3.first_seen_at).toISOString()).toBe("2026-02-01T00:00:00.000Z");
    expect(new Date(m3.last_seen_at).toISOString()).toBe("2026-03-02T12:00:00.000Z");
    const obs = await store.db.selectFrom("observation").innerJoin("ad", "ad.id", "observation.ad_id").select("observation.seen_at").where("ad.external_id", "=", "m-3").where("ad.source", "=", "bulk").execute();
    expect(obs.map((o) => new Date(o.seen_at).toISOString())).toEqual(["2026-03-02T12:00:00.000Z"]);
    expect(await store.db.selectFrom("publisher").select("name").where("name", "like", "pub-%").execute()).toHaveLength(7);
  });

  it("writes nothing when the input fails after several batches were sent", async () => {
    const before = { ad: await count(store, "ad"), observation: await count(store, "observation"), publisher: await count(store, "publisher") };
    const failing = function* () {
      for (let i = 0; i < MANY; i++) yield ad({ id: `f-${i}`, publisher: `fail-${i}.example` });
      throw new InputError(`line ${MANY + 1}: field "id": required`, { line: MANY + 1, field: "id" });
    };
    const err = await importAdStream(store.db, failing(), { now: NOW }).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).message).toContain(`line ${MANY + 1}`);
    expect({ ad: await count(store, "ad"), observation: await count(store, "observation"), publisher: await count(store, "publisher") }).toEqual(before);
  });
});
