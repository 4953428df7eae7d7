import { transparencyNotice } from "../notice-template.js";
import type { SeedAd } from "./seed.js";

/** Embeds data in a script block without letting it close the block (`<`, U+2028/2029 escaped). */
function scriptJson(data: unknown): string {
  return JSON.stringify(data).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The client script: builds the ad card from the embedded data, like Meta's render_ad bundle does. */
const RENDER_SCRIPT = `
(function () {
  var d = JSON.parse(document.getElementById('__ad').textContent);
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    if (text) e.textContent = text;
    return e;
  }
  setTimeout(function () {
    var card = el('div', { role: 'article', 'aria-label': 'Advertentie', 'data-ad-archive-id': d.id, 'class': 'x1a2b3c' });
    var head = el('div', { 'class': 'x9f8e7d' });
    head.appendChild(el('img', { alt: '', width: '40', height: '40', src: d.avatar }));
    var who = el('div', {});
    who.appendChild(el('strong', { 'class': 'x7y8z9' }, d.pageName));
    who.appendChild(el('div', { 'data-testid': 'sponsored-line', 'class': 'x4d5e6' }, 'Gesponsord'));
    head.appendChild(who);
    card.appendChild(head);
    if (d.byline) card.appendChild(el('div', { 'data-testid': 'disclaimer', 'class': 'x4d5e6' }, 'Betaald door ' + d.byline));
    if (d.label) {
      var lab = el('div', { 'data-testid': 'political-label', 'class': 'x0p1q2' }, d.label.text + ' · ');
      lab.appendChild(el('a', { href: d.label.href, target: '_blank', rel: 'noopener' }, 'Transparantieverklaring'));
      card.appendChild(lab);
    }
    card.appendChild(el('div', { 'data-testid': 'ad-body', 'class': 'x3r4s5' }, d.body));
    card.appendChild(el('img', { alt: d.title, width: '500', height: '260', src: d.image }));
    var link = el('div', { 'class': 'x6t7u8' });
    link.appendChild(el('div', { 'class': 'x9v0w1' }, d.caption.toUpperCase()));
    link.appendChild(el('div', { 'class': 'x2x3y4' }, d.title));
    link.appendChild(el('a', { role: 'button', href: 'https://' + d.caption }, 'Meer informatie'));
    card.appendChild(link);
    document.getElementById('root').appendChild(card);
  }, 30);
})();`;

const CSS = `body{margin:0;font-family:Helvetica,Arial,sans-serif;background:#f0f2f5}#root{padding:12px}
[role=article]{width:500px;background:#fff;border:1px solid #dddfe2;border-radius:8px;padding:12px}
.x9f8e7d{display:flex;gap:8px;align-items:center}.x9f8e7d img{border-radius:50%}.x7y8z9{font-size:15px;color:#050505}
.x4d5e6{font-size:13px;color:#65676b}.x0p1q2{font-size:13px;color:#1c1e21;background:#fff8e1;padding:4px 6px;margin:6px 0}
.x3r4s5{font-size:15px;color:#050505;margin:8px 0;white-space:pre-wrap}.x6t7u8{background:#f0f2f5;padding:8px}
.x9v0w1{font-size:12px;color:#65676b}.x2x3y4{font-size:16px;font-weight:600}`;

function svgImage(title: string, colour: string): string {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="500" height="260"><rect width="500" height="260" fill="${colour}"/><text x="24" y="140" font-size="28" fill="#fff" font-family="Arial">${esc(title)}</text></svg>`;
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}

/** The `render_ad` snapshot page: an empty shell whose script builds the card (no content without JS). */
export function snapshotPage(ad: SeedAd, origin: string): string {
  const colour = `#${ad.pageId.slice(-6)}`.replace(/[^#0-9a-f]/gi, "3");
  const data = {
    id: ad.id, pageName: ad.pageName, byline: ad.byline, body: ad.body, caption: ad.caption, title: ad.title,
    avatar: svgImage(ad.pageName.slice(0, 1), "#1877f2"), image: svgImage(ad.title, colour),
    label: ad.label ? { text: ad.label.text, href: `${origin}/politieke-reclame/verklaring/${ad.id}` } : null,
  };
  return `<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>Advertentiebibliotheek</title>
<style>${CSS}</style></head><body><div id="root"></div>
<script type="application/json" id="__ad">${scriptJson(data)}</script><script>${RENDER_SCRIPT}</script></body></html>`;
}

/** Meta's error shell for a snapshot requested without a valid token. */
export function snapshotErrorPage(): string {
  return `<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>Fout</title></head><body><div id="root"><p>Deze inhoud is momenteel niet beschikbaar.</p></div></body></html>`;
}

/** The transparency notice behind a Meta ad's "Transparantieverklaring" link. */
export function noticePage(ad: SeedAd, complete: boolean): string {
  return transparencyNotice({
    id: ad.id, sponsor: ad.byline ?? ad.pageName, domain: ad.caption.split("/")[0] ?? ad.caption, start: ad.start, stop: ad.stop,
    targeting: `leeftijd ${ad.ages[0]}-${ad.ages[1]}, ${ad.location.name}${ad.gender === "All" ? "" : `, geslacht ${ad.gender}`}`,
  }, complete);
}
