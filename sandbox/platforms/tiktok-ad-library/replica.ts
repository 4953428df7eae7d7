import type { IncomingMessage, ServerResponse } from "node:http";
import type { Replica, SandboxAddresses, TruthAd } from "../../replica.js";
import { libraryFaults, type LibraryFaultOptions, type ListEvent } from "../library-faults.js";
import { transparencyNotice } from "../notice-template.js";
import { detailsList, esc, scriptedShell } from "../scripted-shell.js";
import { TIKTOK_PLAN, TIKTOK_SEED, tiktokPagingSeed, type TiktokSeedAd } from "./seed.js";

/** Replica id (also the key of its address in SandboxAddresses). */
export const TIKTOK_REPLICA_ID = "tiktok-ad-library";

const CSS = `body{font-family:TikTokFont,Arial,sans-serif;margin:0}.ad_card{display:inline-block;width:220px;margin:8px;border:1px solid #eee}
.ad_detail_creative{width:300px;background:#000;color:#fff;padding:8px}.ad_detail_creative .caption{font-size:14px}
.ad_detail_creative .lbl{font-size:12px;background:rgba(255,255,255,.9);color:#161823;padding:2px 4px;margin-bottom:6px}
.ad_detail_creative .lbl a{color:#0b57d0}.ad_detail_info{font-size:14px;color:#161823}`;

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { "content-type": type, "cache-control": "no-store" });
  res.end(body);
}

interface State { seed: TiktokSeedAd[]; cap: number; faults: ReturnType<typeof libraryFaults>; events: ListEvent[] }

/**
 * The search page's script, as the public library's front end works per third-party scrapers: it asks
 * `POST /api/v1/search` (JSON body with query, offset, search_id, limit 12) for the results, renders each
 * as an `.ad_card` (textContent only) and asks for more with the offset moved on and the answer's
 * search_id when "View more" is pressed.
 */
const LIST_APP = String.raw`(function(){var st=JSON.parse(document.getElementById('__state').textContent);var root=document.getElementById('root');
var list=document.createElement('div');list.className='ad_list';root.appendChild(list);var searchId='',offset=0,more=null;
function el(t,c,x){var e=document.createElement(t);if(c)e.className=c;if(x!=null)e.textContent=x;return e;}
function card(a){var d=el('div','ad_card');var l=el('a');l.setAttribute('href','/ads/detail/?ad_id='+encodeURIComponent(a.id));l.appendChild(el('div','ad_card_cover',a.name));d.appendChild(l);
d.appendChild(el('div','ad_info_text','Advertiser: '+a.name));return d;}
function load(){var b=JSON.parse(JSON.stringify(st.body));b.offset=offset;b.search_id=searchId;
fetch(st.api,{method:'POST',headers:{'content-type':'application/json'},body:JSON.stringify(b)}).then(function(r){if(!r.ok)throw new Error('HTTP '+r.status);return r.text();})
.then(function(t){var d=JSON.parse(t.replace(/("id"\s*:\s*)(\d{16,})/g,'$1"$2"'));var ads=d.data||[];for(var i=0;i<ads.length;i++)list.appendChild(card(ads[i]));offset+=ads.length;searchId=d.search_id||'';
if(offset===0)list.appendChild(el('div','ad-empty','No ads found'));if(more){more.remove();more=null;}
if(d.has_more){more=el('button','loadmore-btn','View more');more.addEventListener('click',load);root.appendChild(more);}})
.catch(function(){root.appendChild(el('div','ad-error','Something went wrong'));});}
setTimeout(load,40);})();`;

const SEARCH_WINDOW = "start_time=1696118400&end_time=1774915200";

/** The search page: the app shell whose script asks the search API (the query from adv_name). */
function listPage(url: URL, region: string): string {
  const body = { query: url.searchParams.get("adv_name") ?? "", query_type: url.searchParams.get("query_type") ?? "1", adv_biz_ids: "", order: "last_shown_date,desc", offset: 0, search_id: "", limit: 12 };
  const state = JSON.stringify({ body, api: `/api/v1/search?region=${encodeURIComponent(region)}&type=1&${SEARCH_WINDOW}` }).replace(/</g, "\\u003c");
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>TikTok Ad Library</title><style>${CSS}</style></head>
<body><div id="root"></div><script type="application/json" id="__state">${state}</script><script>${LIST_APP}</script></body></html>`;
}

/** `POST /api/v1/search`: the ads whose advertiser matches the query, from `offset`, at most `limit` (and the instance's page cap). */
function searchApi(url: URL, body: string, st: State, res: ServerResponse): void {
  const json = "application/json; charset=utf-8";
  let q: { query?: string; offset?: number; search_id?: string; limit?: number };
  try {
    q = JSON.parse(body) as typeof q;
  } catch {
    return send(res, 400, json, JSON.stringify({ code: 40000, msg: "invalid params" }));
  }
  const region = (url.searchParams.get("region") ?? "NL").toUpperCase();
  const name = String(q.query ?? "").toLowerCase();
  const all = st.seed.filter((a) => a.regions.includes(region) && name !== "" && a.advertiser.toLowerCase().includes(name)).sort((a, b) => b.last.localeCompare(a.last) || a.id.localeCompare(b.id));
  const offset = Math.max(0, Math.floor(Number(q.offset ?? 0)) || 0);
  const size = Math.min(Math.max(Number(q.limit ?? 12) || 12, 1), 50, st.cap);
  st.events.push({ what: offset === 0 ? "search-page" : "more", key: name, offset, at: Date.now() });
  const page = all.slice(offset, offset + size).map((a) => ({ id: a.id, name: a.advertiser, first_shown_date: a.first.replace(/-/g, ""), last_shown_date: a.last.replace(/-/g, "") }));
  const searchId = q.search_id || `7${Buffer.from(name).toString("hex").slice(0, 12)}`;
  const text = JSON.stringify({ data: page, has_more: offset + size < all.length, search_id: searchId });
  // Ids as bare integers longer than a double holds, as TikTok's research API sends them: a client must keep the digits.
  send(res, 200, json, text.replace(/"id":"(\d+)"/g, '"id":$1'));
}

function detail(a: TiktokSeedAd, origin: string): string {
  const label = a.label ? `<div class="lbl">${esc(a.label.text)}${a.label.notice ? ` · <a href="${esc(origin)}/transparantie/${a.id}">Transparantieverklaring</a>` : ""}</div>` : "";
  const creative = `<div class="ad_detail_creative"><video poster="/cover/${a.id}.svg" width="280" height="160" muted></video>${label}<div class="caption">${esc(a.caption)}</div>
<div class="sponsored_tag">Gesponsord</div></div>`;
  const info = `<div class="ad_detail_info"><h2>Ad details</h2>${detailsList([
    ["Advertiser", a.advertiser], ["Paid for by", a.paidForBy], ["First shown", a.first.replace(/-/g, "")], ["Last shown", a.last.replace(/-/g, "")],
    ["Unique users seen", "10K-50K"], ["Age", a.targeting.age], ["Gender", a.targeting.gender], ["Location", a.targeting.location], ["Target audience size", "100K-500K"],
  ])}</div>`;
  return scriptedShell({ title: "TikTok Ad Library", lang: "en", css: CSS, fragments: { creative, info } });
}

function route(url: URL, origin: string, res: ServerResponse, st: State): void {
  const html = "text/html; charset=utf-8";
  const region = (url.searchParams.get("region") ?? "NL").toUpperCase();
  if (url.pathname === "/robots.txt") return send(res, 200, "text/plain", "User-agent: *\nAllow: /\n");
  if (url.pathname === "/ads") {
    if (st.faults.challenge(url.searchParams.get("adv_name"), res)) return;
    return send(res, 200, html, listPage(url, region));
  }
  if (/^\/ads\/detail\/?$/.test(url.pathname)) {
    if (st.faults.rateLimited(url.searchParams.get("ad_id") ?? "", res)) return;
    const ad = st.seed.find((a) => a.id === url.searchParams.get("ad_id"));
    return ad ? send(res, 200, html, detail(ad, origin)) : send(res, 404, html, scriptedShell({ title: "TikTok Ad Library", lang: "en", css: CSS, fragments: { gone: `<div class="not-found">Ad not found</div>` } }));
  }
  const cover = /^\/cover\/(\d+)\.svg$/.exec(url.pathname);
  if (cover) return send(res, 200, "image/svg+xml", `<svg xmlns="http://www.w3.org/2000/svg" width="280" height="160"><rect width="280" height="160" fill="#25f4ee"/></svg>`);
  const n = /^\/transparantie\/(\d+)$/.exec(url.pathname);
  const noticeAd = n ? st.seed.find((a) => a.id === n[1] && a.label?.notice) : undefined;
  if (noticeAd) {
    return send(res, 200, html, transparencyNotice({ id: noticeAd.id, sponsor: noticeAd.paidForBy, domain: "voltnederland.org", start: noticeAd.first, stop: noticeAd.last, targeting: `leeftijd ${noticeAd.targeting.age}, ${noticeAd.targeting.location}` }, true));
  }
  send(res, 404, html, "<!DOCTYPE html><title>404</title><p>Not found</p>");
}

/** The Commercial Content API token the replica accepts (a sandbox value, not a secret). */
export const SANDBOX_TIKTOK_TOKEN = "clt.sandboxTIKTOKtoken";

/**
 * `POST /v2/research/adlib/ad/query/`: Bearer client token, JSON body with filters.country_code and
 * search_term, `max_count` paging with `search_id`; errors in TikTok's envelope ({ error: { code } }).
 */
function apiQuery(auth: string | undefined, body: string, res: ServerResponse): void {
  const json = "application/json; charset=utf-8";
  if (auth !== `Bearer ${SANDBOX_TIKTOK_TOKEN}`) {
    return send(res, 401, json, JSON.stringify({ error: { code: "access_token_invalid", message: "The access token is invalid or not found in the request.", log_id: "sandbox" } }));
  }
  let q: { filters?: { country_code?: string }; search_term?: string; max_count?: number; search_id?: string };
  try {
    q = JSON.parse(body) as typeof q;
  } catch {
    return send(res, 400, json, JSON.stringify({ error: { code: "invalid_params", message: "request body is not JSON", log_id: "sandbox" } }));
  }
  const country = (q.filters?.country_code ?? "").toUpperCase();
  const term = (q.search_term ?? "").toLowerCase();
  const all = TIKTOK_SEED.filter((a) => a.regions.includes(country) && (term === "" || `${a.caption} ${a.advertiser}`.toLowerCase().includes(term)));
  const start = Number(q.search_id ?? 0) || 0;
  const max = Math.min(Math.max(q.max_count ?? 10, 1), 50);
  const page = all.slice(start, start + max);
  const ads = page.map((a) => ({
    ad: { id: a.id, first_shown_date: Number(a.first.replace(/-/g, "")), last_shown_date: Number(a.last.replace(/-/g, "")), status: "active", videos: [{ url: `/video/${a.id}.mp4`, cover_image_url: `/cover/${a.id}.svg` }], image_urls: [], reach: { unique_users_seen: "10K-50K" } },
    advertiser: { business_id: `7000000000000000${a.id.slice(-3)}`, business_name: a.advertiser, paid_for_by: a.paidForBy },
  }));
  // TikTok sends ids as bare JSON integers, longer than a double holds exactly: clients must not JSON.parse them blindly.
  const text = JSON.stringify({ data: { ads, has_more: start + max < all.length, search_id: String(start + max) }, error: { code: "ok", message: "", log_id: "sandbox" } });
  send(res, 200, json, text.replace(/"(id|business_id)":"(\d+)"/g, '"$1":$2'));
}

function truth(seed: TiktokSeedAd[]): TruthAd[] {
  return seed.map((a) => ({ replica: TIKTOK_REPLICA_ID, source: "tiktok-ad-library", match: a.caption.slice(0, 50), political: a.political, party: a.party, rules: [...a.rules], reachable: a.reachable }));
}

/** A replica with the log of its result-list answers. */
export interface LibraryReplica extends Replica { events: ListEvent[] }

function readBody(req: IncomingMessage, then: (body: string) => void): void {
  let body = "";
  req.setEncoding("utf8");
  req.on("data", (c: string) => {
    if (body.length < 100_000) body += c;
  });
  req.on("end", () => then(body));
}

/**
 * A library.tiktok.com replica: the search page whose script asks `POST /api/v1/search` for results (and
 * for more, with offset and search_id), ad detail pages rendered by script, the Commercial Content API
 * query endpoint; fault routes in library-faults.ts.
 */
export function createTiktokReplica(o: LibraryFaultOptions = {}): LibraryReplica {
  const st: State = { seed: [...TIKTOK_SEED, ...(o.paging ? tiktokPagingSeed(o.paging.extra) : [])], cap: o.paging?.pageSize ?? 50, faults: libraryFaults(o), events: [] };
  return {
    id: TIKTOK_REPLICA_ID,
    replicates: "library.tiktok.com (public DSA ad library: search with its search API, ad detail pages)",
    truth: truth(st.seed),
    events: st.events,
    handle(req, res) {
      const url = new URL(req.url ?? "/", "http://replica.invalid");
      if (req.method === "POST" && url.pathname === "/v2/research/adlib/ad/query/") return readBody(req, (body) => apiQuery(req.headers.authorization, body, res));
      if (req.method === "POST" && url.pathname === "/api/v1/search") return readBody(req, (body) => searchApi(url, body, st, res));
      route(url, `http://${req.headers.host ?? "127.0.0.1"}`, res, st);
    },
    plan(addrs: SandboxAddresses) {
      const base = addrs[TIKTOK_REPLICA_ID] ?? "";
      return { source: "tiktok-ad-library", options: { seeds: TIKTOK_PLAN.map((n) => `${base}/ads?region=NL&adv_name=${encodeURIComponent(n)}&query_type=1`) } };
    },
  };
}

/** The instance the sandbox serves (no rate limiting, no paging seed). */
export const tiktokReplica: Replica = createTiktokReplica();
