import type { ServerResponse } from "node:http";
import type { Replica, SandboxAddresses, TruthAd } from "../../replica.js";
import { MICROSOFT_ADVERTISERS, MICROSOFT_PLAN, MICROSOFT_SEED, type MicrosoftSeedAd } from "./seed.js";

/** Replica id (also the key of its address in SandboxAddresses). */
export const MICROSOFT_REPLICA_ID = "microsoft-ad-library";

// The library's country value set (ISO → Microsoft's number), as in the public API reference.
const CODE: Record<string, number> = { NL: 129, BE: 14, DE: 72, FR: 66 };
const NAME: Record<string, string> = { NL: "Netherlands", BE: "Belgium", DE: "Germany", FR: "France" };
const JSON_TYPE = "application/json; odata.metadata=minimal; odata.streaming=true; charset=utf-8";

/** Options of a replica instance: a burst limit answers 429 without Retry-After, as the live API does after ~20 quick requests. */
export interface MicrosoftReplicaOptions { burst?: { max: number; windowMs: number } }

function send(res: ServerResponse, status: number, type: string, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": type, "cache-control": "no-store", ...headers });
  res.end(body);
}

function odataError(res: ServerResponse, status: number, message: string): void {
  send(res, status, JSON_TYPE, JSON.stringify({ error: { code: "", message, details: [] } }));
}

/** The Azure Front Door page the live API answers for paths it does not serve (its root, $metadata, robots.txt). */
const AZURE_403 = `<!DOCTYPE html><html><head><title>Service unavailable</title></head><body><h2>Our services aren't available right now</h2><p>We're working to restore all services as soon as possible. Please check back soon.</p></body></html>`;
/** A WAF JavaScript challenge instead of JSON (replica only: the live API has not been seen to send one). */
const CHALLENGE = `<!DOCTYPE html><html><head><title>Azure WAF</title><script src="/waf/jschallenge.js"></script></head><body><noscript>Please enable JavaScript</noscript><p>Verify you are human by completing the action below.</p><div class="g-recaptcha" data-sitekey="sandbox"></div></body></html>`;

function advertiserJson(id: number) {
  const a = MICROSOFT_ADVERTISERS.find((x) => x.id === id);
  return a ? { AdvertiserId: a.id, AdvertiserName: a.name, AdvertiserCountry: a.country, IsVerified: a.verified } : null;
}

function adJson(a: MicrosoftSeedAd, details: boolean) {
  const share = (100 / a.countries.length).toFixed(1);
  return {
    AdId: a.id, AdvertiserName: advertiserJson(a.advertiserId)?.AdvertiserName ?? "", AdvertiserId: a.advertiserId, Title: a.title, Description: a.description,
    DisplayUrl: a.displayUrl, DestinationUrl: `https://${a.displayUrl}`, AssetJson: "",
    AdDetails: details ? {
      PaidForByName: a.paidForBy, StartDate: `${a.first}T00:00:00`, EndDate: `${a.last}T00:00:00`, TotalImpressionsRange: a.impressions,
      ImpressionsByCountry: a.countries.map((c) => ({ Country: NAME[c] ?? c, ImpressionShare: `${share}%` })),
      Targets: a.targets.map(([t, ex]) => ({ TargetType: t, UsedForExclusion: ex })), RejectionJson: null,
    } : null,
  };
}

/** Reads top/skip as the live API does: refused beyond its limits with its own messages. */
function paging(url: URL, res: ServerResponse, defaultTop: number): { top: number; skip: number } | null {
  const top = Number(url.searchParams.get("top") ?? defaultTop);
  const skip = Number(url.searchParams.get("skip") ?? 0);
  if (!Number.isInteger(top) || !Number.isInteger(skip) || top < 0 || skip < 0) return (odataError(res, 400, "The query specified in the URI is not valid."), null);
  if (top > 24) return (odataError(res, 400, "The limit of '24' for Top query has been exceeded. The value from the incoming request is '" + top + "'."), null);
  if (skip > 999) return (odataError(res, 400, "The limit of '999' for Skip query has been exceeded. The value from the incoming request is '" + skip + "'."), null);
  return { top, skip };
}

function collection(res: ServerResponse, origin: string, set: string, all: unknown[], p: { top: number; skip: number }): void {
  // The live count stops at 1000.
  send(res, 200, JSON_TYPE, JSON.stringify({ "@odata.context": `${origin}/api/v1/$metadata#${set}`, "@odata.count": Math.min(all.length, 1000), value: all.slice(p.skip, p.skip + p.top) }));
}

function adsQuery(url: URL, origin: string, res: ServerResponse): void {
  const p = paging(url, res, 12);
  if (!p) return;
  const text = (url.searchParams.get("searchText") ?? "").toLowerCase();
  if (text.includes("referendum")) return send(res, 403, "text/html; charset=utf-8", CHALLENGE);
  const adv = url.searchParams.get("advertiserId");
  const codes = (url.searchParams.get("countryCodes") ?? "").split(",").filter(Boolean).map(Number);
  const from = url.searchParams.get("startDate");
  const to = url.searchParams.get("endDate");
  const hits = MICROSOFT_SEED.filter((a) => {
    const name = advertiserJson(a.advertiserId)?.AdvertiserName ?? "";
    if (adv !== null && String(a.advertiserId) !== adv) return false;
    if (text && !`${a.title} ${a.description} ${name}`.toLowerCase().includes(text)) return false;
    if (codes.length > 0 && !a.countries.some((c) => codes.includes(CODE[c] ?? -1))) return false;
    return (!from || a.last >= from) && (!to || a.first <= to);
  });
  collection(res, origin, "Ads", hits.map((a) => adJson(a, false)), p);
}

/** Microsoft Ad Library API replica (adlibrary.api.bingads.microsoft.com/api/v1): OData JSON, paging, limits, 404, 429, a challenge page. */
export function createMicrosoftReplica(o: MicrosoftReplicaOptions = {}): Replica {
  const limited = new Set<number>();
  let recent: number[] = [];
  function route(url: URL, origin: string, res: ServerResponse): void {
    if (o.burst) {
      const now = Date.now();
      recent = recent.filter((t) => now - t < o.burst!.windowMs);
      recent.push(now);
      if (recent.length > o.burst.max) return send(res, 429, "text/plain", "Too Many Requests");
    }
    if (url.pathname === "/api/v1/Ads") return adsQuery(url, origin, res);
    if (url.pathname === "/api/v1/Advertisers") {
      const p = paging(url, res, 3);
      if (!p) return;
      const text = (url.searchParams.get("searchText") ?? "").toLowerCase();
      return collection(res, origin, "Advertisers", MICROSOFT_ADVERTISERS.filter((a) => a.name.toLowerCase().includes(text)).map((a) => advertiserJson(a.id)), p);
    }
    const one = /^\/api\/v1\/(Ads|Advertisers)(?:\/|\()(\d+)\)?$/.exec(url.pathname);
    if (one?.[1] === "Advertisers") {
      const a = advertiserJson(Number(one[2]));
      return a ? send(res, 200, JSON_TYPE, JSON.stringify({ "@odata.context": `${origin}/api/v1/$metadata#Advertisers/$entity`, ...a })) : odataError(res, 404, "Advertiser not found.");
    }
    if (one) {
      const ad = MICROSOFT_SEED.find((a) => a.id === Number(one[2]));
      if (!ad || ad.detail === "gone") return odataError(res, 404, "Ad not found.");
      if (ad.detail === "429-once" && !limited.has(ad.id)) {
        limited.add(ad.id);
        return send(res, 429, "text/plain", "Too Many Requests", { "retry-after": "1" });
      }
      const details = /AdDetails/.test(url.searchParams.get("expand") ?? "");
      return send(res, 200, JSON_TYPE, JSON.stringify({ "@odata.context": `${origin}/api/v1/$metadata#Ads/$entity`, ...adJson(ad, details) }));
    }
    send(res, 403, "text/html", AZURE_403);
  }
  return {
    id: MICROSOFT_REPLICA_ID,
    replicates: "adlibrary.api.bingads.microsoft.com (the Microsoft Ad Library's public API behind adlibrary.ads.microsoft.com)",
    truth: MICROSOFT_SEED.map((a): TruthAd => ({ replica: MICROSOFT_REPLICA_ID, source: "microsoft-ad-library", match: a.description.slice(0, 50), political: a.political, party: a.party, rules: [...a.rules], reachable: a.reachable })),
    handle(req, res) {
      if (req.method !== "GET") return odataError(res, 405, "The requested resource does not support http method '" + String(req.method) + "'.");
      route(new URL(req.url ?? "/", "http://replica.invalid"), `http://${req.headers.host ?? "127.0.0.1"}`, res);
    },
    plan(addrs: SandboxAddresses) {
      return { source: "microsoft-ad-library", options: { seeds: [...MICROSOFT_PLAN.seeds], terms: [...MICROSOFT_PLAN.terms], pageSize: MICROSOFT_PLAN.pageSize, apiBase: addrs[MICROSOFT_REPLICA_ID] ?? "", allowPrivate: true } };
    },
  };
}
