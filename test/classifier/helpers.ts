import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type AdInput, adInputSchema } from "../../common/ad-input.js";

/** Repository root (test/classifier/ is two levels down). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** Path of a file in the shared real material, and whether it exists here. */
export function realData(rel: string): { path: string; exists: boolean } {
  const p = path.resolve(repoRoot, "../shared/data/real", rel);
  return { path: p, exists: existsSync(p) };
}

/** A judging time after the TTPA application date and both platform bans. */
export const NOW = new Date("2026-03-10T12:00:00Z");

/** A compliant Dutch political ad (label with all five elements, complete politiekereclame.nl notice). */
export function compliantAd(overrides: Record<string, unknown> = {}): AdInput {
  return adInputSchema.parse({
    id: "ok-1",
    source: "site",
    publisher: "at5.nl",
    sponsor: "D66 Amsterdam",
    text: "Samen bouwen aan een betaalbaar Amsterdam. Stem 18 maart D66.",
    label:
      "Politieke advertentie in het kader van de gemeenteraadsverkiezingen 2026. Betaald door D66 Amsterdam. Geen targeting gebruikt. Transparantieverklaring: https://politiekereclame.nl/transparantie-verklaringen/abc123",
    notice_url: "https://politiekereclame.nl/transparantie-verklaringen/abc123",
    notice_status: 200,
    notice: {
      opdrachtgever_naam_organisatie: "Vereniging D66 afdeling Amsterdam",
      opdrachtgever_straat_huisnummer: "Keizersgracht 1",
      opdrachtgever_plaats: "Amsterdam",
      opdrachtgever_mailadres: "info@example.org",
      campagne_periode_startdatum: "2026-02-01",
      campagne_periode_einddatum: "2026-03-18",
      betaalde_media_waarde_euro: "1000",
      totale_waarde_campagne_euro: "1500",
      oorsprong_ontvangen_bedragen: "Particulier geld van binnen de EU",
      gebruikte_targeting_techniek: "geen",
      theme: "Gemeenteraadsverkiezingen 2026",
    },
    first_seen: "2026-03-01T09:00:00Z",
    last_seen: "2026-03-05T09:00:00Z",
    ...overrides,
  });
}
