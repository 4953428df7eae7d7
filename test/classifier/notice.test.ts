import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseNotice } from "../../classifier/notice.js";
import { realData } from "./helpers.js";

const HTML_NL = `<html><body><h1>Transparantieverklaring politieke reclame</h1><dl>
<dt>Opdrachtgever</dt><dd>Vereniging GroenLinks afdeling Utrecht</dd>
<dt>Adres</dt><dd>Oudegracht 1, 3511 AA Utrecht</dd><dt>E-mail</dt><dd>utrecht@example.org</dd>
<dt>Periode</dt><dd>01-02-2026 t/m 18-03-2026</dd><dt>Bedrag</dt><dd>€ 2.500</dd>
<dt>Herkomst van de middelen</dt><dd>Particulier geld van binnen de EU</dd>
<dt>Verkiezing</dt><dd>Gemeenteraadsverkiezingen 2026</dd><dt>Targeting</dt><dd>geen</dd></dl></body></html>`;
const TEXT_EN = "Transparency notice\nSponsor: Example Party Dublin\nAddress: 1 Main Street, Dublin\nEmail: info@example.ie\nPeriod: 2026-01-01 to 2026-02-01\nAmount: EUR 1,200\nOrigin of the amounts: private, inside the EU\nElection: Local elections 2026\nTargeting: demographic, geographic";
const TEXT_DE = "Transparenzbekanntmachung\nAuftraggeber: SPD Ortsverein Musterstadt\nAnschrift: Hauptstraße 1, 12345 Musterstadt\nE-Mail: kontakt@example.de\nZeitraum: 01.02.2026 - 15.03.2026\nBetrag: 800 €\nHerkunft der Mittel: privat, innerhalb der EU\nWahl: Kommunalwahl 2026";
const TEXT_FR = "Avis de transparence\nParraineur : Parti Exemple\nAdresse : 1 rue de la Paix, Paris\nCourriel : contact@example.fr\nPériode de diffusion : 01/02/2026 - 15/03/2026\nMontant : 1 000 €\nOrigine des fonds : privée, hors de l'UE\nÉlection : élections municipales 2026";

describe("parseNotice on labelled pages", () => {
  it.each([
    ["Dutch HTML", HTML_NL, "text/html", "Vereniging GroenLinks afdeling Utrecht"],
    ["English text", TEXT_EN, "text/plain", "Example Party Dublin"],
    ["German text", TEXT_DE, null, "SPD Ortsverein Musterstadt"],
    ["French text", TEXT_FR, null, "Parti Exemple"],
  ])("reads the sponsor and the Art. 12(1) elements from %s", (_name, body, type, sponsor) => {
    const n = parseNotice(body, type);
    expect(n.isNotice).toBe(true);
    expect(n.sponsor).toBe(sponsor);
    for (const e of ["sponsor", "sponsorContact", "sponsorAddress", "period", "amounts", "origin", "election"] as const) expect(n.found, e).toContain(e);
  });

  it("reads targeting yes/no and money from outside the EU", () => {
    expect(parseNotice(HTML_NL, "text/html").targetingUsed).toBe(false);
    expect(parseNotice(TEXT_EN).targetingUsed).toBe(true);
    expect(parseNotice(TEXT_FR).originOutsideEu).toBe(true);
  });

  it("reads generic JSON notices by their key names", () => {
    const n = parseNotice({ sponsorName: "DPG Test Partij", sponsorEmail: "a@b.nl", payerName: "Betaler BV", period: { start: "2026-01-01", end: "2026-02-01" }, amount: "€ 500", origin: "private EU" });
    expect(n.format).toBe("json");
    expect(n.sponsor).toBe("DPG Test Partij");
    expect(n.payer).toBe("Betaler BV");
    expect(n.isNotice).toBe(true);
  });

  it("counts 'n.v.t.' as missing", () => {
    const n = parseNotice(TEXT_EN.replace("Amount: EUR 1,200", "Amount: n.v.t."));
    expect(n.found).not.toContain("amounts");
  });

  it.each([
    ["a party homepage", "<html><body><h1>Welkom bij D66</h1><p>Word lid en doe mee.</p><p>Contact: info@d66.nl</p></body></html>"],
    ["a login wall", "<html><body><form><label>E-mail</label><input name=email><label>Wachtwoord</label></form></body></html>"],
    ["a JSON error", '{"error":"not found","status":404}'],
  ])("does not take %s for a notice", (_name, body) => {
    expect(parseNotice(body).isNotice).toBe(false);
  });
});

const snapshot = realData("openstate-politiekereclame-nl-statements/statements_snapshot_2025-10.json");
const newer = realData("openstate-politiekereclame-nl-statements/statements_newer_2025-11_to_2026-07_sample10.json");
describe.skipIf(!snapshot.exists || !newer.exists)("real politiekereclame.nl statements", () => {
  const rows = [snapshot, newer].flatMap((f) => JSON.parse(readFileSync(f.path, "utf8")) as Array<Record<string, unknown>>);

  it("recognises every statement with a sponsor as a notice, from the object and from JSON text", () => {
    const withSponsor = rows.filter((r) => typeof r.opdrachtgever_naam_organisatie === "string" && r.opdrachtgever_naam_organisatie.trim());
    expect(withSponsor.length).toBeGreaterThan(100);
    for (const r of withSponsor) {
      const fromText = parseNotice(JSON.stringify(r), "application/json");
      expect(fromText.format).toBe("politiekereclame");
      expect(fromText.sponsor).toBe(String(r.opdrachtgever_naam_organisatie).trim());
      expect(parseNotice(r).found).toEqual(fromText.found);
    }
  });

  it("finds the payer where it differs from the sponsor (BVNL Zaltbommel paid by a company)", () => {
    const bvnl = rows.filter((r) => r.opdrachtgever_naam_organisatie === "BVNL Zaltbommel").map((r) => parseNotice(r).payer);
    expect(bvnl).toEqual(expect.arrayContaining(["VDC Group B.V.", "RRA B.V."]));
  });

  it("flags the one statement whose money comes from outside the EU", () => {
    expect(rows.filter((r) => parseNotice(r).originOutsideEu).length).toBe(1);
  });

  it("maps the 'Algemeen' theme to no election and the TK2025 theme to an election", () => {
    const themes = rows.map((r) => [String(r.theme ?? ""), parseNotice(r).election] as const);
    for (const [theme, election] of themes) {
      if (/^Algemeen/.test(theme)) expect(election).toBeNull();
      if (/Tweede Kamer/.test(theme)) expect(election).toBe(theme);
    }
  });
});

const pages = realData("trafilatura-news-pages-with-ad-slots");
describe.skipIf(!pages.exists)("real news pages are not notices", () => {
  it("rejects every publisher page in the trafilatura set", () => {
    for (const f of readdirSync(pages.path).filter((x) => x.endsWith(".html"))) {
      expect(parseNotice(readFileSync(path.join(pages.path, f), "utf8"), "text/html").isNotice, f).toBe(false);
    }
  });
});
