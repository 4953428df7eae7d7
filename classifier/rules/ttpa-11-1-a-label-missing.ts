import { type Rule, finding, noticeAbsent, quote } from "./facts.js";

/** Art. 11(1)(a): the statement that this is a political advertisement. */
export const labelMissing: Rule = {
  id: "ttpa.11-1-a.label-missing",
  article: "Art. 11(1)(a) Regulation (EU) 2024/900",
  title: "No statement that the ad is a political advertisement",
  severity: "high",
  description: "Every political ad must say, with the ad, that it is a political advertisement (e.g. \"Politieke advertentie\"). Commercial markers such as \"Gesponsord\", \"Sponsored\", \"Advertentie\" or \"Anzeige\" do not count. Critical when the notice is missing too.",
  scope: "ttpa",
  check(f) {
    if (f.label.statement) return null;
    const markers = f.label.commercialMarkers.length > 0 ? ` It only shows the commercial marker ${f.label.commercialMarkers.map((m) => quote(m)).join(", ")}, which says it is an ad, not that it is political.` : "";
    const both = noticeAbsent(f);
    return finding(this, `Art. 11(1)(a): this political ad does not say that it is a political advertisement.${markers}${both ? " There is no transparency notice either." : ""}`, both ? "critical" : this.severity);
  },
};
