/**
 * Google political-ads transparency bundle source: imports `creative_stats` CSV files given as seed URLs
 * (Google publishes the bundle for download; polad reads the extracted CSV from wherever the operator
 * serves it, e.g. a loopback file server). Built from the bundle's public column docs and the real NL
 * sample. No creative text or label comes with it: those are on the Ads Transparency Center.
 *
 * Checked against real material: the creative_stats columns, bucket and spend notations and the
 * region filter on the 503 real NL rows (favstats-DutchElectionObservatory-2021,
 * test/sources/google-bundle.test.ts). Checked only against the replica: serving the CSV over HTTP.
 */
import { UsageError } from "../../../common/errors.js";
import { GiveUp, RetryLater } from "../../errors.js";
import type { AdSource, SourceContext, WorkItem } from "../../source.js";
import { GOOGLE_BUNDLE_SOURCE_ID, parseCreativeStats } from "./parse.js";

/** Drops the partial last line of a body cut at the byte limit, so no half row is imported. */
function wholeLines(body: string, truncated: boolean): string {
  if (!truncated) return body;
  const cut = body.lastIndexOf("\n");
  return cut > 0 ? body.slice(0, cut + 1) : "";
}

async function importCsv(item: WorkItem, ctx: SourceContext, country: string | null): Promise<void> {
  const res = await ctx.fetch(item.url, { headers: { accept: "text/csv,text/plain;q=0.9,*/*;q=0.5" } });
  if (res.status >= 500) throw new RetryLater(`http-${res.status}`, `creative_stats answered HTTP ${res.status}`);
  if (res.status !== 200) throw new GiveUp(`http-${res.status}`, `creative_stats answered HTTP ${res.status}`);
  const truncated = res.headers["x-polad-truncated"] === "1";
  if (truncated) ctx.log.warn({ source: GOOGLE_BUNDLE_SOURCE_ID, url: item.url }, "creative_stats larger than the fetch limit: importing the whole rows received");
  let ads;
  try {
    ads = parseCreativeStats(wholeLines(res.body, truncated), { country });
  } catch (err) {
    throw new GiveUp("bad-csv", err instanceof Error ? err.message : String(err), { cause: err });
  }
  const seenAt = ctx.now().toISOString();
  for (const ad of ads) {
    await ctx.emit({
      ad,
      notice: null,
      sighting: { pageUrl: item.url, frameChain: [], seenAt, viewport: null, userAgent: null, screenshotPng: null, html: null, labelStyles: [], links: typeof ad.ad_url === "string" ? [ad.ad_url] : [] },
    });
  }
  ctx.log.info({ source: GOOGLE_BUNDLE_SOURCE_ID, url: item.url, ads: ads.length }, "creative_stats imported");
}

/** The Google political-ads bundle source (registry entry). */
export const googlePoliticalBundleSource: AdSource = {
  id: GOOGLE_BUNDLE_SOURCE_ID,
  description: "Google political-ads transparency bundle: creative_stats CSV (spend and impression ranges, targeting)",
  seed(opts) {
    const urls = opts.seeds.filter((s) => /^https?:\/\//.test(s));
    if (urls.length === 0) throw new UsageError("google-political-bundle needs the URL of a creative_stats CSV (--seed)");
    return urls.map((url) => ({ url, kind: "google-bundle-csv" }));
  },
  async handle(item, ctx, opts) {
    const c = typeof opts.country === "string" ? opts.country.toUpperCase() : Array.isArray(opts.countries) ? String(opts.countries[0] ?? "NL").toUpperCase() : "NL";
    await importCsv(item, ctx, c === "ALL" ? null : c);
  },
};
