import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { detectLabel } from "../../classifier/label.js";
import { extractHrefs, htmlToText } from "../../classifier/normalize.js";
import { realData } from "./helpers.js";

// One political-ad statement per official EU language (the act's terms, reference §3.1 and §3.3).
const STATEMENTS: Array<[string, string]> = [
  ["bg", "Политическа реклама"], ["hr", "Politički oglas"], ["cs", "Politická reklama"], ["da", "Politisk reklame"],
  ["nl", "Politieke advertentie"], ["en", "Political advertisement"], ["et", "Poliitiline reklaam"], ["fi", "Poliittinen mainos"],
  ["fr", "Publicité à caractère politique"], ["de", "Politische Anzeige"], ["el", "Πολιτική διαφήμιση"], ["hu", "Politikai hirdetés"],
  ["ga", "Fógraíocht pholaitiúil"], ["it", "Pubblicità politica"], ["lv", "Politiskā reklāma"], ["lt", "Politinė reklama"],
  ["mt", "Reklam politiku"], ["pl", "Reklama polityczna"], ["pt", "Publicidade política"], ["ro", "Publicitate politică"],
  ["sk", "Politická reklama"], ["sl", "Politično oglaševanje"], ["es", "Publicidad política"], ["sv", "Politisk reklam"],
];

describe("Art. 11(1)(a) statement", () => {
  it("covers all 24 official languages", () => {
    expect(new Set(STATEMENTS.map(([l]) => l)).size).toBe(24);
  });

  it.each(STATEMENTS)("recognises the %s statement %s", (_lang, text) => {
    expect(detectLabel(`${text} · 2026`).statement).not.toBeNull();
  });

  it.each(["Gesponsord", "Sponsored", "Advertentie", "Anzeige", "Paid partnership", "Betaald partnerschap", "Advertentie weergegeven door Google", "Publicité", "Werbung", "Promoted", "Reclame"])(
    "does not take the commercial marker %s for a political-ad label",
    (marker) => {
      const facts = detectLabel(marker);
      expect(facts.statement).toBeNull();
      expect(facts.commercialMarkers.length).toBeGreaterThan(0);
    },
  );

  it("does not report 'reclame' inside 'politieke reclame' as a commercial marker", () => {
    expect(detectLabel("Politieke reclame").commercialMarkers).toEqual([]);
  });
});

describe("label elements (b)-(e)", () => {
  it("reads the politiekereclame.nl style disclaimer with sponsor, election, targeting and notice link", () => {
    const f = detectLabel(
      "Dit is een politieke reclameboodschap in het kader van de gemeenteraadsverkiezingen. Betaald door GroenLinks Amsterdam. Gericht getoond op basis van persoonsgegevens. Zie https://politiekereclame.nl/transparantie-verklaringen/x1y2z3",
    );
    expect(f.statement).toMatch(/politieke reclameboodschap/);
    expect(f.sponsor).toBe("GroenLinks Amsterdam");
    expect(f.election).toMatch(/gemeenteraadsverkiezingen/);
    expect(f.targeting).toBe("stated");
    expect(f.noticePointer).toMatch(/politiekereclame\.nl\/transparantie-verklaringen\/x1y2z3/);
  });

  it.each([
    ["Paid for by Friends of Jane Doe", "Friends of Jane Doe"],
    ["Opdrachtgever: Vereniging D66 afdeling Utrecht", "Vereniging D66 afdeling Utrecht"],
    ["Politische Anzeige: Auftraggeber: SPD Ortsverein Musterstadt. Die Anzeige steht im Zusammenhang mit der Kommunalwahl 2026.", "SPD Ortsverein Musterstadt"],
    ["Publicité politique. Payé par Parti Exemple", "Parti Exemple"],
  ])("extracts the sponsor from %s", (text, sponsor) => {
    expect(detectLabel(text).sponsor).toBe(sponsor);
  });

  it("reads a German generator label's election", () => {
    expect(detectLabel("Politische Anzeige: Auftraggeber: X. Die Anzeige steht im Zusammenhang mit der Kommunalwahl 2026.").election).toBe("Kommunalwahl");
  });

  it("does not take 'Auswahl' for an election", () => {
    expect(detectLabel("Politische Anzeige. Große Auswahl an Angeboten").election).toBeNull();
  });

  it("recognises a label that says no targeting was used", () => {
    expect(detectLabel("Politieke advertentie. Geen targeting gebruikt.").targeting).toBe("denied");
  });

  it("finds the notice pointer in a link target", () => {
    expect(detectLabel("Politieke advertentie. Meer informatie", ["https://www.example-partij.nl/transparantieverklaring/campagne-2026"]).noticePointer).toMatch(/transparantieverklaring/);
  });

  it("finds nothing in plain commercial text", () => {
    const f = detectLabel("Nieuw: de lekkerste pizza van de stad. Bestel nu met 20% korting!");
    expect([f.statement, f.sponsor, f.election, f.targeting, f.noticePointer]).toEqual([null, null, null, null, null]);
  });
});

const google = realData("c4d-google-political-transparency-report-html");
describe.skipIf(!google.exists)("real Google Transparency Report ad cards", () => {
  it("extracts the 'Paid for by' sponsor from every card but finds no TTPA statement", () => {
    const files = readdirSync(google.path).filter((f) => f.endsWith(".html")).sort();
    expect(files.length).toBe(4);
    for (const f of files) {
      const html = readFileSync(path.join(google.path, f), "utf8");
      const facts = detectLabel(htmlToText(html), extractHrefs(html));
      expect(facts.sponsor, f).toMatch(/TRUMP/);
      expect(facts.statement, f).toBeNull();
    }
  });
});

const fixtures = realData("propublica-facebook-political-ads/extension-fixtures");
describe.skipIf(!fixtures.exists)("real Facebook feed DOM", () => {
  it("reads 'Paid for by JB for Governor' from the ProPublica fixture", () => {
    const html = readFileSync(path.join(fixtures.path, "paid-for-timeline-ad.html"), "utf8");
    expect(detectLabel(htmlToText(html)).sponsor).toBe("JB for Governor");
  });
});

const news = realData("trafilatura-news-pages-with-ad-slots");
describe.skipIf(!news.exists)("real publisher pages with commercial ad slots", () => {
  it("sees 'Anzeige' markers but never a political-ad statement", () => {
    for (const f of ["sueddeutsche.de.flixtrain.html", "tegernseerstimme.de-Klimavorreiter.html", "kxan.com-Voters.html", "eltiempo.com-candidatos.html"]) {
      const html = readFileSync(path.join(news.path, f), "utf8");
      expect(detectLabel(htmlToText(html)).statement, f).toBeNull();
    }
    const sz = readFileSync(path.join(news.path, "sueddeutsche.de.flixtrain.html"), "utf8");
    expect(detectLabel(htmlToText(sz)).commercialMarkers).toContain("anzeige");
  });
});
