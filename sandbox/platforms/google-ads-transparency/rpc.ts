/**
 * The centre's `POST /anji/_/rpc/SearchService/SearchCreatives` as third-party scrapers of the real
 * centre describe it (no saved real answer): form field `f.req` holding JSON with numeric keys; "2" page
 * size, "3" filters ("8" geo criterion ids, "12"."1" domain, "13"."1" advertiser ids), "4" the page token
 * of the previous answer, "7" {"1": 1, "2": offset, "3": geo}. The answer is {"1": creatives, "2": token};
 * the last page has no "2", an empty search answers {}. Creatives carry "1" advertiser id, "2" creative
 * id, "4" format (1 text, 2 image), "6"/"7" first/last shown ({"1": unix seconds}), "12" advertiser
 * name, "14" domain. Google's token is opaque; the replica's is base64url JSON, opaque to the crawler.
 */
import type { AtcCreative } from "./seed.js";
import { GEO_CRITERION } from "./pages.js";

/** The RPC's path. */
export const SEARCH_CREATIVES_PATH = "/anji/_/rpc/SearchService/SearchCreatives";

interface SearchRequest { "2"?: number; "3"?: { "8"?: number[]; "12"?: { "1"?: string }; "13"?: { "1"?: string[] } }; "4"?: string; "7"?: { "3"?: number } }

/** A parsed request: its filter and the offset its token stands for; null when the body is not a request. */
export interface ParsedSearch { advertiserIds: string[]; domain: string; region: string; pageSize: number; offset: number; token: string | null }

const REGION_OF_GEO = new Map(Object.entries(GEO_CRITERION).map(([k, v]) => [v, k]));

/** Reads the `f.req` form body; null when it is not a SearchCreatives request or its token is not one the replica gave. */
export function parseSearch(body: string): ParsedSearch | null {
  let q: SearchRequest;
  try {
    q = JSON.parse(new URLSearchParams(body).get("f.req") ?? "") as SearchRequest;
  } catch {
    return null;
  }
  if (typeof q !== "object" || q === null) return null;
  const geo = q["3"]?.["8"]?.[0] ?? q["7"]?.["3"] ?? 2528;
  let offset = 0;
  if (q["4"] !== undefined) {
    try {
      offset = (JSON.parse(Buffer.from(String(q["4"]), "base64url").toString("utf8")) as { o: number }).o;
    } catch {
      return null;
    }
    if (!Number.isInteger(offset) || offset < 0) return null;
  }
  return {
    advertiserIds: (q["3"]?.["13"]?.["1"] ?? []).map(String),
    domain: String(q["3"]?.["12"]?.["1"] ?? ""),
    region: REGION_OF_GEO.get(geo) ?? "NL",
    pageSize: Math.min(Math.max(Number(q["2"] ?? 40) || 40, 1), 100),
    offset,
    token: q["4"] ?? null,
  };
}

/** The creatives a search finds, in the centre's order (most recent first). */
export function searchMatches(seed: AtcCreative[], s: ParsedSearch): AtcCreative[] {
  return seed
    .filter((c) => c.regions.includes(s.region))
    .filter((c) => (s.advertiserIds.length === 0 || s.advertiserIds.includes(c.advertiserId)) && (s.domain === "" || c.domain === s.domain))
    .filter(() => s.advertiserIds.length > 0 || s.domain !== "")
    .sort((a, b) => b.last.localeCompare(a.last) || a.id.localeCompare(b.id));
}

const secs = (d: string) => String(Math.floor(Date.parse(`${d}T00:00:00Z`) / 1000));

/** One answer page: at most `cap` creatives (the server's own page-size limit) from the token's offset. */
export function searchAnswer(all: AtcCreative[], s: ParsedSearch, cap: number): string {
  const size = Math.min(s.pageSize, cap);
  const page = all.slice(s.offset, s.offset + size);
  if (page.length === 0) return "{}";
  const next = s.offset + size < all.length ? Buffer.from(JSON.stringify({ o: s.offset + size })).toString("base64url") : null;
  const rows = page.map((c) => ({ "1": c.advertiserId, "2": c.id, "4": c.format === "Tekst" ? 1 : 2, "6": { "1": secs(c.first) }, "7": { "1": secs(c.last) }, "12": c.advertiser, "14": c.domain }));
  return JSON.stringify(next ? { "1": rows, "2": next } : { "1": rows });
}

/**
 * Google's "unusual traffic" page as Google serves it (status 429, reCAPTCHA form), from its markup quoted
 * in public issue threads (google/recaptcha#489, xtekky/gpt4free#3302): the block page of /sorry/index and
 * of RPC calls alike. Its title is the URL that was refused.
 */
export function sorryPage(refused: string): string {
  const e = refused.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"><meta name="viewport" content="initial-scale=1"><title>${e}</title></head>
<body style="font-family: arial, sans-serif; background-color: #fff; color: #000; padding:20px; font-size:18px;" onload="e=document.getElementById('captcha');if(e){e.focus();}">
<div style="max-width:400px;"><hr noshade size="1" style="color:#ccc; background-color:#ccc;"><br><form id="captcha-form" action="index" method="post">
<script src="https://www.google.com/recaptcha/api.js" async defer></script><div id="recaptcha" class="g-recaptcha" data-sitekey="sandbox"></div><input type="hidden" name="continue" value="${e}"></form>
<hr noshade size="1" style="color:#ccc; background-color:#ccc;"><div style="font-size:13px;"><b>About this page</b><br><br>Our systems have detected unusual traffic from your computer network.
This page checks to see if it's really you sending the requests, and not a robot.</div></div></body></html>`;
}
