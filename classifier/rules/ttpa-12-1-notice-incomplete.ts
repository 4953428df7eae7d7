import type { NoticeElement } from "../notice.js";
import { type AdFacts, type Rule, finding } from "./facts.js";

const ELEMENT_NAMES: Record<NoticeElement, string> = {
  sponsor: "sponsor name (12(1)(a))",
  sponsorContact: "sponsor e-mail address (12(1)(a))",
  sponsorAddress: "sponsor address (12(1)(a))",
  controller: "controlling entity (12(1)(a))",
  payer: "payer (12(1)(b))",
  period: "dissemination period (12(1)(c))",
  amounts: "amounts spent (12(1)(d))",
  origin: "origin of the amounts, public/private and inside/outside the EU (12(1)(e))",
  method: "calculation method (12(1)(f))",
  election: "linked election or process (12(1)(g))",
  targeting: "whether targeting was used (12(1))",
  notification: "how to report the ad (Art. 15)",
  repository: "link to the European repository (12(1)(i))",
};

/**
 * Elements the law requires without condition: "n.v.t." is no answer for them. The others are "where applicable"
 * (controlling entity, payer, election, targeting, repository link), so "n.v.t." is accepted unless the facts show
 * the element applies. The calculation method (f) is not demanded: politiekereclame.nl asks it only for in-kind value.
 */
export const UNCONDITIONAL: readonly NoticeElement[] = ["sponsor", "sponsorContact", "sponsorAddress", "period", "amounts", "origin"];

/** The elements a notice must contain for this ad; the "where applicable" ones only when they apply. */
export function requiredElements(f: AdFacts): NoticeElement[] {
  const required: NoticeElement[] = [...UNCONDITIONAL];
  if (f.electionLink) required.push("election");
  if (f.targetingUsed) required.push("targeting");
  if (f.repositoryRequired) required.push("repository");
  return required;
}

function describeMissing(f: AdFacts, e: NoticeElement): string {
  const name = ELEMENT_NAMES[e];
  if (!f.notice?.notApplicable.includes(e)) return name;
  if (UNCONDITIONAL.includes(e)) return `${name}, answered "n.v.t." although the law requires it without condition`;
  const why = e === "election" ? "the ad is linked to a vote" : e === "targeting" ? "targeting was used" : "it applies to this ad";
  return `${name}, answered "n.v.t." although ${why}`;
}

/** Art. 12(1): the notice's mandatory elements. */
export const noticeIncomplete: Rule = {
  id: "ttpa.12-1.notice-incomplete",
  article: "Art. 12(1) Regulation (EU) 2024/900",
  title: "Transparency notice lacks mandatory elements",
  severity: "medium",
  description: "The notice must give the sponsor's name, e-mail and address, the period, the amounts spent and their origin; where applicable the election, whether targeting was used and (once the European repository is live) a link to it. \"n.v.t.\" is accepted only for the \"where applicable\" items, and only when they do not apply.",
  scope: "ttpa",
  check(f) {
    if (!f.notice || !f.notice.isNotice) return null;
    const missing = requiredElements(f).filter((e) => !f.notice?.found.includes(e));
    if (missing.length === 0) return null;
    const severity = missing.includes("sponsor") ? "high" : this.severity;
    return finding(this, `Art. 12(1): the transparency notice lacks ${missing.map((e) => describeMissing(f, e)).join("; ")}.`, severity);
  },
};
