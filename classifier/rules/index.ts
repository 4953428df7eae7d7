import type { RuleInfo } from "../../common/verdict.js";
import type { Rule } from "./facts.js";
import { disclaimerMissing } from "./platform-disclaimer-missing.js";
import { politicalAdBan } from "./platform-political-ad-ban.js";
import { labelMissing } from "./ttpa-11-1-a-label-missing.js";
import { sponsorMissing } from "./ttpa-11-1-b-sponsor-missing.js";
import { electionMissing } from "./ttpa-11-1-c-election-missing.js";
import { targetingStatementMissing } from "./ttpa-11-1-d-targeting-statement-missing.js";
import { noticeMissing } from "./ttpa-11-1-e-notice-missing.js";
import { noticeUnreachable } from "./ttpa-11-1-e-notice-unreachable.js";
import { labelNotSalient } from "./ttpa-11-1-label-not-salient.js";
import { noticeIncomplete } from "./ttpa-12-1-notice-incomplete.js";
import { noticeWithdrawn } from "./ttpa-12-notice-withdrawn.js";
import { sponsorMismatch } from "./ttpa-12-sponsor-mismatch.js";
import { thirdCountrySponsor } from "./ttpa-5-2-third-country-sponsor.js";

/**
 * The registry: every rule in evaluation order, one file per rule named after its id. Ids are stored in the database
 * with every finding: never rename or reuse one (test/classifier/rules.test.ts holds the list of stable ids).
 */
export const RULE_CHECKS: readonly Rule[] = [
  labelMissing, sponsorMissing, electionMissing, targetingStatementMissing, noticeMissing, noticeUnreachable,
  labelNotSalient, noticeIncomplete, sponsorMismatch, noticeWithdrawn, thirdCountrySponsor, politicalAdBan, disclaimerMissing,
];

/** Rule metadata for the dashboard and `polad rules`. */
export const RULES: RuleInfo[] = RULE_CHECKS.map(({ id, article, title, severity, description }) => ({ id, article, title, severity, description }));
