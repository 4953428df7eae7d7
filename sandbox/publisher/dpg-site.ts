/**
 * A DPG Media-style news site (ad.nl, volkskrant.nl, regional dailies) behind its privacy gate: every
 * page redirects a reader without the consent cookie to /privacy-gate/consent (the real gate lives on
 * myprivacy.dpgmedia.nl and calls back to /privacy-gate/accept on the site), an "Akkoord" button gives
 * consent and sends the reader back. The article's ad slots use the class the site profile hints
 * (`[class*="adslot"]`), one of them an unlabelled commercial ad that the generic slot finder misses.
 */
import type { Replica, TruthAd } from "../replica.js";

/** Replica id (also its key in SandboxAddresses). */
export const DPG_SITE_REPLICA_ID = "dpg-site";
/** The article with the ads. */
export const DPG_SITE_ARTICLE = "/politiek/gemeenteraad-rotterdam-kiest~a1b2c3/";

const ARTICLE = `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Rotterdam kiest - AD.nl</title></head><body>
<header><nav><a href="/">Home</a> <a href="/politiek/">Politiek</a></nav></header>
<main><article><h1>Rotterdam kiest: zo staan de partijen ervoor</h1>
<p>Op 18 maart kiest Rotterdam een nieuwe gemeenteraad. De verslaggever sprak met lijsttrekkers van zes partijen over wonen, veiligheid en de haven.</p>
<div class="dpg-adslot dpg-adslot--rectangle" data-slot-id="rectangle-1" style="width:300px;height:250px;border:1px solid #ccc">
  <a href="/redirect/keukenkoning"><p>Nieuwe keuken? Nu 40% korting bij KeukenKoning Rotterdam-Zuid.</p></a></div>
<p>De peilingen laten een versplinterd beeld zien; de coalitievorming belooft lastig te worden.</p>
<div class="dpg-adslot dpg-adslot--rectangle" data-slot-id="rectangle-2" style="width:300px;height:250px;border:1px solid #ccc">
  <span>Politieke advertentie</span> · <span>Betaald door PvdA Rotterdam</span>
  <a href="/redirect/pvda-rotterdam"><p>Betaalbaar wonen in elke wijk. Stem PvdA Rotterdam.</p></a></div>
</article></main><footer><p>© DPG Media</p></footer></body></html>`;

const GATE = (cb: string) => `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>DPG Media Privacy Gate</title></head><body>
<div class="privacy-gate" role="dialog" aria-modal="true"><h1>Wij vragen je toestemming</h1><p>DPG Media en partners gebruiken cookies en vergelijkbare technieken.</p>
<button type="button" id="pg-agree">Akkoord</button> <button type="button" id="pg-settings">Instellingen</button></div>
<script>document.getElementById("pg-agree").addEventListener("click", function () { location.href = "/privacy-gate/accept?redirectUri=" + encodeURIComponent(${JSON.stringify(cb)}); });</script></body></html>`;

// "Stem PvdA Rotterdam" is a call to vote in the 18 March municipal election that its label does not name: Art. 11(1)(c).
const truth: TruthAd[] = [
  { replica: DPG_SITE_REPLICA_ID, source: "publisher", match: "KeukenKoning Rotterdam-Zuid", political: false, party: null, rules: [], reachable: true },
  { replica: DPG_SITE_REPLICA_ID, source: "publisher", match: "Stem PvdA Rotterdam", political: true, party: "PvdA", rules: ["ttpa.11-1-c.election-missing", "ttpa.11-1-e.notice-missing"], reachable: true },
];

/** The DPG-style site replica. */
export const dpgSiteReplica: Replica = {
  id: DPG_SITE_REPLICA_ID,
  replicates: "DPG Media news site (ad.nl style) behind the DPG privacy gate",
  truth,
  plan: (addrs) => ({ source: "publisher", options: { seeds: [`${addrs[DPG_SITE_REPLICA_ID]}${DPG_SITE_ARTICLE}`], siteProfile: "ad.nl", maxDepth: 0 } }),
  handle(req, res) {
    const url = new URL(req.url ?? "/", "http://x");
    const send = (status: number, body: string, headers: Record<string, string> = {}) => {
      res.writeHead(status, { "content-type": "text/html; charset=utf-8", ...headers });
      res.end(body);
    };
    if (url.pathname === "/robots.txt") return send(200, "User-agent: *\nAllow: /\n", { "content-type": "text/plain" });
    if (url.pathname === "/privacy-gate/consent") return send(200, GATE(url.searchParams.get("callbackUrl") ?? "/"));
    if (url.pathname === "/privacy-gate/accept") {
      const back = url.searchParams.get("redirectUri") ?? "/";
      const safe = back.startsWith("/") && !back.startsWith("//") ? back : "/";
      return send(302, "", { location: safe, "set-cookie": "dpg_consent=1; Path=/; SameSite=Lax" });
    }
    if (!/(^|;\s*)dpg_consent=1(;|$)/.test(req.headers.cookie ?? "")) {
      return send(302, "", { location: `/privacy-gate/consent?callbackUrl=${encodeURIComponent(url.pathname + url.search)}` });
    }
    if (url.pathname === DPG_SITE_ARTICLE) return send(200, ARTICLE);
    if (url.pathname === "/" || url.pathname === "/politiek/") return send(200, `<!doctype html><html lang="nl"><body><main><h1>AD</h1><a href="${DPG_SITE_ARTICLE}">Rotterdam kiest</a></main></body></html>`);
    return send(404, "<!doctype html><h1>Pagina niet gevonden</h1>");
  },
};
