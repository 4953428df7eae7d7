import { describe, expect, it } from "vitest";
import { defaultActorRegistry } from "../../classifier/actors.js";
import { classify } from "../../classifier/classify.js";
import { detectLabel } from "../../classifier/label.js";
import { htmlToText } from "../../classifier/normalize.js";
import { parseNotice } from "../../classifier/notice.js";
import { adInputSchema } from "../../common/ad-input.js";
import { BROKEN_NOTICES, HOSTILE_HTML } from "./html-notice-corpus.js";

const actors = defaultActorRegistry();
const now = new Date("2026-03-10T00:00:00Z");

describe("hostile ad HTML gets a well-defined answer from the label reader and the classifier", () => {
  it.each(HOSTILE_HTML.map((c) => [c.name, c] as const))("%s", (_n, c) => {
    const text = htmlToText(c.html);
    const label = detectLabel(text);
    if ("sponsor" in c.expect) expect(label.sponsor).toBe(c.expect.sponsor);
    if ("statement" in c.expect) expect(label.statement).toBe(c.expect.statement);
    if (c.expect.textIncludes) expect(text).toContain(c.expect.textIncludes);
    if (c.expect.textExcludes) expect(text).not.toContain(c.expect.textExcludes);
    // The classifier takes the same HTML as an ad (cut to the input schema's 2 MB bound) and answers.
    const ad = adInputSchema.parse({ id: "h", source: "publisher", publisher: "nu.nl", html: c.html.slice(0, 2_000_000), label: c.label });
    const v = classify(ad, { now, actors });
    expect(v.id).toBe("h");
    expect(typeof v.political).toBe("boolean");
    expect(Array.isArray(v.findings)).toBe(true);
  });
});

describe("broken, empty, foreign and corrupt notices are read as what they are: not notices", () => {
  it.each(BROKEN_NOTICES.map((c) => [c.name, c] as const))("%s", (_n, c) => {
    const facts = parseNotice(c.body, c.contentType ?? null);
    expect(facts).toMatchObject(c.expect);
  });

  it("a real notice after the same treatment still reads (the negatives are not vacuous)", () => {
    const facts = parseNotice("Transparantieverklaring politieke advertentie\nSponsor: VVD\nE-mail: info@vvd.nl\nPeriode: 1-2-2026 tot 18-3-2026\nBedrag: € 1.250\nVerkiezing: gemeenteraad 18 maart 2026");
    expect(facts).toMatchObject({ isNotice: true, sponsor: "VVD", sponsorEmail: "info@vvd.nl", amounts: "€ 1.250" });
  });
});
