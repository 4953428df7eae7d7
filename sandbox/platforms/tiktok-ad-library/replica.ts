import type { ServerResponse } from "node:http";
import type { Replica, SandboxAddresses, TruthAd } from "../../replica.js";
import { libraryFaults, type LibraryFaultOptions } from "../library-faults.js";
import { transparencyNotice } from "../notice-template.js";
import { detailsList, esc, scriptedShell } from "../scripted-shell.js";
import { TIKTOK_PLAN, TIKTOK_SEED, type TiktokSeedAd } from "./seed.js";

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

function card(a: TiktokSeedAd): string {
  return `<div class="ad_card"><a href="/ads/detail/?ad_id=${a.id}"><div class="ad_card_cover">${esc(a.caption.slice(0, 40))}…</div></a>
<div class="ad_info_text">Advertiser: ${esc(a.advertiser)}</div><div class="ad_info_text">First shown: ${esc(a.first)}</div></div>`;
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

function route(url: URL, origin: string, res: ServerResponse, faults: ReturnType<typeof libraryFaults>): void {
  const html = "text/html; charset=utf-8";
  const region = (url.searchParams.get("region") ?? "NL").toUpperCase();
  if (url.pathname === "/robots.txt") return send(res, 200, "text/plain", "User-agent: *\nAllow: /\n");
  if (url.pathname === "/ads") {
    if (faults.challenge(url.searchParams.get("adv_name"), res)) return;
    const name = (url.searchParams.get("adv_name") ?? "").toLowerCase();
    const ads = TIKTOK_SEED.filter((a) => a.regions.includes(region) && name !== "" && a.advertiser.toLowerCase().includes(name));
    const cards = ads.length > 0 ? ads.map(card).join("") : `<div class="ad-empty">No ads found</div>`;
    return send(res, 200, html, scriptedShell({ title: "TikTok Ad Library", lang: "en", css: CSS, fragments: { cards } }));
  }
  if (/^\/ads\/detail\/?$/.test(url.pathname)) {
    if (faults.rateLimited(url.searchParams.get("ad_id") ?? "", res)) return;
    const ad = TIKTOK_SEED.find((a) => a.id === url.searchParams.get("ad_id"));
    return ad ? send(res, 200, html, detail(ad, origin)) : send(res, 404, html, scriptedShell({ title: "TikTok Ad Library", lang: "en", css: CSS, fragments: { gone: `<div class="not-found">Ad not found</div>` } }));
  }
  const cover = /^\/cover\/(\d+)\.svg$/.exec(url.pathname);
  if (cover) return send(res, 200, "image/svg+xml", `<svg xmlns="http://www.w3.org/2000/svg" width="280" height="160"><rect width="280" height="160" fill="#25f4ee"/></svg>`);
  const n = /^\/transparantie\/(\d+)$/.exec(url.pathname);
  const noticeAd = n ? TIKTOK_SEED.find((a) => a.id === n[1] && a.label?.notice) : undefined;
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

function truth(): TruthAd[] {
  return TIKTOK_SEED.map((a) => ({ replica: TIKTOK_REPLICA_ID, source: "tiktok-ad-library", match: a.caption.slice(0, 50), political: a.political, party: a.party, rules: [...a.rules], reachable: a.reachable }));
}

/** A library.tiktok.com replica: advertiser search and ad detail pages rendered by script, the Commercial Content API query endpoint; fault routes in library-faults.ts. */
export function createTiktokReplica(o: LibraryFaultOptions = {}): Replica {
  const faults = libraryFaults(o);
  return {
    id: TIKTOK_REPLICA_ID,
    replicates: "library.tiktok.com (public DSA ad library: search and ad detail pages)",
    truth: truth(),
    handle(req, res) {
      const url = new URL(req.url ?? "/", "http://replica.invalid");
      if (req.method === "POST" && url.pathname === "/v2/research/adlib/ad/query/") {
        let body = "";
        req.setEncoding("utf8");
        req.on("data", (c: string) => {
          if (body.length < 100_000) body += c;
        });
        req.on("end", () => apiQuery(req.headers.authorization, body, res));
        return;
      }
      route(url, `http://${req.headers.host ?? "127.0.0.1"}`, res, faults);
    },
    plan(addrs: SandboxAddresses) {
      const base = addrs[TIKTOK_REPLICA_ID] ?? "";
      return { source: "tiktok-ad-library", options: { seeds: TIKTOK_PLAN.map((n) => `${base}/ads?region=NL&adv_name=${encodeURIComponent(n)}&query_type=1`) } };
    },
  };
}

/** The instance the sandbox serves (no rate limiting). */
export const tiktokReplica: Replica = createTiktokReplica();
