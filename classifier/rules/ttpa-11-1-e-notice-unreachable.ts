import { noticeUnavailableReason } from "../notice-availability.js";
import { type Rule, finding, quote } from "./facts.js";

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
