import { type Rule, finding, noticeAbsent } from "./facts.js";

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
