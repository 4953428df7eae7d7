import { describe, expect, it } from "vitest";
import { classify } from "../../classifier/classify.js";
import { adInputSchema } from "../../common/ad-input.js";

const now = new Date("2026-03-15T00:00:00Z");
const ad = (over: Record<string, unknown>) => adInputSchema.parse({ id: "c", source: "publisher", publisher: "nieuws.nl", last_seen: "2026-03-10T00:00:00Z", ...over });

describe("an ad marked commercial", () => {
  it("goes to review, not to findings, when only the text model points to politics", () => {
    const v = classify(ad({ label: "Gesponsord", text: "Stroomwijs Energie: drie jaar vast tarief voor stroom en gas, nu met 150 euro welkomstkorting." }), { now });
    expect(v.decision).not.toBe("yes");
    expect(v.findings).toEqual([]);
  });

  it("is still political when a party is its sponsor: the marker is then the wrong label", () => {
    const v = classify(ad({ label: "Gesponsord", sponsor: "VVD", text: "Meer blauw op straat. Stem op 18 maart VVD." }), { now });
    expect(v.political).toBe(true);
    expect(v.findings.map((f) => f.rule)).toContain("ttpa.11-1-a.label-missing");
  });
});
