import type { IncomingMessage, ServerResponse } from "node:http";
import type { Replica, SandboxAddresses, TruthAd } from "../../replica.js";
import { handleAdsArchive, type GraphState } from "./graph.js";
import { noticePage, snapshotErrorPage, snapshotPage } from "./pages.js";
import { META_PLAN, META_SEED, SANDBOX_META_TOKEN } from "./seed.js";

/** Replica id (also the key of its address in SandboxAddresses). */
export const META_REPLICA_ID = "meta-ad-library";

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { "content-type": type, "cache-control": "no-store" });
  res.end(body);
}

function handleSnapshot(req: IncomingMessage, res: ServerResponse, url: URL): void {
  const ad = META_SEED.find((a) => a.id === url.searchParams.get("id"));
  if (url.searchParams.get("access_token") !== SANDBOX_META_TOKEN) return send(res, 400, "text/html; charset=utf-8", snapshotErrorPage());
  if (!ad) return send(res, 404, "text/html; charset=utf-8", snapshotErrorPage());
  send(res, 200, "text/html; charset=utf-8", snapshotPage(ad, `http://${req.headers.host ?? "127.0.0.1"}`));
}

function handleNotice(res: ServerResponse, id: string): void {
  const ad = META_SEED.find((a) => a.id === id);
  if (!ad?.label || ad.label.notice === "missing-page" || ad.label.notice === null) {
    return send(res, 404, "text/html; charset=utf-8", "<!DOCTYPE html><title>Niet gevonden</title><h1>Pagina niet gevonden</h1>");
  }
  send(res, 200, "text/html; charset=utf-8", noticePage(ad, ad.label.notice === "complete"));
}

/** The truth list: every seeded ad, matched by a snippet of its creative. */
export function metaTruth(): TruthAd[] {
  return META_SEED.map((a) => ({
    replica: META_REPLICA_ID, source: "meta-ad-library", match: a.body.slice(0, 60), political: a.political,
    party: a.party, rules: [...a.rules], reachable: a.reachable,
  }));
}

/**
 * Builds a Meta Ad Library replica: graph.facebook.com's `/v{n}/ads_archive` with real field names,
 * cursor paging, OAuth errors, the usage header and an occasional 613; www.facebook.com's
 * `/ads/archive/render_ad/` snapshots rendered by script; and the advertisers' transparency notices.
 * Each call gets its own rate-limit state.
 */
export function createMetaReplica(): Replica {
  const state: GraphState = { calls: 0, throttled: new Set() };
  return {
    id: META_REPLICA_ID,
    replicates: "graph.facebook.com ads_archive + facebook.com/ads/archive/render_ad snapshots",
    truth: metaTruth(),
    handle(req, res) {
      const url = new URL(req.url ?? "/", "http://replica.invalid");
      if (req.method !== "GET" && req.method !== "HEAD") return send(res, 405, "text/plain", "method not allowed");
      if (url.pathname === "/robots.txt") return send(res, 200, "text/plain", "User-agent: *\nAllow: /\n");
      if (/^\/v\d+\.\d+\/ads_archive\/?$/.test(url.pathname)) return handleAdsArchive(req, res, url, state);
      if (url.pathname === "/ads/archive/render_ad/" || url.pathname === "/ads/archive/render_ad") return handleSnapshot(req, res, url);
      const notice = /^\/politieke-reclame\/verklaring\/(\d+)$/.exec(url.pathname);
      if (notice?.[1]) return handleNotice(res, notice[1]);
      send(res, 404, "application/json", JSON.stringify({ error: { message: "Unknown path components", type: "OAuthException", code: 2500 } }));
    },
    plan(addrs: SandboxAddresses) {
      const base = addrs[META_REPLICA_ID] ?? "";
      return {
        source: "meta-ad-library",
        options: { seeds: [], allowPrivate: true, apiBase: `${base}/v21.0`, token: SANDBOX_META_TOKEN, terms: META_PLAN.terms, pageIds: META_PLAN.pageIds, countries: META_PLAN.countries, limit: 4, throttleBaseMs: 200 },
      };
    },
  };
}

/** A ready replica instance for the sandbox's list. */
export const metaReplica: Replica = createMetaReplica();
