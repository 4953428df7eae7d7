import type { AtcCreative } from "./seed.js";

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
/** JSON inside a script block: `<` and line separators escaped so the data cannot end the block. */
function scriptJson(data: unknown): string {
  return JSON.stringify(data).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

/** The app shell: the page has no content until its script inserts the server-escaped fragments. */
function shell(title: string, fragments: Record<string, string>): string {
  return `<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>body{font-family:Roboto,Arial,sans-serif;margin:0}creative-preview{display:inline-block;width:320px;margin:8px;vertical-align:top;border:1px solid #dadce0}
.blue-title{color:#1a0dab;font-size:18px}.ad-icon{font-weight:bold;display:inline;margin-right:4px}.url-line{font-size:14px}
.creative-container{width:340px;min-height:120px;border:1px solid #dadce0;padding:8px}.metadata{font-size:14px;color:#3c4043;margin-top:12px}</style></head>
<body><ads-transparency-app><div id="app"></div></ads-transparency-app>
<script type="application/json" id="__data">${scriptJson(fragments)}</script>
<script>(function(){var d=JSON.parse(document.getElementById('__data').textContent);setTimeout(function(){var app=document.getElementById('app');for(var k in d){var s=document.createElement('section');s.setAttribute('data-part',k);s.innerHTML=d[k];app.appendChild(s);}},40);})();</script></body></html>`;
}

function textAd(c: AtcCreative): string {
  return `<text-ad aria-hidden="true"><div class="ad-container preview"><div class="blue-title">${esc(c.headline)}</div>
<div class="url-line"><div class="ad-icon">Gesponsord</div> ${esc(c.domain)} </div><div>${esc(c.body)}</div></div></text-ad>`;
}

/** One card in the real `<creative-preview>` layout (c4d sample), Dutch interface texts. */
export function cardHtml(c: AtcCreative): string {
  const href = `/advertiser/${c.advertiserId}/creative/${c.id}?region=NL`;
  const figure = c.format === "Tekst" ? `${textAd(c)}<figcaption class="tr-accessible-hidden"> Text ad. </figcaption>` : `<img alt="" src="/archive/preview/${c.id}.svg" width="300" height="150"><figcaption class="tr-accessible-hidden"> Image ad. </figcaption>`;
  return `<creative-preview class="flat"><a href="${href}"><mat-card class="mat-card"><figure class="mat-card-image">${figure}</figure>
<mat-card-footer class="mat-card-footer"><div><p class="title"><span>Betaald door</span> <a title="${esc(c.advertiser)}" href="/advertiser/${c.advertiserId}?region=NL"> ${esc(c.advertiser)} </a></p>
<time class="active-duration" datetime="P${Math.round((Date.parse(c.last) - Date.parse(c.first)) / 86_400_000) + 1}D"> ${esc(c.first)} - ${esc(c.last)} </time></div></mat-card-footer></mat-card></a></creative-preview>`;
}

/** An advertiser page or a domain search: a heading and the cards, or the empty message. */
export function listPage(title: string, creatives: AtcCreative[]): string {
  const cards = creatives.length > 0 ? creatives.map(cardHtml).join("\n") : `<div class="no-results">Geen advertenties gevonden</div>`;
  return shell(`${title} - Google Advertentietransparantiecentrum`, { header: `<h1>${esc(title)}</h1>`, cards });
}

/** A creative page: the creative (text ads inline, image ads in an iframe) and the library's metadata panel. */
export function creativePage(c: AtcCreative): string {
  const creative = c.format === "Tekst" ? textAd(c) : `<iframe title="Advertentie" src="/archive/sadbundle/${c.id}/index.html" width="320" height="260" style="border:0"></iframe>`;
  const meta = `<div class="metadata"><div class="advertiser-name"><span>Betaald door</span> ${esc(c.advertiser)}</div>
<div>Geverifieerde adverteerder</div><div>Eerst weergegeven: <time class="first-shown" datetime="${esc(c.first)}">${esc(c.first)}</time></div>
<div>Laatst weergegeven: <time class="last-shown" datetime="${esc(c.last)}">${esc(c.last)}</time></div><div class="format">Indeling: ${esc(c.format)}</div>
<div class="regions">Getoond in: ${esc(c.regions.join(", "))}</div></div>`;
  return shell(`${c.advertiser} - Google Advertentietransparantiecentrum`, { details: `<creative-details><div class="creative-container">${creative}</div>${meta}</creative-details>` });
}

/** The archived display creative served in the iframe: the ad's own text and, if it has one, its label. */
export function displayCreative(c: AtcCreative, origin: string): string {
  const label = c.label
    ? `<div class="lbl" style="font-size:12px;color:#202124;background:#fff;padding:2px 4px">${esc(c.label.text)}${c.label.notice ? ` · <a href="${esc(origin)}/transparantie/${esc(c.id)}" target="_blank">Transparantieverklaring</a>` : ""}</div>`
    : "";
  return `<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><style>body{margin:0;font-family:Arial}.ad{width:300px;height:240px;background:#0b3d91;color:#fff;padding:10px;box-sizing:border-box}
h2{margin:0 0 8px;font-size:20px}p{font-size:14px;margin:0 0 8px}</style></head><body><div class="ad">${label}<h2>${esc(c.headline)}</h2><p>${esc(c.body)}</p></div></body></html>`;
}

/** A small preview image for image cards. */
export function previewSvg(c: AtcCreative): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="150"><rect width="300" height="150" fill="#0b3d91"/><text x="12" y="80" fill="#fff" font-size="16" font-family="Arial">${esc(c.headline)}</text></svg>`;
}
