import { ELECTION_LABEL, type SandboxAd } from "./ads.js";

/** Escapes text for HTML (sandbox pages are built from fixed strings, but stay correct anyway). */
export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);
}

/** Where an ad's label points: a statement on the notice host, or a page there that does not exist. */
export function noticeUrl(ad: SandboxAd, noticeBase: string): string | null {
  if (!ad.notice) return null;
  return ad.notice === "missing" ? `${noticeBase}/verklaring/bestaat-niet-${ad.id}` : `${noticeBase}/verklaring/${ad.notice}`;
}

/** The political label as the ad draws it, with the defect the ad is meant to have. */
export function labelHtml(ad: SandboxAd, noticeBase: string): string {
  const link = noticeUrl(ad, noticeBase);
  const parts = ["<strong>Politieke advertentie</strong>"];
  if (ad.label !== "no-sponsor") parts.push(`Betaald door ${esc(ad.sponsor)}`);
  parts.push(ELECTION_LABEL);
  if (link && ad.label !== "no-notice-link") parts.push(`<a class="pa-why" href="${esc(link)}">Waarom zie ik deze advertentie?</a>`);
  const line = parts.join(" · ");
  switch (ad.label) {
    case "full": case "no-sponsor": case "no-notice-link":
      return `<div class="pa-label" style="font-size:12px;color:#222;background:#f3f3f3;padding:2px 4px">${line}</div>`;
    case "tiny":
      return `<div class="pa-label" style="font-size:5px;color:#eeeeee;background:#ffffff">${line}</div>`;
    case "hidden":
      return `<details class="pa-info" style="font-size:11px"><summary>i</summary><div class="pa-label">${line}</div></details>`;
    case "none":
      return "";
    case "image":
      return link ? `<a class="pa-why" href="${esc(link)}">Waarom zie ik deze advertentie?</a>` : "";
    case "commercial":
      return ad.placement === "advertorial" ? `<p class="adv-marker">Advertorial · In samenwerking met ${esc(ad.sponsor)}</p>` : ad.placement === "native" ? `<span class="native-marker">Gesponsord</span>` : "";
  }
}

/** The creative itself: headline, body, image and call-to-action to the advertiser's landing page. */
export function creativeHtml(ad: SandboxAd, o: { adServer: string; noticeBase: string }): string {
  const landing = `${o.adServer}/klik/${esc(ad.id)}`;
  const banner = ad.label === "image" ? `<img class="cr-banner" src="${o.adServer}/img/${esc(ad.id)}.svg" width="320" height="92" alt="">` : "";
  return `${banner}${ad.political ? labelHtml(ad, o.noticeBase) : ""}
<div class="cr-body">
  ${banner ? "" : `<img src="${o.adServer}/img/${esc(ad.id)}.svg" width="80" height="60" alt="">`}
  <h3 class="cr-head">${esc(ad.headline)}</h3>
  <p class="cr-text">${esc(ad.body)}</p>
  <a class="cr-cta" href="${landing}">${ad.political ? "Lees ons programma" : "Bekijk de actie"}</a>
</div>`;
}

/** A creative as a whole document, as an ad server returns it into an iframe. */
export function creativeDocument(ad: SandboxAd, o: { adServer: string; noticeBase: string }): string {
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>${esc(ad.headline)}</title>
<style>body{margin:0;font:13px/1.3 Arial,sans-serif;color:#111;background:#fff;overflow:hidden}.cr-body{padding:6px}h3{margin:4px 0;font-size:16px}img{float:right}</style>
</head><body>${creativeHtml(ad, o)}</body></html>`;
}

/** How the publisher page embeds an ad, by placement. */
export function placementHtml(ad: SandboxAd, n: number, o: { adServer: string; noticeBase: string }): string {
  switch (ad.placement) {
    case "iframe":
      return `<div class="ad-slot" data-ad="mpu-${n}"><div class="ad-marker">Advertentie</div><iframe src="${o.adServer}/creative/${esc(ad.id)}" width="336" height="280" scrolling="no" frameborder="0"></iframe></div>`;
    case "nested-iframe":
      return `<div class="ad-slot" data-ad="mpu-${n}"><div class="ad-marker">Advertentie</div><iframe src="${o.adServer}/frame/${esc(ad.id)}" width="336" height="280" scrolling="no" frameborder="0"></iframe></div>`;
    case "gpt":
      return `<div class="ad-wrap"><div class="ad-marker">Advertentie</div><div id="div-gpt-ad-1712${n}-0" style="width:336px;min-height:250px;border:1px solid #ddd">${creativeHtml(ad, o)}</div></div>`;
    case "native":
      return `<div class="native-ad teaser" data-native-ad="1">${labelHtml(ad, o.noticeBase)}<a href="${o.adServer}/klik/${esc(ad.id)}"><h3>${esc(ad.headline)}</h3></a><p>${esc(ad.body)}</p></div>`;
    case "advertorial":
      return `<section class="advertorial" data-advertorial="1">${labelHtml(ad, o.noticeBase)}<h2>${esc(ad.headline)}</h2><p>${esc(ad.body)}</p><a href="${o.adServer}/klik/${esc(ad.id)}">Lees meer bij ${esc(ad.sponsor)}</a></section>`;
  }
}

/** The banner of an ad whose label is drawn only in the image: the label lines as SVG text (large enough for OCR). */
export function labelBannerSvg(ad: SandboxAd): string {
  const lines = ["Politieke advertentie", `Betaald door ${ad.sponsor}`, ELECTION_LABEL];
  const text = lines.map((l, i) => `<text x="8" y="${26 + i * 26}" font-family="Arial, Helvetica, sans-serif" font-size="${i === 0 ? 19 : 16}" font-weight="${i === 0 ? "bold" : "normal"}" fill="#111">${esc(l)}</text>`).join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="92"><rect width="320" height="92" fill="#ffffff"/>${text}</svg>`;
}
