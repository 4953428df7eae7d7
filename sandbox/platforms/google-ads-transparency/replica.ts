import type { ServerResponse } from "node:http";
import type { Replica, SandboxAddresses, TruthAd } from "../../replica.js";
import { transparencyNotice } from "../notice-template.js";
import { creativeGonePage, creativePage, displayCreative, listPage, previewSvg } from "./pages.js";
import { parseSearch, SEARCH_CREATIVES_PATH, searchAnswer, searchMatches, sorryPage } from "./rpc.js";
import { ATC_PAGED_ADVERTISER, ATC_PLAN, ATC_SEED, ATC_WALLED_LATER_DOMAIN, atcPagingSeed, type AtcCreative } from "./seed.js";

/** Replica id (also the key of its address in SandboxAddresses). */
export const ATC_REPLICA_ID = "google-ads-transparency";

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { "content-type": type, "cache-control": "no-store" });
  res.end(body);
}

function region(url: URL): string {
  return (url.searchParams.get("region") ?? "NL").toUpperCase();
}

/** The advertiser whose page Google answers with its "unusual traffic" wall (a redirect to /sorry/index, then 429). */
export const ATC_WALLED_ADVERTISER = "AR20269999999999999999";

/** Options of a replica instance (the sandbox's own instance uses none, so the demo's crawl is unchanged). */
export interface AtcReplicaOptions {
  /** Serve the paging seed too (atcPagingSeed) and cap SearchCreatives pages at `pageSize` creatives. */
  paging?: { pageSize: number; listed: number; walled: number };
  /** Answer each page token's first SearchCreatives call, and the first request of each creative of ATC_PAGED_ADVERTISER, with 429 and Retry-After. */
  rateLimit?: { rpcRetryAfterS: number; creativeRetryAfterS: number };
}

/** What the replica answered, in order, for tests that check waits (Retry-After) and paging. */
export interface AtcEvent { what: "rpc" | "rpc-429" | "rpc-wall" | "creative" | "creative-429" | "list-wall"; key: string; at: number }

interface State { seed: AtcCreative[]; cap: number; o: AtcReplicaOptions; limited: Set<string>; events: AtcEvent[] }

function searchCreatives(body: string, st: State, res: ServerResponse): void {
  const s = parseSearch(body);
  if (!s) return send(res, 400, "application/json; charset=utf-8", JSON.stringify({ "2": "com.google.ads.transparency.BadRequestException", "5": 400, "9": 3 }));
  const key = `${s.advertiserIds.join(",")}|${s.domain}|${s.offset}`;
  if (s.token && s.domain === ATC_WALLED_LATER_DOMAIN) {
    st.events.push({ what: "rpc-wall", key, at: Date.now() });
    return send(res, 429, "text/html; charset=UTF-8", sorryPage(`https://adstransparency.google.com${SEARCH_CREATIVES_PATH}?authuser=`));
  }
  if (s.token && st.o.rateLimit && !st.limited.has(`rpc:${key}`)) {
    st.limited.add(`rpc:${key}`);
    st.events.push({ what: "rpc-429", key, at: Date.now() });
    res.writeHead(429, { "content-type": "text/plain", "retry-after": String(st.o.rateLimit.rpcRetryAfterS) });
    return void res.end("Too Many Requests");
  }
  st.events.push({ what: "rpc", key, at: Date.now() });
  send(res, 200, "application/json; charset=utf-8", searchAnswer(searchMatches(st.seed, s), s, st.cap));
}

function route(url: URL, origin: string, res: ServerResponse, st: State): void {
  const p = url.pathname;
  const html = "text/html; charset=utf-8";
  if (p === "/robots.txt") return send(res, 200, "text/plain", "User-agent: *\nAllow: /\n");
  if (p === "/sorry/index") return send(res, 429, html, sorryPage(url.searchParams.get("continue") ?? ""));
  const creative = /^\/advertiser\/(AR\d+)\/creative\/(CR\d+)$/.exec(p);
  if (creative) {
    if (st.o.rateLimit && creative[1] === ATC_PAGED_ADVERTISER && !st.limited.has(`cr:${creative[2]}`)) {
      st.limited.add(`cr:${creative[2]}`);
      st.events.push({ what: "creative-429", key: creative[2] ?? "", at: Date.now() });
      res.writeHead(429, { "content-type": "text/html", "retry-after": String(st.o.rateLimit.creativeRetryAfterS) });
      return void res.end("<!DOCTYPE html><title>429</title><p>Too Many Requests</p>");
    }
    st.events.push({ what: "creative", key: creative[2] ?? "", at: Date.now() });
    const c = st.seed.find((x) => x.id === creative[2] && x.advertiserId === creative[1]);
    return c ? send(res, 200, html, creativePage(c)) : send(res, 404, html, creativeGonePage());
  }
  const adv = /^\/advertiser\/(AR\d+)$/.exec(p);
  if (adv?.[1] === ATC_WALLED_ADVERTISER) {
    st.events.push({ what: "list-wall", key: adv[1], at: Date.now() });
    res.writeHead(302, { location: `/sorry/index?continue=${encodeURIComponent(url.href.replace(url.origin, origin))}&q=sandbox` });
    return void res.end();
  }
  if (adv) {
    const name = st.seed.find((c) => c.advertiserId === adv[1])?.advertiser ?? "Adverteerder";
    return send(res, 200, html, listPage(name, region(url), { advertiserId: adv[1] }));
  }
  if (p === "/" && url.searchParams.get("domain")) {
    const domain = url.searchParams.get("domain") ?? "";
    return send(res, 200, html, listPage(`Advertenties voor ${domain}`, region(url), { domain }));
  }
  const bundle = /^\/archive\/sadbundle\/(CR\d+)\/index\.html$/.exec(p);
  const frameAd = bundle ? st.seed.find((x) => x.id === bundle[1]) : undefined;
  if (frameAd) return send(res, 200, html, displayCreative(frameAd, origin));
  const preview = /^\/archive\/preview\/(CR\d+)\.svg$/.exec(p);
  const previewAd = preview ? st.seed.find((x) => x.id === preview[1]) : undefined;
  if (previewAd) return send(res, 200, "image/svg+xml", previewSvg(previewAd));
  const notice = /^\/transparantie\/(CR\d+)$/.exec(p);
  const noticeAd = notice ? st.seed.find((x) => x.id === notice[1] && x.label?.notice) : undefined;
  if (noticeAd) {
    return send(res, 200, html, transparencyNotice({ id: noticeAd.id, sponsor: noticeAd.advertiser, domain: noticeAd.domain, start: noticeAd.first, stop: noticeAd.last, targeting: null }, true));
  }
  send(res, 404, html, "<!DOCTYPE html><title>404</title><p>Niet gevonden</p>");
}

function truth(st: State): TruthAd[] {
  // Behind the wall: creatives of the walled-later domain past its first page.
  const walled = searchMatches(st.seed, { advertiserIds: [], domain: ATC_WALLED_LATER_DOMAIN, region: "NL", pageSize: 100, offset: 0, token: null }).slice(st.cap).map((c) => c.id);
  return st.seed.map((c) => ({
    replica: ATC_REPLICA_ID, source: "google-ads-transparency", match: c.body.slice(0, 60), political: c.political, party: c.party, rules: [...c.rules],
    reachable: c.reachable && !walled.includes(c.id),
  }));
}

/** A replica with its event log (what it answered, when). */
export interface AtcReplica extends Replica { events: AtcEvent[] }

/**
 * Google Ads Transparency Center replica (adstransparency.google.com): advertiser pages and domain
 * searches whose script asks SearchCreatives (rpc.ts) for `<creative-preview>` cards and pages on with
 * its token, creative pages with the creative and a metadata panel, all rendered by script; image
 * creatives in an iframe as Google archives them. Google's "unusual traffic" wall (ATC_WALLED_ADVERTISER,
 * later pages of ATC_WALLED_LATER_DOMAIN) and, as an option, 429s with Retry-After.
 */
export function createAtcReplica(o: AtcReplicaOptions = {}): AtcReplica {
  const st: State = { seed: [...ATC_SEED, ...(o.paging ? atcPagingSeed(o.paging) : [])], cap: o.paging?.pageSize ?? 40, o, limited: new Set(), events: [] };
  return {
    id: ATC_REPLICA_ID,
    replicates: "adstransparency.google.com (advertiser pages, domain search, SearchCreatives paging, creative pages)",
    truth: truth(st),
    events: st.events,
    handle(req, res) {
      const url = new URL(req.url ?? "/", "http://replica.invalid");
      if (req.method === "POST" && url.pathname === SEARCH_CREATIVES_PATH) {
        let body = "";
        req.setEncoding("utf8");
        req.on("data", (c: string) => {
          if (body.length < 100_000) body += c;
        });
        req.on("end", () => searchCreatives(body, st, res));
        return;
      }
      route(url, `http://${req.headers.host ?? "127.0.0.1"}`, res, st);
    },
    plan(addrs: SandboxAddresses) {
      const base = addrs[ATC_REPLICA_ID] ?? "";
      const seeds = [...ATC_PLAN.advertisers.map((a) => `${base}/advertiser/${a}?region=NL`), ...ATC_PLAN.domains.map((d) => `${base}/?region=NL&domain=${d}`)];
      return { source: "google-ads-transparency", options: { seeds } };
    },
  };
}

/** The instance the sandbox serves (no paging seed, no rate limiting). */
export const atcReplica: Replica = createAtcReplica();
