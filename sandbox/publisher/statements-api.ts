/**
 * A replica of politiekereclame.nl's public statements API with paging, as the real platform serves it
 * (GET /api/public/statements?page=N&limit=L[&q=], answer `{ items, meta: { total_count,
 * filter_count, limit } }`) and its statement pages at /transparantie-verklaringen/<public_id>. The
 * older notice host (notice-host.ts) keeps its own routes; this one adds the real paths and paging,
 * and failure routes for tests: pages that answer 503 once, and a page that answers HTML.
 */
import type { Replica } from "../replica.js";
import { esc } from "./creative.js";
import { STATEMENTS, type Statement } from "./statements.js";

/** Replica id (also its key in SandboxAddresses). */
export const STATEMENTS_API_REPLICA_ID = "politiekereclame-api";

const FIELDS: Array<[string, string]> = [
  ["opdrachtgever_naam_organisatie", "Opdrachtgever"], ["opdrachtgever_straat_huisnummer", "Adres"], ["opdrachtgever_plaats", "Plaats"],
  ["opdrachtgever_kvk_nummer", "KvK-nummer"], ["opdrachtgever_mailadres", "E-mailadres"], ["opdrachtgever_registratienummer_kiesraad", "Registratienummer Kiesraad"],
  ["gezaghebbende_naam_organisatie", "Gezaghebbende entiteit"], ["betalende_naam_organisatie", "Betalende partij"],
  ["theme", "Verkiezing of thema"], ["campagne_periode_startdatum", "Campagne vanaf"], ["campagne_periode_einddatum", "Campagne tot en met"],
  ["betaalde_media_waarde_euro", "Waarde betaalde media (EUR)"], ["totale_waarde_campagne_euro", "Totale waarde campagne (EUR)"],
  ["oorsprong_ontvangen_bedragen", "Herkomst van de middelen"], ["gebruikte_targeting_techniek", "Gebruikte targetingtechnieken"],
  ["ingezette_media", "Ingezette media"], ["reclame_boodschap", "Boodschap"],
];

function field(s: Statement, k: string): string {
  const v = k === "theme" ? ((s.theme_link as { label?: string } | null | undefined)?.label ?? s.theme) : s[k];
  return typeof v === "string" || typeof v === "number" ? String(v) : "";
}

function statementPage(s: Statement): string {
  const rows = FIELDS.map(([k, label]) => `<dt>${label}</dt><dd data-field="${k}">${esc(field(s, k))}</dd>`).join("\n");
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Transparantieverklaring ${esc(String(s.name ?? ""))}</title></head>
<body><main><h1>Transparantieverklaring politieke advertentie</h1><p>Deze verklaring hoort bij politieke advertenties van ${esc(field(s, "opdrachtgever_naam_organisatie"))}, volgens Verordening (EU) 2024/900.</p>
<dl>${rows}</dl></main></body></html>`;
}

function matches(s: Statement, q: string): boolean {
  const hay = ["name", "opdrachtgever_naam_organisatie", "reclame_boodschap", "theme"].map((k) => field(s, k)).join(" ").toLowerCase();
  return hay.includes(q.toLowerCase());
}

/** Options of a statements API replica: what it serves and which failure routes it takes. */
export interface StatementsApiOptions {
  statements?: Statement[];
  /** Pages that answer 503 (Retry-After: 0) the first time they are asked for. */
  flakyPages?: number[];
  /** A page that answers an HTML maintenance page with status 200. */
  htmlPage?: number;
  /** Largest page size the API accepts (the real one is said to accept up to 1000). */
  maxLimit?: number;
}

/** A statements API replica with its own state (each test or sandbox gets its own). */
export function createStatementsApiReplica(o: StatementsApiOptions = {}): Replica {
  const all = o.statements ?? STATEMENTS;
  const flaky = new Set(o.flakyPages ?? []);
  return {
    id: STATEMENTS_API_REPLICA_ID,
    replicates: "politiekereclame.nl public statements API (paged) and statement pages",
    truth: [],
    handle(req, res) {
      const url = new URL(req.url ?? "/", "http://x");
      const send = (status: number, type: string, body: string, headers: Record<string, string> = {}) => {
        res.writeHead(status, { "content-type": type, ...headers });
        res.end(body);
      };
      if (url.pathname === "/robots.txt") return send(200, "text/plain", "User-agent: *\nAllow: /\n");
      if (url.pathname === "/api/public/statements" || url.pathname === "/api/public/statements/") {
        const page = Number(url.searchParams.get("page") ?? 1);
        const limit = Number(url.searchParams.get("limit") ?? 25);
        if (!Number.isInteger(page) || page < 1 || !Number.isInteger(limit) || limit < 1 || limit > (o.maxLimit ?? 1000)) {
          return send(400, "application/json", JSON.stringify({ errors: [{ message: "Invalid query parameter" }] }));
        }
        if (flaky.delete(page)) return send(503, "text/plain", "Service Unavailable", { "retry-after": "0" });
        if (page === o.htmlPage) return send(200, "text/html; charset=utf-8", "<!doctype html><h1>Onderhoud</h1><p>We zijn zo terug.</p>");
        const q = url.searchParams.get("q");
        const hits = q ? all.filter((s) => matches(s, q)) : all;
        const items = hits.slice((page - 1) * limit, page * limit);
        return send(200, "application/json", JSON.stringify({ items, meta: { total_count: all.length, filter_count: hits.length, limit } }));
      }
      const m = /^\/transparantie-verklaringen\/([A-Za-z0-9_-]+)$/.exec(url.pathname);
      const s = m ? all.find((x) => x.public_id === m[1]) : undefined;
      if (!s) return send(404, "text/html; charset=utf-8", "<!doctype html><h1>Pagina niet gevonden</h1>");
      return send(200, "text/html; charset=utf-8", statementPage(s));
    },
  };
}
