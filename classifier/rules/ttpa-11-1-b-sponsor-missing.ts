import { foldText } from "../normalize.js";
import { type Rule, finding, quote } from "./facts.js";

/** Art. 11(1)(b): the sponsor's identity in the label. */
export const sponsorMissing: Rule = {
  id: "ttpa.11-1-b.sponsor-missing",
  article: "Art. 11(1)(b) Regulation (EU) 2024/900",
  title: "Label does not name the sponsor",
  severity: "high",
  description: "The label must say who the sponsor is (\"Betaald door X\", \"Opdrachtgever: X\", \"Paid for by X\") and, where applicable, who controls the sponsor.",
  scope: "ttpa",
  check(f) {
    if (f.label.sponsor) return null;
    const known = f.ad.sponsor?.trim();
    if (known && known.length >= 2 && foldText(f.labelText).includes(foldText(known))) return null;
    const hint = known ? ` The source reports ${quote(known)} as sponsor, but the ad does not show it.` : "";
    return finding(this, `Art. 11(1)(b): the ad does not name who sponsored it (for example "Betaald door …").${hint}`);
  },
};
