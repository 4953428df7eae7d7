import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parseAdCards } from "../../crawler/sources/google-ads-transparency/cards.js";

const repoRoot = join(import.meta.dirname, "..", "..");
const dir = resolve(repoRoot, "../shared/data/real/c4d-google-political-transparency-report-html");

describe.skipIf(!existsSync(dir))("Google transparency ad cards (real saved markup, US 2020)", () => {
  const read = (f: string) => parseAdCards(readFileSync(join(dir, f), "utf8"));

  it("reads the text ad's creative apart from the library's 'Paid for by' metadata", () => {
    const [card] = read("text-ad.html");
    expect(card).toMatchObject({ advertiserId: "AR105500339708362752", creativeId: "CR538317525704769536", format: "Text ad.", creativeMarker: "Ad" });
    expect(card!.library.paidForBy).toBe("DONALD J. TRUMP FOR PRESIDENT, INC.");
    expect(card!.creativeText).toContain("Find Your Election Day Polling Place");
    expect(card!.creativeText).not.toContain("Paid for by");
    expect(card!.library.impressions).toEqual({ min: 100_000, max: 1_000_000 });
    expect(card!.library.spend).toEqual({ min: 100_000, max: null });
  });

  it("reads image and video cards: no creative text outside the frame, stats and date range from the footer", () => {
    for (const f of ["image-ad.html", "image-ad2.html", "video-ad.html"]) {
      const [card] = read(f);
      expect(card!.library.paidForBy).toBe("TRUMP MAKE AMERICA GREAT AGAIN COMMITTEE");
      expect(card!.creativeText).toBeNull();
      expect(card!.library.dateRange).toMatch(/^\d+\/\d+\/20 - 11\/3\/20$/);
    }
    expect(read("video-ad.html")[0]!.library.spend).toEqual({ min: 50_000, max: 100_000 });
  });
});
