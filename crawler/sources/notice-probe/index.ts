/**
 * notice-probe: re-fetches transparency notices that are already on record, so a notice that changes
 * or disappears after the ad was first seen is archived with the time it was seen that way (Art. 12:
 * notices are kept, with their changes, for seven years). Not an ad source: it captures no ads.
 *
 * The URLs come from `noticeUrls` (the schedule lists the notices due for a visit) or from `--seed`.
 * Each fetch goes through the same address guard, robots.txt, pacing and retries as any capture;
 * notice URLs are links found in ads, so they are not seeds: a private or loopback notice host is
 * refused unless the operator allows it. A fetch polad itself refused is not a probe (the notice is
 * not "gone" because we did not look); a network failure is retried once before it counts as gone.
 * Checked against local notice hosts only.
 */
import { GiveUp, RetryLater } from "../../errors.js";
import type { AdSource } from "../../source.js";

const MAX_URL = 2048;
/** Reasons for which polad did not look at all. */
const REFUSED = new Set(["refused-address", "refused-scheme", "bad-url", "robots-disallowed"]);
/** Reasons worth a second look before a notice is recorded as gone. */
const TRANSIENT = new Set(["timeout", "connection-refused", "connection-reset", "http-429", "http-503", "navigation-interrupted"]);

export const noticeProbeSource: AdSource = {
  id: "notice-probe",
  description: "re-probes archived transparency notices and records changes and disappearances",
  seed(opts) {
    const listed = Array.isArray(opts.noticeUrls) ? opts.noticeUrls.filter((u): u is string => typeof u === "string") : [];
    const urls = [...new Set([...listed, ...opts.seeds])].filter((u) => u.length <= MAX_URL && /^https?:\/\//i.test(u));
    return urls.map((url) => ({ url, kind: "notice" }));
  },
  async handle(item, ctx) {
    const notice = await ctx.fetchNotice(item.url, { fresh: true });
    if (notice.status === 0) {
      const reason = (notice.error ?? "").split(":")[0] ?? "";
      if (REFUSED.has(reason)) throw new GiveUp(reason, notice.error ?? reason);
      if (TRANSIENT.has(reason) && item.attempts < 2) throw new RetryLater(reason, notice.error ?? reason);
    }
    const outcome = await ctx.recordNotice(notice);
    ctx.log.info({ outcome, status: notice.status }, "notice re-probed");
  },
};
