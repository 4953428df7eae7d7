import type { RuleInfo } from "../../common/verdict.js";
import type { Rule } from "./facts.js";
import { electionMissing, labelMissing, noticeMissing, sponsorMissing, targetingStatementMissing } from "./label-rules.js";
import { noticeIncomplete, noticeUnreachable, sponsorMismatch } from "./notice-rules.js";
import { labelNotSalient } from "./salience-rule.js";
import { politicalAdBan, thirdCountrySponsor } from "./signal-rules.js";

/** Every rule in evaluation order. Ids are stored in the database: never rename or reuse one. */
export const RULE_CHECKS: readonly Rule[] = [
  labelMissing, sponsorMissing, electionMissing, targetingStatementMissing, noticeMissing, noticeUnreachable,
  labelNotSalient, noticeIncomplete, sponsorMismatch, thirdCountrySponsor, politicalAdBan,
];

/** Rule metadata for the dashboard and `polad rules`. */
export const RULES: RuleInfo[] = RULE_CHECKS.map(({ id, article, title, severity, description }) => ({ id, article, title, severity, description }));
