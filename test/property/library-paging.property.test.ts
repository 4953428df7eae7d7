import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseSearchAnswer } from "../../crawler/sources/google-ads-transparency/rpc.js";
import { paginationToken } from "../../crawler/sources/linkedin-ad-library/pager.js";
import { parseSearchApiAnswer } from "../../crawler/sources/tiktok-ad-library/pager.js";
import { anyJson, hostileString, RUNS } from "./arbitraries.js";

/** A refusal is a plain Error with a message; TypeError, RangeError, SyntaxError and non-errors are crashes. */
function refusedOrAnswered(f: () => unknown): void {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(Error);
    expect([TypeError, RangeError, SyntaxError, ReferenceError].some((c) => e instanceof c)).toBe(false);
  }
}

const answerText = fc.oneof(hostileString, anyJson.map((j) => JSON.stringify(j) ?? ""), anyJson.map((j) => `)]}'\n${JSON.stringify(j) ?? ""}`),
  fc.record({ "1": fc.array(fc.record({ "1": hostileString, "2": hostileString, "12": fc.option(hostileString) }), { maxLength: 4 }), "2": fc.option(hostileString) }).map((o) => JSON.stringify(o)),
  fc.record({ data: fc.array(fc.record({ id: fc.oneof(hostileString, fc.bigInt({ min: 0n, max: 10n ** 25n }).map(String)) }), { maxLength: 4 }), has_more: fc.boolean(), search_id: hostileString }).map((o) => JSON.stringify(o).replace(/"id":"(\d+)"/g, '"id":$1')));

describe("library list answers: an answer or the parser's own refusal, never a crash", () => {
  it("SearchCreatives answers (Transparency Center)", () => {
    fc.assert(fc.property(answerText, (t) => refusedOrAnswered(() => {
      const p = parseSearchAnswer(t);
      for (const c of p.creatives) expect(`${c.advertiserId}/${c.creativeId}`).toMatch(/^AR\d+\/CR\d+$/);
    })), RUNS);
  });

  it("TikTok library search answers: ids only digits", () => {
    fc.assert(fc.property(answerText, (t) => refusedOrAnswered(() => {
      for (const id of parseSearchApiAnswer(t).ids) expect(id).toMatch(/^\d+$/);
    })), RUNS);
  });

  it("LinkedIn pagination metadata: a token or null, never a throw", () => {
    const page = fc.oneof(hostileString, fc.tuple(hostileString, anyJson, hostileString).map(([a, j, b]) => `${a}<code id="paginationMetadata"><!--${JSON.stringify(j) ?? ""}--></code>${b}`));
    fc.assert(fc.property(page, (html) => {
      const t = paginationToken(html);
      expect(t === null || (typeof t === "string" && t.length > 0 && t !== "0")).toBe(true);
    }), RUNS);
  });
});
