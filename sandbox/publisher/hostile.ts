import { readFileSync, existsSync } from "node:fs";
import type { ServerResponse } from "node:http";
import type { Replica, SandboxAddresses, TruthAd } from "../replica.js";

/** What the crawler must record for each hostile route (frontier status and reason). */
export const HOSTILE_EXPECT: Record<string, { status: "done" | "failed" | "blocked"; reason?: string }> = {
  "/slow": { status: "failed", reason: "timeout" },
  "/loop": { status: "failed", reason: "redirect-loop" },
  "/huge-dom": { status: "failed", reason: "dom-too-large" },
  "/infinite": { status: "done" },
  "/dialogs": { status: "done" },
  "/popup": { status: "done" },
  "/download": { status: "failed", reason: "download" },
  "/giant-image": { status: "done" },
  "/malformed": { status: "done" },
  "/wrong-type": { status: "failed", reason: "wrong-content-type" },
  "/challenge": { status: "blocked", reason: "bot-challenge" },
  "/rate-limited": { status: "done" },
};

const ad = (text: string) => `<div class="ad-slot" data-ad="x"><div class="ad-marker">Advertentie</div><p class="cr">${text}</p><a href="/klik">Bekijk</a></div>`;

/** Ads on hostile pages; those on pages that cannot be crawled are unreachable. */
export const HOSTILE_ADS: Array<{ path: string; text: string; reachable: boolean }> = [
  { path: "/dialogs", text: "Kookwinkel Pannenkoek: alle pannen 30 procent korting deze week.", reachable: true },
  { path: "/infinite", text: "Tuincentrum Groenrijk: vaste planten drie halen twee betalen.", reachable: true },
  { path: "/popup", text: "Brillenhuis Scherp: tweede bril gratis bij elke montuuraankoop.", reachable: true },
  { path: "/giant-image", text: "Bakkerij Goudkorst: verse croissants elke zondag vanaf zeven uur.", reachable: true },
  { path: "/malformed", text: "Schoenmaker Hak en Zool: reparatie klaar terwijl u wacht.", reachable: true },
  { path: "/rate-limited", text: "Drukkerij Inktvis: visitekaartjes binnen 24 uur geleverd.", reachable: true },
  { path: "/huge-dom", text: "Meubelplein Zitgoed: bankstellen tot 40 procent afgeprijsd.", reachable: false },
  { path: "/slow", text: "Slotenmaker Sleutelbos: 24 uur per dag bereikbaar.", reachable: false },
];

const page = (title: string, body: string) => `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1>${body}</body></html>`;
const adOn = (path: string) => ad(HOSTILE_ADS.find((a) => a.path === path)?.text ?? "");

function challengeBody(): string {
  const real = new URL("../../../shared/data/real/metatargetr-meta-adlibrary-challenge-page/last_response.html", import.meta.url);
  // The real Meta challenge page when present (shape kept in sync), else its two essential lines.
  return existsSync(real) ? readFileSync(real, "utf8") : "<html><body><script>fetch('/__rd_verify_x?challenge=3',{method:'POST'}).finally(()=>location.reload())</script></body></html>";
}

/** 100k elements in ~0.8 MB: empty inline tags keep parsing cheap, so the node bound (not a timeout) stops the crawl. */
function hugeDom(): string {
  const cells = "<i></i>".repeat(100);
  return page("Enorme pagina", adOn("/huge-dom") + `<div>${cells}</div>`.repeat(1000));
}

const INFINITE = `<div id="feed"></div><script>let n=0;function more(){for(let i=0;i<20;i++){const p=document.createElement('p');p.textContent='Bericht '+(n++);document.getElementById('feed').appendChild(p);}}more();addEventListener('scroll',()=>{if(innerHeight+scrollY>document.body.scrollHeight-200)more();});</script>`;

function route(path: string, res: ServerResponse, hits: Map<string, number>): void {
  // hits is per sandbox start, so every sandbox sees its first /rate-limited request refused
  const html = (body: string, status = 200) => {
    res.writeHead(status, { "content-type": "text/html; charset=utf-8" });
    res.end(body);
  };
  switch (path) {
    case "/": return html(page("Vijandige pagina's", Object.keys(HOSTILE_EXPECT).map((p) => `<a href="${p}">${p}</a>`).join(" ")));
    case "/robots.txt": res.writeHead(200, { "content-type": "text/plain" }); return void res.end("User-agent: *\nAllow: /\n");
    case "/slow":
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.write(`<!doctype html><html><head><title>Traag</title></head><body>${adOn("/slow")}`);
      return; // never ends: the server closes it on shutdown
    case "/loop": res.writeHead(302, { location: "/loop2" }); return void res.end();
    case "/loop2": res.writeHead(302, { location: "/loop" }); return void res.end();
    case "/huge-dom": return html(hugeDom());
    case "/infinite": return html(page("Oneindig scrollen", adOn("/infinite") + INFINITE));
    case "/dialogs": return html(page("Dialogen", `<script>alert('Welkom!');confirm('Cookies accepteren?');prompt('Uw naam?');</script>${adOn("/dialogs")}`));
    case "/popup": return html(page("Pop-up", `<script>window.open('/','_blank');</script>${adOn("/popup")}`));
    case "/download": res.writeHead(200, { "content-type": "application/octet-stream", "content-disposition": 'attachment; filename="setup.exe"' }); return void res.end(Buffer.alloc(4096));
    case "/giant-image": return html(page("Grote afbeelding", `${adOn("/giant-image")}<img src="/giant.svg" width="12000" height="12000" alt="">`));
    case "/giant.svg": res.writeHead(200, { "content-type": "image/svg+xml" }); return void res.end('<svg xmlns="http://www.w3.org/2000/svg" width="12000" height="12000"><rect width="12000" height="12000" fill="#8ac"/></svg>');
    case "/malformed": return html(`<html><head><title>Kapot</title><body><div><table><tr><td>${adOn("/malformed")}<p>ongesloten <b>vet <i>schuin</div></td></span></body></html><div>na het einde`);
    case "/wrong-type": res.writeHead(200, { "content-type": "image/png" }); return void res.end(page("Eigenlijk HTML", adOn("/dialogs")));
    case "/challenge": return html(challengeBody(), 403);
    case "/rate-limited": {
      const n = (hits.get(path) ?? 0) + 1;
      hits.set(path, n);
      if (n === 1) { res.writeHead(429, { "retry-after": "1", "content-type": "text/plain" }); return void res.end("Too Many Requests"); }
      return html(page("Na wachten", adOn("/rate-limited")));
    }
    default: return html(page("Niet gevonden", ""), 404);
  }
}

/** Pages that try to break a crawler: hang, loop, explode, pop up, download, rate-limit and challenge. */
export function makeHostileSite(): Replica {
  const hitsByStart = new WeakMap<SandboxAddresses, Map<string, number>>();
  const hitsOf = (addrs: SandboxAddresses) => {
    let h = hitsByStart.get(addrs);
    if (!h) hitsByStart.set(addrs, (h = new Map()));
    return h;
  };
  const truth: TruthAd[] = HOSTILE_ADS.map((a) => ({ replica: "hostile-site", source: "publisher", match: a.text, political: false, party: null, rules: [], reachable: a.reachable }));
  return {
    id: "hostile-site",
    replicates: "the hostile corners of the web: hanging pages, redirect loops, DOM bombs, dialogs, downloads, 429s, bot walls",
    truth,
    handle: (req, res, addrs) => route(new URL(req.url ?? "/", "http://x").pathname, res, hitsOf(addrs)),
    plan: (addrs) => ({ source: "publisher", options: { seeds: [`${addrs["hostile-site"]}/`], allowPrivate: true, maxDepth: 1, navTimeoutMs: 8000, maxAttempts: 2, blockedPauseMs: 1000 } }),
  };
}
