import type { NoticeElement } from "../notice.js";
import { type AdFacts, type Rule, finding, quote } from "./facts.js";

/** Art. 11(1)(e) with Art. 12: the notice link must lead to a notice. */
export const noticeUnreachable: Rule = {
  id: "ttpa.11-1-e.notice-unreachable",
  article: "Art. 11(1)(e) and Art. 12 Regulation (EU) 2024/900",
  title: "Notice link is broken or does not lead to a notice",
  severity: "high",
  description: "The notice link must work for the whole time the ad runs: an error status, a timeout, a homepage or a login wall instead of the notice all fail.",
  scope: "ttpa",
  check(f) {
    const url = f.ad.notice_url;
    if (!url) return null;
    const status = f.ad.notice_status;
    if (status === 0) return finding(this, `Art. 11(1)(e): the notice link ${quote(url)} could not be reached (no response), so people cannot read the notice.`);
    if (status != null && status >= 400) return finding(this, `Art. 11(1)(e): the notice link ${quote(url)} answers with HTTP ${status}, so people cannot read the notice.`);
    if (f.notice && !f.notice.isNotice) {
      return finding(this, `Art. 11(1)(e): the notice link ${quote(url)} leads to a page that is not a transparency notice (no sponsor, period, amounts or election fields found).`);
    }
    return null;
  },
};

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
};

/** The elements a notice must contain for this ad; the "where applicable" ones only when they apply. */
export function requiredElements(f: AdFacts): NoticeElement[] {
  const required: NoticeElement[] = ["sponsor", "sponsorContact", "sponsorAddress", "period", "amounts", "origin"];
  if (f.electionLink) required.push("election");
  if (f.targetingUsed) required.push("targeting");
  return required;
}

/** Art. 12(1): the notice's mandatory elements. */
export const noticeIncomplete: Rule = {
  id: "ttpa.12-1.notice-incomplete",
  article: "Art. 12(1) Regulation (EU) 2024/900",
  title: "Transparency notice lacks mandatory elements",
  severity: "medium",
  description: "The notice must give the sponsor's name, e-mail and address, the period, the amounts spent and their origin, and (where applicable) the election and whether targeting was used. \"n.v.t.\" counts as missing for these items.",
  scope: "ttpa",
  check(f) {
    if (!f.notice || !f.notice.isNotice) return null;
    const missing = requiredElements(f).filter((e) => !f.notice?.found.includes(e));
    if (missing.length === 0) return null;
    const severity = missing.includes("sponsor") ? "high" : this.severity;
    return finding(this, `Art. 12(1): the transparency notice lacks ${missing.map((e) => ELEMENT_NAMES[e]).join("; ")}.`, severity);
  },
};

/** Art. 11(1)(b) with Art. 12(1)(a): label, source and notice must name the same sponsor. */
export const sponsorMismatch: Rule = {
  id: "ttpa.12.sponsor-mismatch",
  article: "Art. 11(1)(b) and Art. 12(1)(a)-(b) Regulation (EU) 2024/900",
  title: "Sponsor differs between label, ad source and notice",
  severity: "medium",
  description: "The sponsor named with the ad, by the ad library and in the notice must be the same entity. Legal forms, \"afdeling\", branches of the same party, and a notice that names the other party as payer or controlling entity are accepted.",
  scope: "ttpa",
  check(f) {
    const n = f.notice?.isNotice ? f.notice : null;
    const pairs: Array<[string, string | null | undefined, string, string | null | undefined]> = [
      ["label", f.label.sponsor, "notice", n?.sponsor],
      ["ad source", f.ad.sponsor, "notice", n?.sponsor],
      ["label", f.label.sponsor, "ad source", f.ad.sponsor],
    ];
    for (const [whereA, a, whereB, b] of pairs) {
      if (!a || !b || agrees(f, a, b, n)) continue;
      return finding(this, `Art. 12(1)(a): the ${whereA} names ${quote(a, 60)} as sponsor but the ${whereB} names ${quote(b, 60)}; these are different entities.`);
    }
    return null;
  },
};

function agrees(f: AdFacts, a: string, b: string, n: AdFacts["notice"]): boolean {
  const same = (x: string, y: string | null | undefined): boolean => !!y && f.actors.sameEntity(x, y);
  return same(a, b) || same(a, n?.payer) || same(a, n?.controller) || same(b, n?.payer) || same(b, n?.controller);
}
