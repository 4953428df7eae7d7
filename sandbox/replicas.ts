import { adServer } from "./publisher/ad-server.js";
import { makeHostileSite } from "./publisher/hostile.js";
import { nieuwsdagblad } from "./publisher/nieuwsdagblad.js";
import { noticeHost } from "./publisher/notice-host.js";
import { createMetaReplica } from "./platforms/meta-ad-library/replica.js";
import { googleBundleReplica } from "./platforms/google-political-bundle/replica.js";
import { atcReplica } from "./platforms/google-ads-transparency/replica.js";
import { metaReportReplica } from "./platforms/meta-ad-library-report/replica.js";
import { tiktokReplica } from "./platforms/tiktok-ad-library/replica.js";
import { linkedinReplica } from "./platforms/linkedin-ad-library/replica.js";
import { createStatementsApiReplica } from "./publisher/statements-api.js";
import { createDpgReplica } from "./platforms/dpg-political-ads/replica.js";
import { dpgSiteReplica } from "./publisher/dpg-site.js";
import { createMicrosoftReplica } from "./platforms/microsoft-ad-library/replica.js";
import type { Replica } from "./replica.js";

/** Every replica the sandbox serves, each on its own loopback port. One line per replica. */
export const REPLICAS: Replica[] = [
  nieuwsdagblad,
  adServer,
  noticeHost,
  makeHostileSite(),
  createMetaReplica(),
  googleBundleReplica,
  atcReplica,
  metaReportReplica,
  tiktokReplica,
  linkedinReplica,
  createStatementsApiReplica(),
  createDpgReplica(),
  dpgSiteReplica,
  createMicrosoftReplica(),
];
