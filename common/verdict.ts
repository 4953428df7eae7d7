/** Severity of a finding, most serious first. */
export const SEVERITIES = ["critical", "high", "medium", "low", "info"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** One broken duty (or signal) found in an ad; `rule` is a stable id such as `ttpa.11-1-a.label-missing`. */
export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
}

/** The classifier's answer for one ad (issue 2 verdict format). */
export interface Verdict {
  id: string;
  political: boolean;
  score: number;
  /** "yes" | "review" | "no": the band the score falls in. */
  decision: "yes" | "review" | "no";
  reasons: string[];
  party: string | null;
  findings: Finding[];
  ruleSet: string;
}

/** Metadata every rule carries: id, the article it cites, a one-line title and its default severity. */
export interface RuleInfo {
  id: string;
  article: string;
  title: string;
  severity: Severity;
  /** Plain-language explanation for the dashboard's rule page. */
  description: string;
}
