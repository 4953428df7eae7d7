import { Readable } from "node:stream";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ActorsCsvError, parseActorsCsv } from "../../classifier/actors.js";
import { adInputSchema } from "../../common/ad-input.js";
import { InputError } from "../../common/errors.js";
import { readJsonLines } from "../../common/jsonl.js";
import { parseCreativeStats } from "../../crawler/sources/google-political-bundle/parse.js";
import { parseAdCards } from "../../crawler/sources/google-ads-transparency/cards.js";
import { interpretArchiveResponse } from "../../crawler/sources/meta-ad-library/api.js";
import { mapArchivedAd } from "../../crawler/sources/meta-ad-library/map.js";
import { anyJson, hostileString, RUNS } from "./arbitraries.js";

/** Runs `f`; returns its value, or the error it threw (assertions stay outside, so they are not mistaken for refusals). */
function attempt<T>(f: () => T): { ok: true; value: T } | { ok: false; error: unknown } {
  try {
    return { ok: true, value: f() };
  } catch (error) {
    return { ok: false, error };
  }
}

/** A programming error (not a refusal): what "never throws" rules out. */
function isCrash(e: unknown): boolean {
  return !(e instanceof Error) || e instanceof TypeError || e instanceof RangeError || e instanceof ReferenceError || e instanceof SyntaxError;
}

async function readAll(bytes: Uint8Array, chunk: number): Promise<number> {
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunk) chunks.push(Buffer.from(bytes.subarray(i, i + chunk)));
  let n = 0;
  for await (const _ of readJsonLines(Readable.from(chunks), adInputSchema)) n++;
  return n;
}

const TOKEN = "EAAGpropertyTOKEN1234";

describe("importers and payload parsers answer or reject with their own error, never crash", () => {
  it("readJsonLines yields records or rejects with an InputError naming a line, for any bytes in any chunking", async () => {
    const line = fc.oneof(hostileString, anyJson.map((j) => JSON.stringify(j) ?? ""), fc.record({ id: hostileString, source: fc.constant("s"), publisher: fc.constant("p") }).map((o) => JSON.stringify(o)));
    const input = fc.oneof(
      fc.array(line, { maxLength: 8 }).map((ls) => Buffer.from(ls.join("\n"), "utf8")),
      fc.uint8Array({ maxLength: 300 }),
    );
    await fc.assert(
      fc.asyncProperty(input, fc.integer({ min: 1, max: 64 }), async (bytes, chunk) => {
        try {
          const n = await readAll(bytes, chunk);
          expect(n).toBeGreaterThanOrEqual(0);
        } catch (e) {
          expect(e).toBeInstanceOf(InputError);
          expect((e as InputError).message).toMatch(/^line \d+: /);
        }
      }),
      RUNS,
    );
  });

  it("readJsonLines reads back every valid record, whatever the chunk size", async () => {
    const rec = fc.record({ id: fc.string({ minLength: 1, maxLength: 10 }).filter((s) => !s.includes("\u0000")), source: fc.constant("s"), publisher: fc.constant("p"), text: fc.option(fc.string({ maxLength: 30 }).filter((s) => !s.includes("\u0000"))) });
    await fc.assert(
      fc.asyncProperty(fc.array(rec, { maxLength: 10 }), fc.integer({ min: 1, max: 32 }), async (recs, chunk) => {
        expect(await readAll(Buffer.from(recs.map((r) => JSON.stringify(r)).join("\r\n"), "utf8"), chunk)).toBe(recs.length);
      }),
      RUNS,
    );
  });

  it("parseActorsCsv returns rows or throws an ActorsCsvError (an InputError) for any text", () => {
    const csv = fc.oneof(hostileString, fc.array(fc.array(hostileString, { maxLength: 5 }), { maxLength: 6 }).map((rows) => ["name,party,kind,aliases", ...rows.map((r) => r.join(","))].join("\n")));
    fc.assert(
      fc.property(csv, (text) => {
        const r = attempt(() => parseActorsCsv(text));
        if (r.ok) {
          for (const row of r.value) expect(row.name.length > 0 && !row.name.includes("\u0000")).toBe(true);
        } else {
          expect(r.error).toBeInstanceOf(ActorsCsvError);
          expect(r.error).toBeInstanceOf(InputError);
        }
      }),
      RUNS,
    );
  });

  it("parseCreativeStats returns ads or refuses with a creative_stats message for any text", () => {
    const csv = fc.oneof(hostileString, fc.array(fc.array(hostileString, { maxLength: 4 }), { maxLength: 5 }).map((rows) => ["ad_id,regions,impressions,spend_range_min_eur,first_served_timestamp", ...rows.map((r) => r.join(","))].join("\n")));
    fc.assert(
      fc.property(csv, (text) => {
        const r = attempt(() => parseCreativeStats(text, { country: null }));
        if (r.ok) {
          for (const ad of r.value) expect(adInputSchema.safeParse(ad).error?.issues ?? []).toEqual([]);
        } else {
          expect(isCrash(r.error)).toBe(false);
          expect((r.error as Error).message).toMatch(/^creative_stats/);
        }
      }),
      RUNS,
    );
  });

  it("mapArchivedAd maps or refuses any JSON record; what it maps passes the ad schema and carries no token", () => {
    const rec = fc.oneof(anyJson, fc.record({ id: fc.oneof(hostileString, fc.integer()), ad_creative_bodies: fc.array(hostileString, { maxLength: 3 }), bylines: hostileString, ad_snapshot_url: fc.constant(`https://x.test/render_ad/?id=1&access_token=${TOKEN}`) }, { requiredKeys: [] }));
    fc.assert(
      fc.property(rec, (rec1) => {
        const r = attempt(() => mapArchivedAd(rec1));
        if (r.ok) {
          expect(adInputSchema.safeParse(r.value.ad).error?.issues ?? []).toEqual([]);
          expect(JSON.stringify(r.value.ad) + String(r.value.snapshotUrl)).not.toContain(TOKEN);
        } else {
          expect(isCrash(r.error)).toBe(false);
          expect((r.error as Error).message).toMatch(/^ads_archive record/);
        }
      }),
      RUNS,
    );
  });

  it("interpretArchiveResponse gives one of four outcomes for any response, and never repeats the token", () => {
    const body = fc.oneof(hostileString, anyJson.map((j) => JSON.stringify(j) ?? ""), hostileString.map((m) => JSON.stringify({ error: { message: `${m} ${TOKEN}`, code: 190 } })));
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 599 }), body, fc.dictionary(fc.constantFrom("x-business-use-case-usage", "x-app-usage", "X-App-Usage"), hostileString), (status, b, headers) => {
        const out = interpretArchiveResponse({ status, headers, body: b }, TOKEN);
        expect(["page", "backoff", "fatal", "retry"]).toContain(out.kind);
        expect(JSON.stringify(out)).not.toContain(TOKEN);
      }),
      RUNS,
    );
  });

  it("parseAdCards reads any markup into at most 500 cards", () => {
    fc.assert(
      fc.property(hostileString.map((s) => `<creative-preview><a href="/advertiser/AR1/creative/CR1">${s}</a></creative-preview>${s}`), (html) => {
        expect(parseAdCards(html).length).toBeLessThanOrEqual(500);
      }),
      { numRuns: 60 },
    );
  });
});
