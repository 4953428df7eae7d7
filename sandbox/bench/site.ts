/**
 * The benchmark site: N article pages, each with 3 ads, linked in a chain so a crawler discovers them
 * all from the front page. `scripted` pages insert their ads with script (the browser is needed);
 * static pages carry them in the HTML. Political ads (label, sponsor, notice link) fill every slot, or
 * with `politicalEvery: k` only the first slot of every k-th page, the others being commercial ads
 * (as on a news site, where most ads are not political).
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** A running bench site. */
export interface BenchSite { base: string; pages: number; adsPerPage: number; politicalAds: number; urls: string[]; close(): Promise<void> }

function commercialAd(page: number, n: number): string {
  const id = `p${page}-a${n}`;
  return `<div class="ad-slot" data-ad="${id}"><div class="ad-label" style="font-size:12px">Advertentie</div><h3>Fietshuis ${id}</h3><p>Nu twintig procent korting op alle fietsen en gratis onderhoud: aanbieding ${id}.</p><a href="/aanbieding/${id}">Bekijk de aanbieding</a></div>`;
}

function ad(page: number, n: number): string {
  const id = `p${page}-a${n}`;
  return `<div class="ad-slot" data-ad="${id}"><div class="pa-label" style="font-size:12px">Politieke advertentie · Betaald door Partij ${n} · Gemeenteraadsverkiezingen 18 maart 2026 · <a href="/verklaring/${n}">Waarom zie ik deze advertentie?</a></div><h3>Advertentie ${id}</h3><p>Stem op partij ${n}: tekst van advertentie ${id}.</p></div>`;
}

function page(i: number, total: number, o: { scripted: boolean; politicalEvery: number }): string {
  const links = [1, 2, 3].map((d) => i + d).filter((j) => j < total).map((j) => `<a href="/artikel/${j}">Artikel ${j}</a>`).join(" ");
  const ads = [0, 1, 2].map((n) => (n === 0 && i % o.politicalEvery === 0) || o.politicalEvery === 1 ? ad(i, n) : commercialAd(i, n)).join("");
  const scripted = o.scripted;
  const aside = scripted ? `<aside id="ads"></aside><script>document.getElementById("ads").innerHTML = ${JSON.stringify(ads).replace(/</g, "\\u003c")};</script>` : `<aside id="ads">${ads}</aside>`;
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Artikel ${i}</title></head><body><main><h1>Artikel ${i}</h1><p>${"Nieuws over de gemeenteraad. ".repeat(20)}</p><nav>${links}</nav></main>${aside}</body></html>`;
}

/** Serves the bench site on 127.0.0.1 (port 0). */
export async function startBenchSite(o: { pages?: number; scripted: boolean; politicalEvery?: number }): Promise<BenchSite> {
  const total = o.pages ?? 300;
  const politicalEvery = Math.max(1, o.politicalEvery ?? 1);
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    const m = /^\/artikel\/(\d+)$/.exec(path);
    if (path === "/robots.txt") return void res.writeHead(200, { "content-type": "text/plain" }).end("User-agent: *\nAllow: /\n");
    if (m && Number(m[1]) < total) return void res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page(Number(m[1]), total, { scripted: o.scripted, politicalEvery }));
    if (path.startsWith("/verklaring/")) return void res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end("<!doctype html><h1>Transparantieverklaring</h1><p>Opdrachtgever: Partij</p>");
    res.writeHead(404, { "content-type": "text/plain" }).end("not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const politicalAds = politicalEvery === 1 ? total * 3 : Math.ceil(total / politicalEvery);
  return { base, pages: total, adsPerPage: 3, politicalAds, urls: Array.from({ length: total }, (_, i) => `${base}/artikel/${i}`), close: () => new Promise((r) => { server.closeAllConnections(); server.close(() => r()); }) };
}
