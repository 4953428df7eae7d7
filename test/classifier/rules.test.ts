import { describe, expect, it } from "vitest";
import type { LabelStyle } from "../../common/capture.js";
import { RULE_SET_VERSION, classify } from "../../classifier/classify.js";
import { RULES } from "../../classifier/rules/index.js";
import { NOW, compliantAd } from "./helpers.js";

const RULE_IDS = [
  "ttpa.11-1-a.label-missing", "ttpa.11-1-b.sponsor-missing", "ttpa.11-1-c.election-missing", "ttpa.11-1-d.targeting-statement-missing",
  "ttpa.11-1-e.notice-missing", "ttpa.11-1-e.notice-unreachable", "ttpa.11-1.label-not-salient", "ttpa.12-1.notice-incomplete",
  "ttpa.12.sponsor-mismatch", "ttpa.5-2.third-country-sponsor", "platform.political-ad-ban",
];

const salient: LabelStyle = { text: "Politieke advertentie", visible: true, fontSizePx: 12, contrast: 7, inViewport: true, insideAd: true, behindInteraction: false };

interface Case {
  name: string;
  rule: string;
  ad: Record<string, unknown>;
  styles?: LabelStyle[];
  fires: boolean;
  severity?: string;
}

const notice = compliantAd().notice as Record<string, unknown>;
const cases: Case[] = [
  { name: "flags a party ad that only says Gesponsord", rule: "ttpa.11-1-a.label-missing", ad: { label: "Gesponsord · Betaald door D66 Amsterdam" }, fires: true },
  { name: "escalates a missing label to critical when the notice is missing too", rule: "ttpa.11-1-a.label-missing", ad: { label: "Advertentie", notice_url: null, notice: null, notice_status: null }, fires: true, severity: "critical" },
  { name: "accepts a German 'Politische Anzeige' label", rule: "ttpa.11-1-a.label-missing", ad: { label: "Politische Anzeige. Auftraggeber: D66 Amsterdam. Kommunalwahl 2026." }, fires: false },
  { name: "accepts the Dutch label", rule: "ttpa.11-1-a.label-missing", ad: {}, fires: false },
  { name: "flags a label without sponsor name", rule: "ttpa.11-1-b.sponsor-missing", ad: { label: "Politieke advertentie, gemeenteraadsverkiezingen 2026. politiekereclame.nl" }, fires: true },
  { name: "accepts 'Paid for by'", rule: "ttpa.11-1-b.sponsor-missing", ad: { label: "Political advertisement. Paid for by D66 Amsterdam. Municipal elections." }, fires: false },
  { name: "flags a vote call whose label names no election", rule: "ttpa.11-1-c.election-missing", ad: { label: "Politieke advertentie. Betaald door D66 Amsterdam. https://politiekereclame.nl/transparantie-verklaringen/abc123" }, fires: true },
  { name: "does not ask for an election on an issue ad linked to none", rule: "ttpa.11-1-c.election-missing", ad: { text: "De huren moeten omlaag. Kies voor betaalbaar wonen.", label: "Politieke advertentie. Betaald door D66 Amsterdam.", notice: { ...notice, theme: "Algemeen - beleid en maatschappelijke thema's" } }, fires: false },
  { name: "flags targeting data without a targeting statement", rule: "ttpa.11-1-d.targeting-statement-missing", ad: { label: "Politieke advertentie gemeenteraadsverkiezingen. Betaald door D66 Amsterdam.", targeting: { age: "18-34", locations: ["Amsterdam"] } }, fires: true },
  { name: "flags a label that denies targeting while the notice lists techniques", rule: "ttpa.11-1-d.targeting-statement-missing", ad: { notice: { ...notice, gebruikte_targeting_techniek: "demografisch,geografisch" } }, fires: true },
  { name: "accepts a targeting statement", rule: "ttpa.11-1-d.targeting-statement-missing", ad: { label: "Politieke advertentie, gemeenteraadsverkiezingen. Betaald door D66 Amsterdam. Gericht getoond op basis van persoonsgegevens.", targeting: { age: "18-34" } }, fires: false },
  { name: "does not ask for a targeting statement when none was used", rule: "ttpa.11-1-d.targeting-statement-missing", ad: { targeting: { used: false } }, fires: false },
  { name: "flags an ad with neither notice nor link", rule: "ttpa.11-1-e.notice-missing", ad: { label: "Politieke advertentie gemeenteraadsverkiezingen. Betaald door D66 Amsterdam.", notice_url: null, notice: null, notice_status: null }, fires: true },
  { name: "accepts a notice URL printed in the label", rule: "ttpa.11-1-e.notice-missing", ad: { notice_url: null, notice: null, notice_status: null }, fires: false },
  { name: "flags a notice link answering 404", rule: "ttpa.11-1-e.notice-unreachable", ad: { notice_status: 404, notice: null }, fires: true },
  { name: "flags a notice link that timed out (status 0)", rule: "ttpa.11-1-e.notice-unreachable", ad: { notice_status: 0, notice: null }, fires: true },
  { name: "flags a notice link that leads to a homepage", rule: "ttpa.11-1-e.notice-unreachable", ad: { notice: "<html><body><h1>Welkom bij D66</h1><p>Word lid!</p><a href='/nieuws'>Nieuws</a></body></html>" }, fires: true },
  { name: "accepts a reachable notice", rule: "ttpa.11-1-e.notice-unreachable", ad: {}, fires: false },
  { name: "flags a label in 6px text", rule: "ttpa.11-1.label-not-salient", ad: {}, styles: [{ ...salient, fontSizePx: 6 }], fires: true, severity: "low" },
  { name: "flags a label only shown on hover", rule: "ttpa.11-1.label-not-salient", ad: {}, styles: [{ ...salient, behindInteraction: true }], fires: true, severity: "high" },
  { name: "flags a low-contrast label outside the ad", rule: "ttpa.11-1.label-not-salient", ad: {}, styles: [{ ...salient, contrast: 1.4, insideAd: false }], fires: true },
  { name: "accepts a visible 12px high-contrast label", rule: "ttpa.11-1.label-not-salient", ad: {}, styles: [salient], fires: false },
  { name: "does not judge salience without style facts", rule: "ttpa.11-1.label-not-salient", ad: {}, fires: false },
  { name: "flags a notice without the sponsor's e-mail address", rule: "ttpa.12-1.notice-incomplete", ad: { notice: { ...notice, opdrachtgever_mailadres: "" } }, fires: true },
  { name: "flags a notice whose amounts say n.v.t.", rule: "ttpa.12-1.notice-incomplete", ad: { notice: { ...notice, betaalde_media_waarde_euro: "n.v.t.", totale_waarde_campagne_euro: "" } }, fires: true },
  { name: "accepts a complete notice", rule: "ttpa.12-1.notice-incomplete", ad: {}, fires: false },
  { name: "flags a notice naming a different sponsor", rule: "ttpa.12.sponsor-mismatch", ad: { notice: { ...notice, opdrachtgever_naam_organisatie: "VDC Group B.V." } }, fires: true },
  { name: "accepts branch vs 'Vereniging … afdeling' spelling", rule: "ttpa.12.sponsor-mismatch", ad: {}, fires: false },
  { name: "accepts a different sponsor who is the notice's payer", rule: "ttpa.12.sponsor-mismatch", ad: { sponsor: "RRA B.V.", notice: { ...notice, betalende_naam_organisatie: "RRA B.V." } }, fires: false },
  { name: "signals money from outside the EU", rule: "ttpa.5-2.third-country-sponsor", ad: { notice: { ...notice, oorsprong_ontvangen_bedragen: "Particulier geld van buiten de EU" } }, fires: true, severity: "info" },
  { name: "no third-country signal for EU money", rule: "ttpa.5-2.third-country-sponsor", ad: {}, fires: false },
  { name: "flags a political ad seen on Facebook after Meta's ban", rule: "platform.political-ad-ban", ad: { publisher: "facebook.com", source: "meta-ad-library" }, fires: true },
  { name: "flags a political ad served by Google after Google's ban", rule: "platform.political-ad-ban", ad: { publisher: "at5.nl", source: "google-display" }, fires: true },
  { name: "does not flag a Facebook ad last seen before the ban", rule: "platform.political-ad-ban", ad: { publisher: "facebook.com", first_seen: "2025-09-01T00:00:00Z", last_seen: "2025-10-01T00:00:00Z" }, fires: false },
  { name: "does not flag a political ad on a Dutch news site", rule: "platform.political-ad-ban", ad: {}, fires: false },
];

describe("rule table", () => {
  it.each(cases)("$name", ({ rule, ad, styles, fires, severity }) => {
    const verdict = classify(compliantAd(ad), { now: NOW, labelStyles: styles });
    expect(verdict.political).toBe(true);
    const hit = verdict.findings.find((f) => f.rule === rule);
    expect(hit !== undefined).toBe(fires);
    if (hit) {
      expect(hit.message.length).toBeGreaterThan(30);
      if (rule.startsWith("ttpa.")) expect(hit.message).toMatch(/Art\. \d+/);
      if (severity) expect(hit.severity).toBe(severity);
    }
  });

  it("the compliant ad carries no findings at all", () => {
    expect(classify(compliantAd(), { now: NOW }).findings).toEqual([]);
  });

  it("every rule id has at least one positive and one negative case", () => {
    for (const id of RULE_IDS) {
      expect(cases.some((c) => c.rule === id && c.fires), id).toBe(true);
      expect(cases.some((c) => c.rule === id && !c.fires), id).toBe(true);
    }
  });
});

describe("RULES registry", () => {
  it("lists exactly the stable rule ids with article, title and description", () => {
    expect(RULES.map((r) => r.id).sort()).toEqual([...RULE_IDS].sort());
    for (const r of RULES) {
      expect(r.article).toMatch(/Art\.|policy/);
      expect(r.title.length).toBeGreaterThan(10);
      expect(r.description.length).toBeGreaterThan(40);
    }
  });
});

describe("classify gating", () => {
  const commercial = { sponsor: "Domino's Pizza", text: "Stem op je favoriete pizza en maak kans op een jaar gratis pizza! Bestel nu.", label: "Gesponsord", notice_url: null, notice: null, notice_status: null, publisher: "facebook.com" };
  it("gives a commercial 'vote for your pizza' ad no findings", () => {
    const v = classify(compliantAd(commercial), { now: NOW });
    expect(v.political).toBe(false);
    expect(v.findings).toEqual([]);
  });

  it("skips TTPA duties for a political ad seen before 10 October 2025", () => {
    const v = classify(compliantAd({ label: "Gesponsord", notice_url: null, notice: null, notice_status: null, first_seen: "2023-03-01T00:00:00Z", last_seen: "2023-03-02T00:00:00Z" }), { now: NOW });
    expect(v.political).toBe(true);
    expect(v.findings.filter((f) => f.rule.startsWith("ttpa."))).toEqual([]);
  });

  it("uses ctx.now when the ad has no dates", () => {
    const ad = { publisher: "facebook.com", first_seen: null, last_seen: null };
    expect(classify(compliantAd(ad), { now: NOW }).findings.map((f) => f.rule)).toContain("platform.political-ad-ban");
    expect(classify(compliantAd(ad), { now: new Date("2025-09-01T00:00:00Z") }).findings.map((f) => f.rule)).not.toContain("platform.political-ad-ban");
  });

  it("is deterministic and stamps the rule-set version", () => {
    const ad = compliantAd({ label: "Gesponsord", notice: null, notice_url: null });
    const a = classify(ad, { now: NOW });
    expect(classify(ad, { now: NOW })).toEqual(a);
    expect(a.ruleSet).toBe(RULE_SET_VERSION);
  });
});
