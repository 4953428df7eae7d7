import type { AdInput } from "../../../common/ad-input.js";
import type { Capture, FetchedNotice } from "../../../common/capture.js";
import { GiveUp } from "../../errors.js";
import type { SourceContext, WorkItem } from "../../source.js";
import { mapArchivedAd } from "./map.js";
import { renderSnapshot } from "./snapshot.js";

/** Emits an ad known only from the API (no snapshot URL): no label, no screenshot, the API page as the place seen. */
export async function emitWithoutSnapshot(ad: AdInput, apiUrl: string, ctx: SourceContext): Promise<void> {
  const sighting = { pageUrl: apiUrl, frameChain: [], seenAt: ctx.now().toISOString(), viewport: null, userAgent: null, screenshotPng: null, html: null, labelStyles: [], links: [] };
  await ctx.emit({ ad, sighting, notice: null });
}

/**
 * Handles one snapshot item: re-maps the archived record kept in the payload, renders its snapshot for
 * the label as shown and the element screenshot, fetches the transparency notice the label links to,
 * and emits one capture.
 */
export async function captureSnapshot(item: WorkItem, ctx: SourceContext, token: string): Promise<void> {
  const country = typeof item.payload.country === "string" ? item.payload.country : "NL";
  const record = item.payload.record;
  if (!record || typeof record !== "object") throw new GiveUp("bad-payload", "snapshot item has no archived record");
  const { ad, snapshotUrl } = mapArchivedAd(record, { country });
  if (!snapshotUrl) return emitWithoutSnapshot(ad, item.url, ctx);
  const seenAt = ctx.now().toISOString();
  const view = await ctx.withPage((page) => renderSnapshot(page, snapshotUrl, token));
  let notice: FetchedNotice | null = null;
  if (view.noticeUrl) {
    notice = await ctx.fetchNotice(view.noticeUrl);
    ad.notice_url = view.noticeUrl;
    ad.notice_status = notice.status;
  }
  ad.label = view.label;
  ad.html = view.html;
  const cap: Capture = {
    ad,
    notice,
    sighting: {
      pageUrl: snapshotUrl, frameChain: [snapshotUrl], seenAt, viewport: view.viewport, userAgent: view.userAgent,
      screenshotPng: view.screenshotPng, html: view.html, labelStyles: view.labelStyles, links: view.links,
    },
  };
  await ctx.emit(cap);
}
