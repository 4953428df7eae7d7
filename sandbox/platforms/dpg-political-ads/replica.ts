/**
 * Replica of DPG Media's political-ads repository: the public page privacy.dpgmedia.nl/nl/political-ads
 * and the API behind it, GET /api/campaign-items?countryCode=NL[&period=][&channel=], answering every
 * item at once under `campaignItems` (the shape favstats/reclamer reads; the fields it does not read
 * are invented here). Failure routes for tests: a first answer of 500, the older `items` envelope, and
 * 400 without countryCode. Each item links a transparency notice on this replica, one of them missing.
 */
import type { Replica, SandboxAddresses, TruthAd } from "../../replica.js";

/** Replica id (also its key in SandboxAddresses). */
export const DPG_REPLICA_ID = "dpg-political-ads";
/** The day the replica's `period` filters count back from (it has no clock of its own). */
export const DPG_REPLICA_TODAY = "2026-03-15";

interface Seed { id: string; brand: string; sponsor: string; payer: string | null; channel: "PRINT" | "DIGITAL"; start: string; end: string; low: number; high: number | null; campaign: string; election: string | null; party: string | null; notice: boolean }

const SEED: Seed[] = [
  { id: "ci-26-0001", brand: "AD", sponsor: "Partij van de Arbeid afdeling Rotterdam", payer: null, channel: "DIGITAL", start: "2026-03-02", end: "2026-03-17", low: 1000, high: 5000, campaign: "Rotterdam eerlijk", election: "Gemeenteraadsverkiezingen 2026", party: "PvdA", notice: true },
  { id: "ci-26-0002", brand: "de Volkskrant", sponsor: "Politieke Partij Democraten 66", payer: null, channel: "PRINT", start: "2026-02-20", end: "2026-03-17", low: 5000, high: 25000, campaign: "Het kan wel", election: "Gemeenteraadsverkiezingen 2026", party: "D66", notice: true },
  { id: "ci-26-0003", brand: "Tubantia", sponsor: "Burgerbelangen Enschede", payer: "Stichting Vrienden van Burgerbelangen", channel: "PRINT", start: "2026-03-09", end: "2026-03-17", low: 0, high: 1000, campaign: "Enschede eerst", election: "Gemeenteraadsverkiezingen 2026", party: null, notice: true },
  { id: "ci-26-0004", brand: "nu.nl", sponsor: "Staatkundig Gereformeerde Partij (SGP)", payer: null, channel: "DIGITAL", start: "2026-03-10", end: "2026-03-17", low: 1000, high: 5000, campaign: "Gemeente met principes", election: "Gemeenteraadsverkiezingen 2026", party: "SGP", notice: false },
  { id: "ci-26-0005", brand: "Het Parool", sponsor: "Stichting De Faunabescherming", payer: null, channel: "PRINT", start: "2025-12-01", end: "2025-12-31", low: 5000, high: 25000, campaign: "Stop de jacht", election: null, party: null, notice: true },
  { id: "ci-25-0006", brand: "AD", sponsor: "ANWB B.V.", payer: null, channel: "DIGITAL", start: "2025-10-01", end: "2025-10-28", low: 25000, high: null, campaign: "Houd Nederland betaalbaar", election: "Tweede Kamerverkiezingen 2025", party: null, notice: true },
];

function item(s: Seed, base: string): Record<string, unknown> {
  return {
    id: s.id, brand: s.brand, campaignName: s.campaign, sponsorName: s.sponsor, payerName: s.payer, channel: s.channel,
    publicationStartDate: `${s.start}T00:00:00.000Z`, publicationEndDate: `${s.end}T23:59:59.000Z`, budgetLowerBound: s.low, budgetUpperBound: s.high,
    election: s.election, countryCode: "NL", transparencyNoticeUrl: `${base}/nl/political-ads/${s.id}${s.notice ? "" : "-verwijderd"}`,
  };
}

function inPeriod(s: Seed, period: string | null): boolean {
  const days = period === "PAST_7_DAYS" ? 7 : period === "PAST_30_DAYS" ? 30 : period === "PAST_YEAR" ? 365 : null;
  return days === null || Date.parse(s.end) >= Date.parse(DPG_REPLICA_TODAY) - days * 86_400_000;
}

const esc = (t: string) => t.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function noticePage(s: Seed): string {
  const rows: Array<[string, string]> = [["Opdrachtgever", s.sponsor], ["Betaald door", s.payer ?? s.sponsor], ["Verkiezing", s.election ?? "geen (maatschappelijk thema)"],
    ["Campagne vanaf", s.start], ["Campagne tot en met", s.end], ["Kanaal", s.channel === "PRINT" ? "Print" : "Online"], ["Waarde (EUR)", `${s.low} - ${s.high ?? "meer"}`], ["Targeting", "Alleen contextueel"]];
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Politieke advertentie ${esc(s.campaign)}</title></head><body><main><h1>Transparantieverklaring: ${esc(s.campaign)}</h1>
<dl>${rows.map(([k, v]) => `<dt>${k}</dt><dd>${esc(v)}</dd>`).join("")}</dl></main></body></html>`;
}

/** Options for a DPG replica: which failure routes it takes. */
export interface DpgReplicaOptions { failFirst?: number; legacyEnvelope?: boolean }

/** A DPG political-ads replica with its own state. */
export function createDpgReplica(o: DpgReplicaOptions = {}): Replica {
  let failures = o.failFirst ?? 0;
  const truth: TruthAd[] = SEED.map((s) => ({ replica: DPG_REPLICA_ID, source: "dpg-political-ads", match: s.sponsor, political: true, party: s.party, rules: [], reachable: true }));
  return {
    id: DPG_REPLICA_ID,
    replicates: "privacy.dpgmedia.nl political-ads page and /api/campaign-items",
    truth,
    handle(req, res, addrs: SandboxAddresses) {
      const base = addrs[DPG_REPLICA_ID] ?? `http://${req.headers.host ?? "127.0.0.1"}`;
      const url = new URL(req.url ?? "/", base);
      const send = (status: number, type: string, body: string) => {
        res.writeHead(status, { "content-type": type });
        res.end(body);
      };
      if (url.pathname === "/robots.txt") return send(200, "text/plain", "User-agent: *\nAllow: /\n");
      if (url.pathname === "/api/campaign-items") {
        if (failures > 0) {
          failures--;
          return send(500, "application/json", JSON.stringify({ message: "Internal Server Error" }));
        }
        if (!url.searchParams.get("countryCode")) return send(400, "application/json", JSON.stringify({ message: "countryCode is required" }));
        const channel = url.searchParams.get("channel");
        const hits = SEED.filter((s) => (!channel || s.channel === channel) && inPeriod(s, url.searchParams.get("period"))).map((s) => item(s, base));
        return send(200, "application/json", JSON.stringify(o.legacyEnvelope ? { items: hits } : { campaignItems: hits }));
      }
      if (url.pathname === "/nl/political-ads") {
        const rows = SEED.map((s) => `<tr><td>${esc(s.brand)}</td><td>${esc(s.sponsor)}</td><td>${s.channel}</td><td>${s.start}</td><td><a href="/nl/political-ads/${s.id}">Transparantieverklaring</a></td></tr>`).join("");
        return send(200, "text/html; charset=utf-8", `<!doctype html><html lang="nl"><body><h1>Politieke advertenties bij DPG Media</h1><table>${rows}</table></body></html>`);
      }
      const s = SEED.find((x) => url.pathname === `/nl/political-ads/${x.id}` && x.notice);
      if (!s) return send(404, "text/html; charset=utf-8", "<!doctype html><h1>Niet gevonden</h1>");
      return send(200, "text/html; charset=utf-8", noticePage(s));
    },
    plan(addrs) {
      return { source: "dpg-political-ads", options: { seeds: [], apiBase: addrs[DPG_REPLICA_ID] ?? "", allowPrivate: true } };
    },
  };
}
