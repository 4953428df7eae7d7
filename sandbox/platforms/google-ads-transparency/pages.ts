import type { AtcCreative } from "./seed.js";

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
/** JSON inside a script block: `<` and line separators escaped so the data cannot end the block. */
function scriptJson(data: unknown): string {
  return JSON.stringify(data).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

const CSS = `body{font-family:Roboto,Arial,sans-serif;margin:0}creative-preview{display:inline-block;width:320px;margin:8px;vertical-align:top;border:1px solid #dadce0}
.blue-title{color:#1a0dab;font-size:18px}.ad-icon{font-weight:bold;display:inline;margin-right:4px}.url-line{font-size:14px}
.creative-container{width:340px;min-height:120px;border:1px solid #dadce0;padding:8px}.metadata{font-size:14px;color:#3c4043;margin-top:12px}`;

/** The app shell: the page has no content until its script inserts the server-escaped fragments. */
function shell(title: string, fragments: Record<string, string>): string {
  return `<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>${CSS}</style></head>
<body><ads-transparency-app><div id="app"></div></ads-transparency-app>
<script type="application/json" id="__data">${scriptJson(fragments)}</script>
<script>(function(){var d=JSON.parse(document.getElementById('__data').textContent);setTimeout(function(){var app=document.getElementById('app');for(var k in d){var s=document.createElement('section');s.setAttribute('data-part',k);s.innerHTML=d[k];app.appendChild(s);}},40);})();</script></body></html>`;
}

function textAd(c: AtcCreative): string {
  return `<text-ad aria-hidden="true"><div class="ad-container preview"><div class="blue-title">${esc(c.headline)}</div>
<div class="url-line"><div class="ad-icon">Gesponsord</div> ${esc(c.domain)} </div><div>${esc(c.body)}</div></div></text-ad>`;
}

/**
 * The list app's script: asks SearchCreatives for the first page (the request is in the page state), renders
 * each creative as a `<creative-preview>` card (real c4d card layout, built with textContent: nothing the
 * answer carries is parsed as HTML), and asks for the next page with the answer's token ("4") when the
 * reader scrolls to the end, as the real centre does.
 */
const LIST_APP = String.raw`(function(){
var st=JSON.parse(document.getElementById('__data').textContent);var app=document.getElementById('app');
var head=document.createElement('section');head.innerHTML=st.header;app.appendChild(head);
var list=document.createElement('section');list.setAttribute('data-part','cards');app.appendChild(list);
var req=st.req,token=null,busy=false,offset=0;
function el(t,c,x){var e=document.createElement(t);if(c)e.className=c;if(x!=null)e.textContent=x;return e;}
function day(s){var d=new Date(Number(s)*1000);return d.toISOString().slice(0,10);}
function card(c){var cp=el('creative-preview','flat');var a=el('a');a.setAttribute('href','/advertiser/'+encodeURIComponent(c['1'])+'/creative/'+encodeURIComponent(c['2'])+'?region='+encodeURIComponent(st.region));
var fig=el('figure','mat-card-image');var img=el('img');img.setAttribute('alt','');img.setAttribute('src','/archive/preview/'+encodeURIComponent(c['2'])+'.svg');fig.appendChild(img);
fig.appendChild(el('figcaption','tr-accessible-hidden',c['4']===1?' Text ad. ':' Image ad. '));a.appendChild(fig);
var foot=el('div','mat-card-footer');var p=el('p','title');p.appendChild(el('span',null,'Betaald door'));p.appendChild(document.createTextNode(' '+c['12']));foot.appendChild(p);
var t=el('time','active-duration',' '+day(c['6']['1'])+' - '+day(c['7']['1'])+' ');foot.appendChild(t);a.appendChild(foot);cp.appendChild(a);return cp;}
function load(){if(busy)return;busy=true;var r=JSON.parse(JSON.stringify(req));if(token){r['4']=token;r['7']['2']=offset;}
fetch('/anji/_/rpc/SearchService/SearchCreatives?authuser=',{method:'POST',headers:{'content-type':'application/x-www-form-urlencoded;charset=UTF-8'},body:'f.req='+encodeURIComponent(JSON.stringify(r))})
.then(function(res){if(!res.ok)throw new Error('HTTP '+res.status);return res.json();}).then(function(d){var cs=d['1']||[];
for(var i=0;i<cs.length;i++)list.appendChild(card(cs[i]));offset+=cs.length;token=d['2']||null;
if(offset===0&&!list.querySelector('.no-results'))list.appendChild(el('div','no-results','Geen advertenties gevonden'));busy=false;})
.catch(function(){app.appendChild(el('div','load-error','Er is iets misgegaan. Probeer het later opnieuw.'));});}
addEventListener('scroll',function(){if(token&&innerHeight+scrollY>=document.body.scrollHeight-200)load();});
setTimeout(load,40);})();`;

/** SearchCreatives' region filter: Google's geo criterion id (2000 + the ISO 3166 numeric code). */
export const GEO_CRITERION: Record<string, number> = { NL: 2528, BE: 2056, DE: 2276, FR: 2250 };

/** An advertiser page or a domain search: the app shell, whose script asks SearchCreatives for the cards. */
export function listPage(title: string, region: string, filter: { advertiserId?: string; domain?: string }): string {
  const geo = GEO_CRITERION[region] ?? 2528;
  const req = { "2": 40, "3": { "8": [geo], "12": { "1": filter.domain ?? "", "2": true }, ...(filter.advertiserId ? { "13": { "1": [filter.advertiserId] } } : {}) }, "7": { "1": 1, "2": 0, "3": geo } };
  return `<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>${esc(title)} - Google Advertentietransparantiecentrum</title><style>${CSS}</style></head>
<body><ads-transparency-app><div id="app"></div></ads-transparency-app>
<script type="application/json" id="__data">${scriptJson({ header: `<h1>${esc(title)}</h1>`, req, region })}</script><script>${LIST_APP}</script></body></html>`;
}

/** The page of a creative the centre does not know. */
export function creativeGonePage(): string {
  return shell("Advertentie niet gevonden - Google Advertentietransparantiecentrum", { gone: `<div class="no-results">Advertentie niet gevonden</div>` });
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
