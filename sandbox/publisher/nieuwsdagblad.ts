import type { IncomingMessage, ServerResponse } from "node:http";
import type { Replica, SandboxAddresses } from "../replica.js";
import { NIEUWSDAGBLAD_ADS, truthOf } from "./ads.js";
import { ARTICLES, type Article } from "./articles.js";
import { esc, placementHtml } from "./creative.js";

const ROBOTS = "User-agent: *\nDisallow: /prive/\nAllow: /\n";

function layout(title: string, main: string, aside: string): string {
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>${esc(title)} | Nieuwsdagblad</title>
<meta property="og:site_name" content="Nieuwsdagblad">
<style>body{font:16px/1.5 Georgia,serif;margin:0;color:#111}header,footer{background:#0b3d91;color:#fff;padding:8px 16px}header a,footer a{color:#fff;margin-right:12px}
.wrap{display:flex;gap:24px;padding:16px}main{flex:1;max-width:680px}aside{width:340px}.ad-marker,.native-marker,.adv-marker{font:11px Arial;color:#555;text-transform:uppercase}
.native-ad,.advertorial{background:#fffbe6;padding:8px;margin:12px 0}.ad-slot,.ad-wrap{margin:12px 0}</style></head>
<body><header><strong>Nieuwsdagblad</strong> <nav><a href="/">Voorpagina</a><a href="/nieuws/opkomst-verkiezingen">Verkiezingen</a><a href="/sport/ajax-psv">Sport</a></nav></header>
<div class="wrap"><main>${main}</main><aside>${aside}</aside></div>
<footer><a href="/prive/abonnees">Abonnees</a> <a href="/colofon">Colofon</a></footer></body></html>`;
}

function adsFor(path: string, addrs: SandboxAddresses): string {
  const o = { adServer: addrs["ad-server"] ?? "", noticeBase: addrs["notice-host"] ?? "" };
  return NIEUWSDAGBLAD_ADS.filter((a) => a.page === path).map((a, i) => placementHtml(a, i, o)).join("\n");
}

function articlePage(a: Article, addrs: SandboxAddresses): string {
  const related = ARTICLES.filter((x) => x.path !== a.path && !x.path.startsWith("/prive")).slice(0, 3).map((x) => `<li><a href="${x.path}">${esc(x.title)}</a></li>`).join("");
  const main = `<article><h1>${esc(a.title)}</h1>${a.paragraphs.map((p) => `<p>${esc(p)}</p>`).join("")}</article><h2>Meer nieuws</h2><ul>${related}</ul>`;
  return layout(a.title, main, adsFor(a.path, addrs));
}

function homePage(addrs: SandboxAddresses): string {
  const teasers = ARTICLES.filter((x) => !x.path.startsWith("/prive")).map((x) => `<div class="teaser"><h2><a href="${x.path}">${esc(x.title)}</a></h2><p>${esc(x.paragraphs[0] ?? "")}</p></div>`).join("");
  return layout("Voorpagina", `<h1>Het laatste nieuws</h1>${teasers}`, adsFor("/", addrs));
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { "content-type": type, "cache-control": "no-store" });
  res.end(body);
}

/** A Dutch news site with political news, display ads in cross-origin frames, GPT slots, native ads and an advertorial. */
export const nieuwsdagblad: Replica = {
  id: "nieuwsdagblad",
  replicates: "a Dutch news publisher (nu.nl / ad.nl style) with programmatic and native ad slots",
  truth: truthOf(NIEUWSDAGBLAD_ADS, "nieuwsdagblad"),
  handle(req: IncomingMessage, res: ServerResponse, addrs: SandboxAddresses) {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    if (path === "/robots.txt") return send(res, 200, "text/plain", ROBOTS);
    if (path === "/") return send(res, 200, "text/html; charset=utf-8", homePage(addrs));
    const a = ARTICLES.find((x) => x.path === path);
    if (a) return send(res, 200, "text/html; charset=utf-8", articlePage(a, addrs));
    return send(res, 404, "text/html; charset=utf-8", layout("Niet gevonden", "<h1>Pagina niet gevonden</h1>", ""));
  },
  plan: (addrs) => ({ source: "publisher", options: { seeds: [`${addrs["nieuwsdagblad"]}/`], allowPrivate: true, maxDepth: 2 } }),
};
