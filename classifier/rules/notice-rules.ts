import type { NoticeElement } from "../notice.js";
import { noticeUnavailableReason } from "../notice-availability.js";
import { type AdFacts, type Rule, finding, quote } from "./facts.js";

/** Art. 11(1)(e) with Art. 12: the notice link must lead to a notice. */
export const noticeUnreachable: Rule = {
  id: "ttpa.11-1-e.notice-unreachable",
  article: "Art. 11(1)(e) and Art. 12 Regulation (EU) 2024/900",
  title: "Notice link is broken or does not lead to a notice",
  severity: "high",
  description: "The notice link must work for the whole time the ad runs: an error status, a timeout, a redirect to a home page, a login or cookie wall, a page that is no notice, or the notice of another campaign (another notice id or another election) all fail.",
  scope: "ttpa",
  check(f) {
    const url = f.ad.notice_url;
    if (!url) return null;
    const reason = noticeUnavailableReason({
      url, status: f.ad.notice_status, finalUrl: typeof f.ad.notice_final_url === "string" ? f.ad.notice_final_url : null,
      body: f.ad.notice, notice: f.notice, adElection: f.label.election ?? f.political.electionCue,
    });
    return reason ? finding(this, `Art. 11(1)(e): the notice link ${quote(url)} ${reason}, so people cannot read this ad's notice.`) : null;
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
      if (!a || !b || f.actors.sameEntity(a, b)) continue;
      // Against the notice: the name may be its payer or controlling entity. Between label and source: both names
      // may belong to the notice's parties (sponsor, payer, controlling entity).
      const ok = whereB === "notice" ? inNotice(f, a, n, false) : inNotice(f, a, n, true) && inNotice(f, b, n, true);
      if (ok) continue;
      return finding(this, `Art. 12(1)(a): the ${whereA} names ${quote(a, 60)} as sponsor but the ${whereB} names ${quote(b, 60)}; these are different entities.`);
    }
    return null;
  },
};

// A name agrees with the notice when it is the notice's payer or controlling entity (or, when asked, its sponsor).
function inNotice(f: AdFacts, name: string, n: AdFacts["notice"], withSponsor: boolean): boolean {
  const candidates = [n?.payer, n?.controller, withSponsor ? n?.sponsor : null];
  return candidates.some((c) => !!c && f.actors.sameEntity(name, c));
}
