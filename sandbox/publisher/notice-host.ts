import type { Replica } from "../replica.js";
import { esc } from "./creative.js";
import { textPdf } from "./notice-pdf.js";
import { STATEMENTS, type Statement } from "./statements.js";

const FIELDS: Array<[string, string]> = [
  ["opdrachtgever_naam_organisatie", "Opdrachtgever"], ["opdrachtgever_straat_huisnummer", "Adres"], ["opdrachtgever_plaats", "Plaats"],
  ["opdrachtgever_kvk_nummer", "KvK-nummer"], ["opdrachtgever_mailadres", "E-mailadres"], ["betalende_naam_organisatie", "Betalende partij"],
  ["theme", "Verkiezing of thema"], ["campagne_periode_startdatum", "Campagne vanaf"], ["campagne_periode_einddatum", "Campagne tot en met"],
  ["betaalde_media_waarde_euro", "Waarde betaalde media (EUR)"], ["totale_waarde_campagne_euro", "Totale waarde campagne (EUR)"],
  ["oorsprong_ontvangen_bedragen", "Herkomst van de middelen"], ["gebruikte_targeting_techniek", "Gebruikte targetingtechnieken"],
  ["ingezette_media", "Ingezette media"], ["reclame_boodschap", "Boodschap"],
];

function page(s: Statement): string {
  const rows = FIELDS.map(([k, label]) => `<dt>${label}</dt><dd data-field="${k}">${esc(String(s[k] ?? ""))}</dd>`).join("\n");
  const json = JSON.stringify(s).replace(/</g, "\\u003c");
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Transparantieverklaring ${esc(String(s.name ?? ""))}</title></head>
<body><h1>Transparantieverklaring politieke advertentie</h1><p>Deze verklaring hoort bij politieke advertenties van ${esc(String(s.opdrachtgever_naam_organisatie ?? ""))}, volgens Verordening (EU) 2024/900.</p>
<dl>${rows}</dl><script type="application/json" id="verklaring-data">${json}</script></body></html>`;
}

/** A statement as a PDF document (label: value lines), as some advertisers publish their notice. */
function pdf(s: Statement): Buffer {
  const lines = FIELDS.map(([k, label]) => `${label}: ${String(s[k] ?? "")}`);
  return textPdf(["Transparantieverklaring politieke advertentie", `Verordening (EU) 2024/900`, ...lines]);
}

/** A notice host shaped like politiekereclame.nl: statement pages (also as PDF: /verklaring/<id>.pdf) and a public statements JSON API; unknown ids 404. */
export const noticeHost: Replica = {
  id: "notice-host",
  replicates: "politiekereclame.nl (transparency statements and its public statements API)",
  truth: [],
  handle(req, res) {
    const url = new URL(req.url ?? "/", "http://x");
    const send = (status: number, type: string, body: string | Buffer) => {
      res.writeHead(status, { "content-type": type });
      res.end(body);
    };
    if (url.pathname === "/robots.txt") return send(200, "text/plain", "User-agent: *\nAllow: /\n");
    if (url.pathname === "/api/statements") {
      const pageNo = Math.max(1, Number(url.searchParams.get("page") ?? 1) || 1);
      const results = STATEMENTS.slice((pageNo - 1) * 25, pageNo * 25);
      return send(200, "application/json", JSON.stringify({ count: STATEMENTS.length, page: pageNo, next: pageNo * 25 < STATEMENTS.length ? `/api/statements?page=${pageNo + 1}` : null, results }));
    }
    const api = /^\/api\/statements\/([a-z0-9-]+)$/.exec(url.pathname);
    const html = /^\/verklaring\/([a-z0-9-]+)(\.pdf)?$/.exec(url.pathname);
    const id = api?.[1] ?? html?.[1];
    const s = STATEMENTS.find((x) => x.public_id === id);
    if (!s) return send(404, "text/html; charset=utf-8", "<!doctype html><h1>Verklaring niet gevonden</h1>");
    if (api) return send(200, "application/json", JSON.stringify(s));
    if (html?.[2]) return send(200, "application/pdf", pdf(s));
    return send(200, "text/html; charset=utf-8", page(s));
  },
};
