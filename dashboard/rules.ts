import { RULES } from "../classifier/rules/index.js";
import type { RuleInfo } from "../common/verdict.js";

/** All rules the dashboard knows, in the classifier's registry order. */
export function listRuleInfo(): RuleInfo[] {
  return RULES;
}

/** The metadata for one rule id; an unknown id (from an older rule set) gets a neutral entry. */
export function ruleInfo(id: string): RuleInfo {
  return RULES.find((r) => r.id === id) ?? { id, article: "?", severity: "info", title: id, description: "" };
}

/** True for enforcement signals that are not breaches of the regulation. */
export function isSignalRule(id: string): boolean {
  return id.startsWith("platform.");
}
