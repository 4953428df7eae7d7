import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { LabelStyle } from "../../common/capture.js";
import { SEVERITIES } from "../../common/verdict.js";
import { RULE_SET_VERSION, classify } from "../../classifier/classify.js";
import { ruleEval } from "../../classifier/eval/rule-eval.js";
import type { Rule } from "../../classifier/rules/facts.js";
import { RULES, RULE_CHECKS } from "../../classifier/rules/index.js";
import { NOW, compliantAd, realData, repoRoot } from "./helpers.js";

/** The stored contract: ids written into the database with every finding. Never remove one from this list. */
const RULE_IDS = [
  "ttpa.11-1-a.label-missing", "ttpa.11-1-b.sponsor-missing", "ttpa.11-1-c.election-missing", "ttpa.11-1-d.targeting-statement-missing",
  "ttpa.11-1-e.notice-missing", "ttpa.11-1-e.notice-unreachable", "ttpa.11-1.label-not-salient", "ttpa.12-1.notice-incomplete",
  "ttpa.12.sponsor-mismatch", "ttpa.5-2.third-country-sponsor", "platform.political-ad-ban", "ttpa.12.notice-withdrawn",
  "platform.disclaimer-missing",
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
  { name: "flags a notice readable when seen and 404 on the latest re-probe", rule: "ttpa.12.notice-withdrawn", ad: { notice_status: 200, notice_reprobe: { status: 404, probed_at: "2026-06-01T03:00:00Z", outcome: "gone" } }, fires: true },
  { name: "flags a notice whose host no longer answers on re-probe", rule: "ttpa.12.notice-withdrawn", ad: { notice_status: 200, notice_reprobe: { status: 0, probed_at: "2026-06-01T03:00:00Z", outcome: "unchanged" } }, fires: true },
  { name: "flags a Meta report line for a page whose ads ran without a disclaimer", rule: "platform.disclaimer-missing", ad: { source: "meta-ad-library-report", publisher: "Meta", text: null, label: null, sponsor: null, notice: null, notice_url: null, notice_status: null, record_kind: "advertiser-report", page_id: "123", page_name: "D66 Amsterdam", ran_without_disclaimer: true, spend: { text: "≤100", currency: "EUR" }, report: { date: "2023-03-05", period: "last_30_days" } }, fires: true },
  { name: "accepts a report line with a disclaimer", rule: "platform.disclaimer-missing", ad: { source: "meta-ad-library-report", publisher: "Meta", text: null, label: null, sponsor: "D66 Amsterdam", notice: null, notice_url: null, notice_status: null, record_kind: "advertiser-report", page_id: "123", page_name: "D66 Amsterdam", ran_without_disclaimer: false }, fires: false },
  { name: "accepts a notice that is back or still there", rule: "ttpa.12.notice-withdrawn", ad: { notice_status: 200, notice_reprobe: { status: 200, probed_at: "2026-06-01T03:00:00Z", outcome: "back" } }, fires: false },
  { name: "leaves a notice that was never readable to notice-unreachable", rule: "ttpa.12.notice-withdrawn", ad: { notice_status: 404, notice_reprobe: { status: 404, probed_at: "2026-06-01T03:00:00Z", outcome: "unchanged" } }, fires: false },
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

  it.each(RULES.map((r) => r.id))("has a positive and a negative case for %s (every rule in the registry)", (id) => {
    expect(cases.some((c) => c.rule === id && c.fires), `${id}: no case where it fires`).toBe(true);
    expect(cases.some((c) => c.rule === id && !c.fires), `${id}: no case where it stays silent`).toBe(true);
  });

  it("has no case for a rule the registry does not know", () => {
    const known = new Set(RULES.map((r) => r.id));
    expect(cases.map((c) => c.rule).filter((id) => !known.has(id))).toEqual([]);
  });
});

describe("RULES registry", () => {
  it("keeps every stored rule id (ids are never renamed or dropped) and no other", () => {
    expect(RULES.map((r) => r.id).sort()).toEqual([...RULE_IDS].sort());
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
  });

  it.each(RULES)("$id carries an article citation, a title, a severity and a plain-language description", (r) => {
    expect(r.article).toMatch(/Art\.|policy/);
    expect(r.title.length).toBeGreaterThan(10);
    expect(SEVERITIES).toContain(r.severity);
    expect(r.description.length).toBeGreaterThan(40);
  });

  it("has one file per rule under classifier/rules/, named after the rule id, and registers each of them", async () => {
    const dir = path.join(repoRoot, "classifier/rules");
    const files = readdirSync(dir).filter((f) => f.endsWith(".ts") && f !== "index.ts" && f !== "facts.ts").sort();
    const fileFor = (id: string): string => `${id.replace(/\./g, "-")}.ts`;
    expect(files).toEqual(RULES.map((r) => fileFor(r.id)).sort());
    for (const f of files) {
      const mod = (await import(path.join(dir, f))) as Record<string, unknown>;
      const rules = Object.values(mod).filter((v): v is Rule => typeof v === "object" && v !== null && "check" in v && "id" in v);
      expect(rules.map((r) => fileFor(r.id)), f).toEqual([f]);
      expect(RULE_CHECKS, f).toContain(rules[0]);
      expect(readFileSync(path.join(dir, f), "utf8"), f).toMatch(/\/\*\*[^]*?\*\/\s*export const \w+: Rule/);
    }
  });
});

const statementsDir = realData("openstate-politiekereclame-nl-statements");

describe.skipIf(!statementsDir.exists)("rules on the real politiekereclame.nl statements", () => {
  // Each real statement becomes a compliant ad (negative for every rule) and one mutation per rule (positive).
  const statements = ["statements_snapshot_2025-10.json", "statements_newer_2025-11_to_2026-07_sample10.json"].flatMap(
    (f) => JSON.parse(readFileSync(path.join(statementsDir.path, f), "utf8")) as Array<Record<string, unknown>>,
  );
  const { results } = ruleEval(statements);

  it.each(RULES.map((r) => r.id))("%s fires on its mutations and never on a compliant real ad", (id) => {
    const r = results.find((x) => x.rule === id);
    expect(r, `${id} has no cases built from the real statements`).toBeDefined();
    if (!r) return;
    expect(r.scores.tp).toBeGreaterThan(50);
    expect(r.scores.tn).toBeGreaterThan(50);
    expect(r.scores.fp, r.misses.join(", ")).toBe(0);
    expect(r.scores.recall).toBeGreaterThanOrEqual(0.95);
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
