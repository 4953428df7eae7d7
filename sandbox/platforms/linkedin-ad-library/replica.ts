import type { ServerResponse } from "node:http";
import type { Replica, SandboxAddresses, TruthAd } from "../../replica.js";
import { libraryFaults, type LibraryFaultOptions, type ListEvent } from "../library-faults.js";
import { detailsList, esc, scriptedShell } from "../scripted-shell.js";
import { LINKEDIN_PLAN, LINKEDIN_SEED, linkedinPagingSeed, type LinkedinSeedAd } from "./seed.js";

/** Replica id (also the key of its address in SandboxAddresses). */
export const LINKEDIN_REPLICA_ID = "linkedin-ad-library";

const CSS = `body{font-family:-apple-system,system-ui,Arial,sans-serif;margin:0;background:#f4f2ee}.search-result-item{background:#fff;margin:8px;padding:8px}
.ad-preview{width:420px;background:#fff;padding:12px;border-radius:8px}.ad-preview .promoted{font-size:12px;color:#666}
.ad-preview .commentary{font-size:14px;color:#000}.ad-detail-right-rail{font-size:14px;color:#000;background:#fff;padding:12px}`;

const MON = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const en = (d: string) => `${MON[Number(d.slice(5, 7)) - 1] ?? "Jan"} ${Number(d.slice(8, 10))}, ${d.slice(0, 4)}`;

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { "content-type": type, "cache-control": "no-store" });
  res.end(body);
}

function result(a: LinkedinSeedAd): string {
  return `<div class="search-result-item"><div class="advertiser">${esc(a.advertiser)}</div><div>${esc(a.headline)}</div>
<a href="/ad-library/detail/${a.id}" aria-label="View details">View details</a></div>`;
}

function detail(a: LinkedinSeedAd): string {
  const preview = `<div class="ad-preview"><div class="actor"><strong>${esc(a.advertiser)}</strong><div class="promoted">Gepromoot</div></div>
<div class="commentary">${esc(a.commentary)}</div><img alt="" src="/img/${a.id}.svg" width="400" height="120"><div class="headline">${esc(a.headline)}</div></div>`;
  const rows: Array<[string, string]> = [["Advertiser", a.advertiser], ["Paid for by", a.paidForBy], ["Ran", `${en(a.first)} to ${en(a.last)}`],
    ...a.targeting.map(([k, v]): [string, string] => [`Targeting: ${k}`, v]), ["Impressions", "1k-5k"]];
  return scriptedShell({ title: "LinkedIn Ad Library", lang: "en", css: CSS, fragments: { preview, rail: `<div class="ad-detail-right-rail"><h2>Ad details</h2>${detailsList(rows)}</div>` } });
}

interface State { seed: LinkedinSeedAd[]; cap: number; faults: ReturnType<typeof libraryFaults>; events: ListEvent[] }

/**
 * One page of results from `offset` and its pagination metadata, as third-party scrapers describe the
 * real page: `<code id="paginationMetadata"><!--{"isLastPage":…,"paginationToken":…}--></code>`. The
 * replica's token is "<last ad id>-<offset of the next page>" (the real one looks like id-timestamp).
 */
function resultsPage(url: URL, st: State, offset: number): string {
  const owner = (url.searchParams.get("accountOwner") ?? "").toLowerCase();
  const country = (url.searchParams.get("countries") ?? "NL").toUpperCase();
  const all = st.seed.filter((a) => owner !== "" && a.advertiser.toLowerCase().includes(owner) && a.regions.includes(country));
  const ads = all.slice(offset, offset + st.cap);
  st.events.push({ what: offset === 0 ? "search-page" : "more", key: owner, offset, at: Date.now() });
  const last = offset + st.cap >= all.length;
  const meta = `<code id="paginationMetadata" style="display: none"><!--${JSON.stringify({ isLastPage: last, paginationToken: last ? null : `${ads[ads.length - 1]?.id ?? "0"}-${offset + st.cap}` })}--></code>`;
  return (ads.length > 0 ? ads.map(result).join("") : offset === 0 ? `<div class="ad-library-empty">No ads match</div>` : "") + meta;
}

function route(url: URL, res: ServerResponse, st: State): void {
  const html = "text/html; charset=utf-8";
  if (url.pathname === "/robots.txt") return send(res, 200, "text/plain", "User-agent: *\nAllow: /ad-library/\n");
  if (url.pathname === "/ad-library/search") {
    if (st.faults.challenge(url.searchParams.get("accountOwner"), res)) return;
    return send(res, 200, html, scriptedShell({ title: "LinkedIn Ad Library", lang: "en", css: CSS, fragments: { list: resultsPage(url, st, 0) } }));
  }
  if (url.pathname === "/ad-library/searchPaginationFragment") {
    const offset = Number(/^\d+-(\d+)$/.exec(url.searchParams.get("paginationToken") ?? "")?.[1] ?? NaN);
    if (!Number.isInteger(offset) || offset <= 0) return send(res, 400, html, "<!DOCTYPE html><title>400</title><p>Bad request</p>");
    return send(res, 200, html, resultsPage(url, st, offset));
  }
  const d = /^\/ad-library\/detail\/(\d+)$/.exec(url.pathname);
  if (d) {
    if (st.faults.rateLimited(d[1] ?? "", res)) return;
    const ad = st.seed.find((a) => a.id === d[1]);
    return ad ? send(res, 200, html, detail(ad)) : send(res, 404, html, scriptedShell({ title: "LinkedIn Ad Library", lang: "en", css: CSS, fragments: { gone: `<div class="not-found">This ad is unavailable</div>` } }));
  }
  if (/^\/img\/\d+\.svg$/.test(url.pathname)) return send(res, 200, "image/svg+xml", `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="120"><rect width="400" height="120" fill="#0a66c2"/></svg>`);
  send(res, 404, html, "<!DOCTYPE html><title>404</title><p>Page not found</p>");
}

function truth(seed: LinkedinSeedAd[]): TruthAd[] {
  return seed.map((a) => ({ replica: LINKEDIN_REPLICA_ID, source: "linkedin-ad-library", match: a.commentary.slice(0, 50), political: a.political, party: a.party, rules: [...a.rules], reachable: a.reachable }));
}

/**
 * A linkedin.com/ad-library replica: advertiser search (results paged with paginationMetadata and
 * searchPaginationFragment) and ad detail pages, rendered by script; fault routes in library-faults.ts.
 */
export function createLinkedinReplica(o: LibraryFaultOptions = {}): Replica & { events: ListEvent[] } {
  const st: State = { seed: [...LINKEDIN_SEED, ...(o.paging ? linkedinPagingSeed(o.paging.extra) : [])], cap: o.paging?.pageSize ?? 24, faults: libraryFaults(o), events: [] };
  return {
    id: LINKEDIN_REPLICA_ID,
    replicates: "linkedin.com/ad-library (public search with its pagination fragments, ad detail pages)",
    truth: truth(st.seed),
    events: st.events,
    handle(req, res) {
      route(new URL(req.url ?? "/", "http://replica.invalid"), res, st);
    },
    plan(addrs: SandboxAddresses) {
      const base = addrs[LINKEDIN_REPLICA_ID] ?? "";
      return { source: "linkedin-ad-library", options: { seeds: LINKEDIN_PLAN.map((n) => `${base}/ad-library/search?accountOwner=${encodeURIComponent(n)}&countries=NL`) } };
    },
  };
}

/** The instance the sandbox serves (no rate limiting, no paging seed). */
export const linkedinReplica: Replica = createLinkedinReplica();
