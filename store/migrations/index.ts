import type { Migration } from "kysely";
import * as initial from "./0001-initial.js";
import * as advertiserReport from "./0002-advertiser-report.js";
import * as dashboardAggregates from "./0003-dashboard-aggregates.js";
import * as schedule from "./0004-schedule.js";
import * as creative from "./0005-creative.js";
import * as textSearch from "./0006-text-search.js";
import * as pageScreenshot from "./0007-page-screenshot.js";
import * as publisherSiteName from "./0008-publisher-site-name.js";
import * as frontierClaim from "./0009-frontier-claim.js";

/** Every migration in order; names sort lexically and are never renamed. */
export const MIGRATIONS: Record<string, Migration> = {
  "0001-initial": initial,
  "0002-advertiser-report": advertiserReport,
  "0003-dashboard-aggregates": dashboardAggregates,
  "0004-schedule": schedule,
  "0005-creative": creative,
  "0006-text-search": textSearch,
  "0007-page-screenshot": pageScreenshot,
  "0008-publisher-site-name": publisherSiteName,
  "0009-frontier-claim": frontierClaim,
};
