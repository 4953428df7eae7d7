import { type Rule, finding, quote } from "./facts.js";

const str = (v: unknown): string | null => (typeof v === "string" && v.trim() ? v.trim() : null);
const obj = (v: unknown): Record<string, unknown> => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

/**
 * Meta's Ad Library report lists, per page, the ads about social issues, elections or politics that
 * "ran without a disclaimer" (no "Paid for by"). That breaks Meta's own policy; for ads seen from
 * 10 October 2025 the missing sponsor is also evidence under Art. 11(1)(b). Judged on report lines
 * (record_kind advertiser-report) as imported by the meta-ad-library-report source.
 */
export const disclaimerMissing: Rule = {
  id: "platform.disclaimer-missing",
  article: "Meta advertising policy on ads about social issues, elections or politics (\"Paid for by\" disclaimer); from 10 October 2025 also Art. 11(1)(b)",
  title: "Political ads ran without a \"Paid for by\" disclaimer (platform report)",
  severity: "medium",
  description: "The platform's own ad library report lists this page with political or issue ads that ran without a disclaimer naming who paid for them. The report line is the evidence: it gives the report date, period, page and spend.",
  scope: "platform",
  check(f) {
    if (f.ad.record_kind !== "advertiser-report" || f.ad.ran_without_disclaimer !== true) return null;
    const report = obj(f.ad.report);
    const spend = obj(f.ad.spend);
    const page = str(f.ad.page_name) ?? "an unnamed page";
    const pageId = str(f.ad.page_id);
    const when = [str(report.date), str(report.period), str(report.region)].filter(Boolean).join(", ");
    const amount = [str(spend.text), str(spend.currency)].filter(Boolean).join(" ");
    return finding(this, `Meta's Ad Library report${when ? ` (${when})` : ""} lists the page ${quote(page)}${pageId ? ` (id ${pageId})` : ""} with political or issue ads that ran without a "Paid for by" disclaimer${amount ? `; amount spent ${amount}` : ""}.`);
  },
};
