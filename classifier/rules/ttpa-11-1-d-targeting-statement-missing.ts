import { type Rule, finding } from "./facts.js";

/** Art. 11(1)(d): the statement that targeting or ad-delivery techniques were used. */
export const targetingStatementMissing: Rule = {
  id: "ttpa.11-1-d.targeting-statement-missing",
  article: "Art. 11(1)(d) Regulation (EU) 2024/900",
  title: "Targeting used but the label does not say so",
  severity: "high",
  description: "When targeting or ad-delivery techniques were used, the label must say so (\"gericht getoond op basis van persoonsgegevens\"). A label that says no targeting was used while the ad was targeted is also flagged.",
  scope: "ttpa",
  check(f) {
    if (!f.targetingUsed || f.label.targeting === "stated") return null;
    const why = f.label.targeting === "denied" ? "its label says no targeting was used" : "its label does not say so";
    return finding(this, `Art. 11(1)(d): targeting or ad-delivery techniques were used for this ad, but ${why}.`);
  },
};
