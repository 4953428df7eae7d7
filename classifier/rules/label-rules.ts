import { foldText } from "../normalize.js";
import { type AdFacts, type Rule, finding, quote } from "./facts.js";

function noticeAbsent(f: AdFacts): boolean {
  return !f.ad.notice_url && f.ad.notice == null && f.label.noticePointer === null;
}

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

/** Art. 11(1)(e): the notice itself or where to find it. */
export const noticeMissing: Rule = {
  id: "ttpa.11-1-e.notice-missing",
  article: "Art. 11(1)(e) Regulation (EU) 2024/900",
  title: "No transparency notice and no pointer to one",
  severity: "high",
  description: "The ad must carry its transparency notice or a clear indication (link, URL, QR code) of where it can easily be found.",
  scope: "ttpa",
  check(f) {
    if (!noticeAbsent(f)) return null;
    return finding(this, "Art. 11(1)(e): the ad gives no transparency notice and no link or URL saying where to find one.");
  },
};
