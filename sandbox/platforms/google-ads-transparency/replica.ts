import type { ServerResponse } from "node:http";
import type { Replica, SandboxAddresses, TruthAd } from "../../replica.js";
import { transparencyNotice } from "../notice-template.js";
import { creativePage, displayCreative, listPage, previewSvg } from "./pages.js";
import { ATC_PLAN, ATC_SEED } from "./seed.js";

/** Replica id (also the key of its address in SandboxAddresses). */
export const ATC_REPLICA_ID = "google-ads-transparency";

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { "content-type": type, "cache-control": "no-store" });
  res.end(body);
}

function region(url: URL): string {
  return (url.searchParams.get("region") ?? "NL").toUpperCase();
}

function route(url: URL, origin: string, res: ServerResponse): void {
  const p = url.pathname;
  const html = "text/html; charset=utf-8";
  if (p === "/robots.txt") return send(res, 200, "text/plain", "User-agent: *\nAllow: /\n");
  const creative = /^\/advertiser\/(AR\d+)\/creative\/(CR\d+)$/.exec(p);
  if (creative) {
    const c = ATC_SEED.find((x) => x.id === creative[2] && x.advertiserId === creative[1]);
    return c ? send(res, 200, html, creativePage(c)) : send(res, 404, html, listPage("Advertentie niet gevonden", []));
  }
  const adv = /^\/advertiser\/(AR\d+)$/.exec(p);
  if (adv) {
    const list = ATC_SEED.filter((c) => c.advertiserId === adv[1] && c.regions.includes(region(url)));
    return send(res, 200, html, listPage(list[0]?.advertiser ?? "Adverteerder", list));
  }
  if (p === "/" && url.searchParams.get("domain")) {
    const domain = url.searchParams.get("domain") ?? "";
    return send(res, 200, html, listPage(`Advertenties voor ${domain}`, ATC_SEED.filter((c) => c.domain === domain && c.regions.includes(region(url)))));
  }
  const bundle = /^\/archive\/sadbundle\/(CR\d+)\/index\.html$/.exec(p);
  const frameAd = bundle ? ATC_SEED.find((x) => x.id === bundle[1]) : undefined;
  if (frameAd) return send(res, 200, html, displayCreative(frameAd, origin));
  const preview = /^\/archive\/preview\/(CR\d+)\.svg$/.exec(p);
  const previewAd = preview ? ATC_SEED.find((x) => x.id === preview[1]) : undefined;
  if (previewAd) return send(res, 200, "image/svg+xml", previewSvg(previewAd));
  const notice = /^\/transparantie\/(CR\d+)$/.exec(p);
  const noticeAd = notice ? ATC_SEED.find((x) => x.id === notice[1] && x.label?.notice) : undefined;
  if (noticeAd) {
    return send(res, 200, html, transparencyNotice({ id: noticeAd.id, sponsor: noticeAd.advertiser, domain: noticeAd.domain, start: noticeAd.first, stop: noticeAd.last, targeting: null }, true));
  }
  send(res, 404, html, "<!DOCTYPE html><title>404</title><p>Niet gevonden</p>");
}

function truth(): TruthAd[] {
  return ATC_SEED.map((c) => ({ replica: ATC_REPLICA_ID, source: "google-ads-transparency", match: c.body.slice(0, 60), political: c.political, party: c.party, rules: [...c.rules], reachable: c.reachable }));
}

/**
 * Google Ads Transparency Center replica (adstransparency.google.com): advertiser pages and domain
 * searches listing `<creative-preview>` cards, creative pages with the creative and a metadata panel,
 * all rendered by script; image creatives in an iframe as Google archives them.
 */
export const atcReplica: Replica = {
  id: ATC_REPLICA_ID,
  replicates: "adstransparency.google.com (advertiser pages, domain search, creative pages)",
  truth: truth(),
  handle(req, res) {
    const url = new URL(req.url ?? "/", "http://replica.invalid");
    route(url, `http://${req.headers.host ?? "127.0.0.1"}`, res);
  },
  plan(addrs: SandboxAddresses) {
    const base = addrs[ATC_REPLICA_ID] ?? "";
    const seeds = [...ATC_PLAN.advertisers.map((a) => `${base}/advertiser/${a}?region=NL`), ...ATC_PLAN.domains.map((d) => `${base}/?region=NL&domain=${d}`)];
    return { source: "google-ads-transparency", options: { seeds } };
  },
};
