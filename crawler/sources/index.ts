import type { AdSource } from "../source.js";
import { publisherSource } from "./publisher/source.js";
import { metaAdLibrarySource } from "./meta-ad-library/index.js";
import { googlePoliticalBundleSource } from "./google-political-bundle/index.js";
import { googleAdsTransparencySource } from "./google-ads-transparency/index.js";
import { metaAdLibraryReportSource } from "./meta-ad-library-report/index.js";
import { tiktokAdLibrarySource } from "./tiktok-ad-library/index.js";
import { linkedinAdLibrarySource } from "./linkedin-ad-library/index.js";
import { politiekereclameNlSource } from "./politiekereclame-nl/index.js";
import { dpgPoliticalAdsSource } from "./dpg-political-ads/index.js";
import { microsoftAdLibrarySource } from "./microsoft-ad-library/index.js";
import { noticeProbeSource } from "./notice-probe/index.js";

/** Every source polad can crawl, by id: one line per source. */
export const SOURCES: Record<string, AdSource> = {
  publisher: publisherSource,
  "meta-ad-library": metaAdLibrarySource,
  "google-political-bundle": googlePoliticalBundleSource,
  "google-ads-transparency": googleAdsTransparencySource,
  "meta-ad-library-report": metaAdLibraryReportSource,
  "tiktok-ad-library": tiktokAdLibrarySource,
  "linkedin-ad-library": linkedinAdLibrarySource,
  "politiekereclame-nl": politiekereclameNlSource,
  "dpg-political-ads": dpgPoliticalAdsSource,
  "microsoft-ad-library": microsoftAdLibrarySource,
  "notice-probe": noticeProbeSource,
};

/** The source with this id; throws a message listing the known ids. */
export function getSource(id: string): AdSource {
  const s = SOURCES[id];
  if (!s) throw new Error(`unknown source "${id}"; known: ${Object.keys(SOURCES).join(", ")}`);
  return s;
}
