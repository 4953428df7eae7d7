import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { adInputSchema } from "../../common/ad-input.js";
import { classify } from "../../classifier/classify.js";
import { TEXT_MODEL } from "../../classifier/model/weights.js";
import { NOW, realData } from "./helpers.js";

const judge = (fields: Record<string, unknown>) =>
  classify(adInputSchema.parse({ id: "p", source: "site", publisher: "nu.nl", first_seen: "2026-03-01T00:00:00Z", ...fields }), { now: NOW });

describe("Art. 3(2) decision", () => {
  it.each([
    ["limb (a): a local branch as sponsor", { sponsor: "CDA Amsterdam", text: "Samen voor een veilige stad." }],
    ["limb (b): call to vote with list number", { sponsor: "Stichting Onbekend", text: "Stem 18 maart op lijst 4! Kies voor een groener Utrecht." }],
    ["limb (b): German call to vote", { sponsor: "Unbekannt e.V.", text: "Am Sonntag ist Bundestagswahl: Wählen Sie mit beiden Stimmen für soziale Gerechtigkeit!" }],
    ["an issue ad asking people to call their MP about a bill", { sponsor: "Actiegroep Schoon Water", text: "Bel je Kamerlid: stem tegen het wetsvoorstel dat de waterkwaliteit verslechtert." }],
  ])("political: %s", (_name, fields) => {
    const v = judge(fields);
    expect(v.decision).toBe("yes");
    expect(v.reasons.length).toBeGreaterThan(0);
  });

  it.each([
    ["commercial 'stem op je favoriete pizza'", { sponsor: "Pizzeria Roma", text: "Stem op je favoriete pizza en win een jaar lang gratis pizza!" }],
    ["official how-to-vote information", { sponsor: "Gemeente Utrecht", text: "Op 18 maart zijn de gemeenteraadsverkiezingen. Neem je stempas en identiteitsbewijs mee naar het stembureau." }],
    ["a plain product ad", { sponsor: "Bol.com", text: "Nieuwe koptelefoons met 30% korting. Bestel nu, morgen in huis." }],
    ["editorial content", { sponsor: "NOS", text: "Kandidaten debatteren over woningbouw voor de gemeenteraadsverkiezingen", editorial: true }],
  ])("not political: %s", (_name, fields) => {
    const v = judge(fields);
    expect(v.political).toBe(false);
    expect(v.findings).toEqual([]);
  });

  it("sends a public authority's non-voting message to review, not yes", () => {
    const v = judge({ sponsor: "Ministerie van Volkshuisvesting", text: "Het kabinet investeert in betaalbare woningen. Lees wat er verandert." });
    expect(v.decision).not.toBe("yes");
    expect(v.reasons.join(" ")).toMatch(/public authority/);
  });

  it("explains the text model's top features", () => {
    const v = judge({ text: "Wij strijden in de gemeenteraad voor lagere lasten en meer veiligheid." });
    expect(v.reasons.join(" ")).toMatch(/text model p=\d\.\d\d: \p{L}+ \([+-]\d/u);
  });

  it("ships a trained model with its provenance", () => {
    expect(Object.keys(TEXT_MODEL.weights).length).toBeGreaterThan(1000);
    expect(TEXT_MODEL.trainedOn).toMatch(/nl-BE seeds/);
  });
});

const statements = realData("openstate-politiekereclame-nl-statements/statements_snapshot_2025-10.json");
describe.skipIf(!statements.exists)("real politiekereclame.nl campaigns as ads", () => {
  const rows = (JSON.parse(readFileSync(statements.path, "utf8")) as Array<Record<string, unknown>>).filter((r) => typeof r.reclame_boodschap === "string" && typeof r.opdrachtgever_naam_organisatie === "string");

  it("judges every party campaign political and, without a label, flags the missing statement", () => {
    const parties = rows.filter((r) => ["VVD", "JA21", "SGP", "PvdA", "50PLUS", "Volt Nederland", "ChristenUnie"].includes(String(r.opdrachtgever_naam_organisatie).trim()));
    expect(parties.length).toBeGreaterThan(5);
    for (const r of parties) {
      const v = judge({ sponsor: r.opdrachtgever_naam_organisatie, text: r.reclame_boodschap, notice: r, notice_url: `https://politiekereclame.nl/transparantie-verklaringen/${String(r.public_id)}`, notice_status: 200 });
      expect(v.political).toBe(true);
      expect(v.party).not.toBeNull();
      const rules = v.findings.map((f) => f.rule);
      expect(rules).toContain("ttpa.11-1-a.label-missing");
      expect(rules).not.toContain("ttpa.11-1-e.notice-missing");
      expect(rules).not.toContain("ttpa.11-1-e.notice-unreachable");
    }
  });
});

const eu2019 = realData("ambanum-eu2019-ads-archive/ads_archive_eu2019_25ads.json");
describe.skipIf(!eu2019.exists)("real EU 2019 ad-library records", () => {
  it("recognises the European party groups' pages as political actors", () => {
    const ads = JSON.parse(readFileSync(eu2019.path, "utf8")) as Array<Record<string, unknown>>;
    const groups = ads.filter((a) => /EPP|S&D|ALDE/.test(String(a.page_name)));
    expect(groups.length).toBeGreaterThan(0);
    for (const a of groups) {
      const v = judge({ sponsor: a.funding_entity ?? null, page_name: a.page_name, text: a.ad_creative_body ?? "" });
      expect(v.reasons.join(" "), String(a.page_name)).toMatch(/limb \(a\)/);
    }
  });
});
