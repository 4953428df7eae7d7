import { type Rule, finding, quote } from "./facts.js";

/** Art. 11(1)(c): the election, referendum or legislative process, where the ad is linked to one. */
export const electionMissing: Rule = {
  id: "ttpa.11-1-c.election-missing",
  article: "Art. 11(1)(c) Regulation (EU) 2024/900",
  title: "Label does not name the election the ad is linked to",
  severity: "high",
  description: "When the ad is linked to an election, referendum or legislative process, the label must say which one (\"in het kader van de gemeenteraadsverkiezingen\").",
  scope: "ttpa",
  check(f) {
    // Without a label statement there is no label to name the election: the ad's own text does not count.
    if ((f.label.statement && f.label.election) || !f.electionLink) return null;
    return finding(this, `Art. 11(1)(c): the ad refers to a vote or process (${quote(f.electionLink)}) but its label does not say which election, referendum or process it is linked to.`);
  },
};
