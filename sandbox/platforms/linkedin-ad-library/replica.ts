import type { ServerResponse } from "node:http";
import type { Replica, SandboxAddresses, TruthAd } from "../../replica.js";
import { libraryFaults, type LibraryFaultOptions } from "../library-faults.js";
import { detailsList, esc, scriptedShell } from "../scripted-shell.js";
import { LINKEDIN_PLAN, LINKEDIN_SEED, type LinkedinSeedAd } from "./seed.js";

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

function route(url: URL, res: ServerResponse, faults: ReturnType<typeof libraryFaults>): void {
  const html = "text/html; charset=utf-8";
  if (url.pathname === "/robots.txt") return send(res, 200, "text/plain", "User-agent: *\nAllow: /ad-library/\n");
  if (url.pathname === "/ad-library/search") {
    if (faults.challenge(url.searchParams.get("accountOwner"), res)) return;
    const owner = (url.searchParams.get("accountOwner") ?? "").toLowerCase();
    const country = (url.searchParams.get("countries") ?? "NL").toUpperCase();
    const ads = LINKEDIN_SEED.filter((a) => owner !== "" && a.advertiser.toLowerCase().includes(owner) && a.regions.includes(country));
    const list = ads.length > 0 ? ads.map(result).join("") : `<div class="ad-library-empty">No ads match</div>`;
    return send(res, 200, html, scriptedShell({ title: "LinkedIn Ad Library", lang: "en", css: CSS, fragments: { list } }));
  }
  const d = /^\/ad-library\/detail\/(\d+)$/.exec(url.pathname);
  if (d) {
    if (faults.rateLimited(d[1] ?? "", res)) return;
    const ad = LINKEDIN_SEED.find((a) => a.id === d[1]);
    return ad ? send(res, 200, html, detail(ad)) : send(res, 404, html, scriptedShell({ title: "LinkedIn Ad Library", lang: "en", css: CSS, fragments: { gone: `<div class="not-found">This ad is unavailable</div>` } }));
  }
  if (/^\/img\/\d+\.svg$/.test(url.pathname)) return send(res, 200, "image/svg+xml", `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="120"><rect width="400" height="120" fill="#0a66c2"/></svg>`);
  send(res, 404, html, "<!DOCTYPE html><title>404</title><p>Page not found</p>");
}

function truth(): TruthAd[] {
  return LINKEDIN_SEED.map((a) => ({ replica: LINKEDIN_REPLICA_ID, source: "linkedin-ad-library", match: a.commentary.slice(0, 50), political: a.political, party: a.party, rules: [...a.rules], reachable: a.reachable }));
}

/** A linkedin.com/ad-library replica: advertiser search and ad detail pages, rendered by script; fault routes in library-faults.ts. */
export function createLinkedinReplica(o: LibraryFaultOptions = {}): Replica {
  const faults = libraryFaults(o);
  return {
    id: LINKEDIN_REPLICA_ID,
    replicates: "linkedin.com/ad-library (public search and ad detail pages)",
    truth: truth(),
    handle(req, res) {
      route(new URL(req.url ?? "/", "http://replica.invalid"), res, faults);
    },
    plan(addrs: SandboxAddresses) {
      const base = addrs[LINKEDIN_REPLICA_ID] ?? "";
      return { source: "linkedin-ad-library", options: { seeds: LINKEDIN_PLAN.map((n) => `${base}/ad-library/search?accountOwner=${encodeURIComponent(n)}&countries=NL`) } };
    },
  };
}

/** The instance the sandbox serves (no rate limiting). */
export const linkedinReplica: Replica = createLinkedinReplica();
