import type { Replica } from "../replica.js";
import { NIEUWSDAGBLAD_ADS } from "./ads.js";
import { creativeDocument, esc, labelBannerSvg } from "./creative.js";

function svg(id: string): string {
  let h = 0;
  for (const c of id) h = (h * 31 + c.charCodeAt(0)) % 360;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="80" height="60"><rect width="80" height="60" fill="hsl(${h},60%,55%)"/><text x="8" y="36" font-size="14" fill="#fff">${esc(id.slice(0, 8))}</text></svg>`;
}

/** An ad server on its own origin: creatives for the publisher's frames (one behind a second frame), images, click-through pages. */
export const adServer: Replica = {
  id: "ad-server",
  replicates: "a programmatic ad server (GAM / Xandr style) serving creatives into cross-origin iframes",
  truth: [],
  handle(req, res, addrs) {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    const m = /^\/(creative|frame|klik|img)\/([a-z0-9-]+?)(\.svg)?$/.exec(path);
    const ad = m ? NIEUWSDAGBLAD_ADS.find((a) => a.id === m[2]) : undefined;
    if (!m || !ad) {
      res.writeHead(404, { "content-type": "text/plain" });
      return void res.end("no such creative");
    }
    const o = { adServer: addrs["ad-server"] ?? "", noticeBase: addrs["notice-host"] ?? "" };
    const html = (body: string) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(body);
    };
    if (m[1] === "creative") return html(creativeDocument(ad, o));
    if (m[1] === "frame") return html(`<!doctype html><html><body style="margin:0"><iframe src="/creative/${esc(ad.id)}" width="336" height="280" frameborder="0" scrolling="no"></iframe></body></html>`);
    if (m[1] === "klik") return html(`<!doctype html><html lang="nl"><body><h1>${esc(ad.sponsor)}</h1><p>${esc(ad.headline)}</p></body></html>`);
    res.writeHead(200, { "content-type": "image/svg+xml" });
    res.end(ad.label === "image" ? labelBannerSvg(ad) : svg(ad.id));
  },
};
