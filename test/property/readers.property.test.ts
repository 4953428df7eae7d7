import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultActorRegistry } from "../../classifier/actors.js";
import { classify } from "../../classifier/classify.js";
import { detectLabel } from "../../classifier/label.js";
import { htmlToText } from "../../classifier/normalize.js";
import { parseNotice } from "../../classifier/notice.js";
import { adInputSchema } from "../../common/ad-input.js";
import { anyJson, hostileString, RUNS } from "./arbitraries.js";

const actors = defaultActorRegistry();
const ORDER = ["sponsor", "sponsorContact", "sponsorAddress", "controller", "payer", "period", "amounts", "origin", "method", "election", "targeting", "notification"];

describe("the classifier's readers answer any input, the same way twice", () => {
  it("detectLabel returns label facts for any text and links", () => {
    fc.assert(
      fc.property(hostileString, fc.array(hostileString, { maxLength: 4 }), (text, hrefs) => {
        const a = detectLabel(text, hrefs);
        expect(a).toEqual(detectLabel(text, hrefs));
        expect(a.targeting === null || a.targeting === "stated" || a.targeting === "denied").toBe(true);
        expect(Array.isArray(a.commercialMarkers)).toBe(true);
        if (a.sponsor !== null) expect(a.sponsor.length).toBeLessThanOrEqual(120);
      }),
      RUNS,
    );
  });

  it("htmlToText returns trimmed, non-empty lines for any markup", () => {
    fc.assert(
      fc.property(hostileString, (html) => {
        const text = htmlToText(html);
        for (const line of text.split("\n")) if (text) expect(line).toBe(line.trim());
        expect(text).not.toMatch(/\n\n/);
      }),
      RUNS,
    );
  });

  it("parseNotice reads any string body with any content type, and any JSON object", () => {
    fc.assert(
      fc.property(fc.oneof(hostileString, anyJson.map((j) => JSON.stringify(j) ?? "")), fc.option(fc.constantFrom("text/html", "application/json", "application/pdf", "text/plain", "")), (body, type) => {
        const f = parseNotice(body, type);
        expect(typeof f.isNotice).toBe("boolean");
        expect(f.found.every((e) => ORDER.includes(e))).toBe(true);
        expect(parseNotice(body, type)).toEqual(f);
      }),
      RUNS,
    );
    fc.assert(
      fc.property(fc.dictionary(hostileString, anyJson, { maxKeys: 8 }), (obj) => {
        expect(typeof parseNotice(obj).isNotice).toBe("boolean");
      }),
      RUNS,
    );
  });

  it("classify gives one deterministic verdict for any ad the input schema accepts", () => {
    const ad = fc.record({
      id: fc.string({ minLength: 1, maxLength: 20 }), source: fc.constantFrom("publisher", "meta-ad-library", "google-political-bundle", "x"),
      publisher: fc.string({ minLength: 1, maxLength: 20 }), sponsor: fc.option(hostileString), text: fc.option(hostileString), html: fc.option(hostileString),
      label: fc.option(hostileString), notice: fc.option(fc.oneof(hostileString, fc.dictionary(fc.string({ maxLength: 10 }), anyJson, { maxKeys: 5 }))),
      notice_status: fc.option(fc.integer({ min: 0, max: 999 })), notice_url: fc.option(hostileString), targeting: fc.option(fc.dictionary(fc.string({ maxLength: 8 }), anyJson, { maxKeys: 4 })),
      first_seen: fc.option(fc.date({ min: new Date("2019-01-01"), max: new Date("2030-01-01"), noInvalidDate: true }).map((d) => d.toISOString())),
      country: fc.constantFrom("NL", "DE", "US", "EU", "nl", "XX"),
    });
    fc.assert(
      fc.property(ad, fc.date({ min: new Date("2020-01-01"), max: new Date("2030-01-01"), noInvalidDate: true }), (raw, now) => {
        const input = adInputSchema.parse(raw);
        const v = classify(input, { now, actors });
        expect(v.id).toBe(input.id);
        expect(v.score).toBeGreaterThanOrEqual(0);
        expect(v.score).toBeLessThanOrEqual(1);
        if (!v.political) expect(v.findings).toEqual([]);
        expect(classify(input, { now, actors })).toEqual(v);
      }),
      { numRuns: 100 },
    );
  });
});
