import { describe, expect, it } from "vitest";
import { parseCreativeStats } from "../../crawler/sources/google-political-bundle/parse.js";
import { interpretArchiveResponse } from "../../crawler/sources/meta-ad-library/api.js";
import { mapArchivedAd } from "../../crawler/sources/meta-ad-library/map.js";
import { BAD_BUNDLE_CSV, BAD_META_RECORDS, ODD_BUNDLE_CSV, ODD_META_RESPONSES } from "./source-payloads-corpus.js";

const TOKEN = "TOKEN-XYZ-123";

function thrown(f: () => unknown): Error | null {
  try {
    f();
    return null;
  } catch (e) {
    return e as Error;
  }
}

describe("Google creative_stats CSV: bad files are refused naming the line and field", () => {
  it.each(BAD_BUNDLE_CSV.map((c) => [c.name, c] as const))("%s", (_n, c) => {
    const err = thrown(() => parseCreativeStats(c.csv, { country: null }));
    expect(err).toBeInstanceOf(Error);
    expect(err).not.toBeInstanceOf(TypeError);
    expect(err!.message).toMatch(c.message);
  });

  it.each(ODD_BUNDLE_CSV.map((c) => [c.name, c] as const))("answers %s with one well-defined ad", (_n, c) => {
    const ads = parseCreativeStats(c.csv, { country: null });
    expect(ads).toHaveLength(1);
    expect(ads[0]).toMatchObject(c.check);
  });
});

describe("Meta ads_archive: records with fields missing, renamed or of the wrong type", () => {
  it.each(BAD_META_RECORDS.map((c) => [c.name, c] as const))("refuses %s naming the field", (_n, c) => {
    const err = thrown(() => mapArchivedAd(c.record));
    expect(err).toBeInstanceOf(Error);
    expect(err).not.toBeInstanceOf(TypeError);
    expect(err!.message).toMatch(c.message);
  });

  it("maps renamed creative fields to nothing rather than guessing: text and label stay empty", () => {
    const { ad } = mapArchivedAd({ id: "9", body: "Stem VVD", creative: { text: "x" }, funder: "VVD", page_name: "VVD Utrecht" });
    expect(ad).toMatchObject({ id: "9", text: null, label: null, sponsor: "VVD Utrecht", byline: null });
  });

  it("maps the 2019 singular names and an unreadable date to null", () => {
    const { ad } = mapArchivedAd({ ad_snapshot_url: "https://www.facebook.com/ads/archive/render_ad/?id=77&access_token=" + TOKEN, ad_creative_body: "Stem", funding_entity: " D66 ", ad_delivery_start_time: "yesterday" });
    expect(ad).toMatchObject({ id: "77", text: "Stem", sponsor: "D66", first_seen: null });
    expect(JSON.stringify(ad)).not.toContain(TOKEN);
  });

  it.each(ODD_META_RESPONSES.map((c) => [c.name, c] as const))("treats %s as a defined outcome, never as a page of ads", (_n, c) => {
    const out = interpretArchiveResponse({ status: c.status, headers: { "x-business-use-case-usage": "{not json" }, body: c.body }, TOKEN);
    expect(out.kind).toBe(c.kind);
    if (c.reason && "reason" in out) expect(out.reason).toMatch(c.reason);
    expect(JSON.stringify(out)).not.toContain(TOKEN);
  });
});
