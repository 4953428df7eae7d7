import { type Rule, finding, quote } from "./facts.js";

const ok = (status: number | null | undefined) => typeof status === "number" && status >= 200 && status < 300;

/**
 * Art. 12: notices stay available and are kept, with their changes, for seven years (the paragraph
 * number is not verified against the legal text: see the reference's TTPA-12-RET). The evidence is a
 * re-probe (`polad schedule --notices`): the notice could be read when the ad was seen, and the
 * latest visit found an error or no answer.
 */
export const noticeWithdrawn: Rule = {
  id: "ttpa.12.notice-withdrawn",
  article: "Art. 12 Regulation (EU) 2024/900 (retention of notices)",
  title: "Notice readable when the ad ran, gone on a later visit",
  severity: "medium",
  description: "A transparency notice must stay available, and notices are kept for seven years. polad visits archived notices again on a schedule: when the notice could be read at the time the ad was seen but the latest visit answers with an error or not at all, the notice was withdrawn.",
  scope: "ttpa",
  check(f) {
    const url = f.ad.notice_url;
    const probe = f.ad.notice_reprobe;
    if (!url || !probe || !ok(f.ad.notice_status) || ok(probe.status)) return null;
    const answer = probe.status === 0 ? "did not answer" : `answered HTTP ${probe.status}`;
    return finding(this, `Art. 12: the notice ${quote(url)} could be read when the ad was seen, but ${answer} when polad visited it again on ${probe.probed_at.slice(0, 10)}; notices must stay available.`);
  },
};
