/**
 * Per-rule evaluation on constructed cases built from the real politiekereclame.nl statements: each statement is an
 * ad with a compliant label (negative for every rule), and one mutation per rule makes a positive whose truth is
 * known by construction (label reduced to "Gesponsord", notice link answering 404, another campaign's statement, an
 * e-mail removed from the notice, a sponsor with another KvK number …). It measures whether each rule fires exactly
 * when its duty is broken on real texts and notices; it does not measure how often duties are broken in the wild.
 */
import type { LabelStyle } from "../../common/capture.js";
import { adInputSchema } from "../../common/ad-input.js";
import { classify } from "../classify.js";
import { type Scores, score } from "./metrics.js";

type Statement = Record<string, unknown>;
interface Case { rule: string; truth: boolean; ad: Record<string, unknown>; styles?: LabelStyle[] }

const NOW = new Date("2026-03-10T12:00:00Z");
const SEEN = { first_seen: "2026-03-01T09:00:00Z", last_seen: "2026-03-05T09:00:00Z" };
const SALIENT: LabelStyle = { text: "Politieke advertentie", visible: true, fontSizePx: 12, contrast: 7, inViewport: true, insideAd: true, behindInteraction: false };
const LOGIN = "<html><body><h1>Inloggen</h1><form><input name=u><input type=password name=p><button>Log in</button></form></body></html>";
const s = (o: Statement, k: string): string => (typeof o[k] === "string" ? (o[k] as string).trim() : "");
const filled = (v: string): boolean => v !== "" && !/^(n\.?v\.?t\.?|-)$/i.test(v);
const themeOf = (o: Statement): string => s(o, "theme") || (typeof o.theme_link === "object" && o.theme_link !== null ? s(o.theme_link as Statement, "label") : "");
const electionTheme = (o: Statement): string | null => (filled(themeOf(o)) && !/^algemeen/i.test(themeOf(o)) ? themeOf(o) : null);

/** Independent oracle for Art. 12(1) completeness: the raw fields, without the parser. */
function completeByOracle(o: Statement): boolean {
  const keys = ["opdrachtgever_naam_organisatie", "opdrachtgever_mailadres", "opdrachtgever_straat_huisnummer", "campagne_periode_startdatum", "oorsprong_ontvangen_bedragen"];
  return keys.every((k) => filled(s(o, k))) && (filled(s(o, "betaalde_media_waarde_euro")) || filled(s(o, "totale_waarde_campagne_euro"))) && filled(s(o, "gebruikte_targeting_techniek"));
}

function baseAd(o: Statement): Record<string, unknown> {
  const sponsor = s(o, "opdrachtgever_naam_organisatie");
  const url = `https://politiekereclame.nl/transparantie-verklaringen/${s(o, "public_id")}`;
  const election = electionTheme(o);
  const label = `Politieke advertentie${election ? ` in het kader van de ${election}` : ""}. Betaald door ${sponsor}. Transparantieverklaring: ${url}`;
  // Targeting only where the notice lists none, so that the compliant label needs no targeting statement.
  return { id: `rule-eval-${s(o, "public_id")}`, source: "publisher", publisher: "nu.nl", sponsor, text: s(o, "reclame_boodschap"), label, notice: o, notice_url: url, notice_status: 200, ...SEEN };
}

function casesFor(o: Statement, other: Statement | undefined): Case[] {
  const base = baseAd(o);
  const url = base.notice_url as string;
  const sponsor = base.sponsor as string;
  const election = electionTheme(o);
  const cases: Case[] = [];
  const both = (rule: string, ad: Record<string, unknown>, styles?: LabelStyle[]): void => {
    cases.push({ rule, truth: false, ad: base, styles: rule === "ttpa.11-1.label-not-salient" ? [SALIENT] : undefined });
    cases.push({ rule, truth: true, ad: { ...base, ...ad }, styles });
  };
  both("ttpa.11-1-a.label-missing", { label: `Gesponsord · Betaald door ${sponsor}` });
  both("ttpa.11-1-b.sponsor-missing", { label: (base.label as string).replace(/Betaald door [^.]*\./, ""), sponsor: null });
  if (election) both("ttpa.11-1-c.election-missing", { label: `Politieke advertentie. Betaald door ${sponsor}. Transparantieverklaring: ${url}` });
  const targeted = { targeting: { age: "18-34", locations: ["Utrecht"] }, notice: { ...o, gebruikte_targeting_techniek: "demografisch" } };
  cases.push({ rule: "ttpa.11-1-d.targeting-statement-missing", truth: true, ad: { ...base, ...targeted } });
  cases.push({ rule: "ttpa.11-1-d.targeting-statement-missing", truth: false, ad: { ...base, ...targeted, label: `${String(base.label)} Gericht getoond op basis van persoonsgegevens.` } });
  both("ttpa.11-1-e.notice-missing", { label: `Politieke advertentie. Betaald door ${sponsor}.`, notice: null, notice_url: null, notice_status: null });
  both("ttpa.11-1-e.notice-unreachable", { notice_status: 404, notice: null });
  cases.push({ rule: "ttpa.11-1-e.notice-unreachable", truth: true, ad: { ...base, notice: LOGIN } });
  if (other && s(other, "public_id") !== s(o, "public_id")) cases.push({ rule: "ttpa.11-1-e.notice-unreachable", truth: true, ad: { ...base, notice: other } });
  both("ttpa.11-1.label-not-salient", {}, [{ ...SALIENT, fontSizePx: 6 }]);
  both("ttpa.12.notice-withdrawn", { notice_reprobe: { status: 404, probed_at: "2026-06-01T03:00:00Z", outcome: "gone" } });
  cases.push({ rule: "ttpa.12.notice-withdrawn", truth: false, ad: { ...base, notice_reprobe: { status: 200, probed_at: "2026-06-01T03:00:00Z", outcome: "unchanged" } } });
  if (completeByOracle(o)) both("ttpa.12-1.notice-incomplete", { notice: { ...o, opdrachtgever_mailadres: "" } });
  if (completeByOracle(o)) cases.push({ rule: "ttpa.12-1.notice-incomplete", truth: true, ad: { ...base, notice: { ...o, betaalde_media_waarde_euro: "n.v.t.", totale_waarde_campagne_euro: "n.v.t." } } });
  if (other && differentEntity(o, other)) both("ttpa.12.sponsor-mismatch", { sponsor: s(other, "opdrachtgever_naam_organisatie"), label: (base.label as string).replace(sponsor, s(other, "opdrachtgever_naam_organisatie")) });
  // The real notice may itself declare money from outside the EU (one does): then the compliant ad is a positive.
  const foreign = /buiten de eu/i.test(s(o, "oorsprong_ontvangen_bedragen"));
  cases.push({ rule: "ttpa.5-2.third-country-sponsor", truth: foreign, ad: base });
  cases.push({ rule: "ttpa.5-2.third-country-sponsor", truth: true, ad: { ...base, notice: { ...o, oorsprong_ontvangen_bedragen: "Particulier geld van buiten de EU" } } });
  cases.push({ rule: "ttpa.5-2.third-country-sponsor", truth: false, ad: { ...base, notice: { ...o, oorsprong_ontvangen_bedragen: "Particulier geld van buiten de EU" }, first_seen: "2026-05-01T09:00:00Z", last_seen: "2026-06-01T09:00:00Z" } });
  both("platform.political-ad-ban", { publisher: "facebook.com", source: "meta-ad-library" });
  // A Meta report line for the statement's sponsor, with and without a disclaimer.
  const reportLine = { source: "meta-ad-library-report", publisher: "Meta", text: null, label: null, notice: null, notice_url: null, notice_status: null, record_kind: "advertiser-report", page_id: s(o, "public_id"), page_name: sponsor, spend: { text: "≤100", currency: "EUR" } };
  cases.push({ rule: "platform.disclaimer-missing", truth: true, ad: { ...base, ...reportLine, sponsor: null, ran_without_disclaimer: true } });
  cases.push({ rule: "platform.disclaimer-missing", truth: false, ad: { ...base, ...reportLine, ran_without_disclaimer: false } });
  return cases;
}

// Different entities by an independent oracle: both give a KvK number, the numbers differ, and the names share no word.
function differentEntity(a: Statement, b: Statement): boolean {
  const ka = s(a, "opdrachtgever_kvk_nummer").replace(/\D/g, "");
  const kb = s(b, "opdrachtgever_kvk_nummer").replace(/\D/g, "");
  const words = (o: Statement): Set<string> => new Set(s(o, "opdrachtgever_naam_organisatie").toLowerCase().split(/[^\p{L}\d]+/u).filter((w) => w.length > 2));
  const wa = words(a);
  return ka.length >= 6 && kb.length >= 6 && ka !== kb && ![...words(b)].some((w) => wa.has(w));
}

/** Per-rule scores over the constructed cases, plus the cases where the rule disagreed with the truth. */
export function ruleEval(statements: readonly Statement[]): { results: Array<{ rule: string; scores: Scores; misses: string[] }>; notPolitical: string[] } {
  const named = statements.filter((o) => filled(s(o, "opdrachtgever_naam_organisatie")) && filled(s(o, "public_id")));
  // Rules only judge political ads: statements whose compliant ad is not judged political are reported, not scored.
  const isYes = (o: Statement): boolean => classify(adInputSchema.parse(baseAd(o)), { now: NOW }).decision === "yes";
  const usable = named.filter(isYes);
  const notPolitical = named.filter((o) => !isYes(o)).map((o) => `${s(o, "public_id")} (${s(o, "opdrachtgever_naam_organisatie")})`);
  const cases = usable.flatMap((o, i) => casesFor(o, usable[(i + 7) % usable.length]));
  const byRule = new Map<string, Array<{ truth: boolean; predicted: boolean; id: string }>>();
  for (const c of cases) {
    const v = classify(adInputSchema.parse(c.ad), { now: NOW, labelStyles: c.styles });
    const predicted = v.findings.some((f) => f.rule === c.rule);
    byRule.set(c.rule, [...(byRule.get(c.rule) ?? []), { truth: c.truth, predicted, id: `${String(c.ad.id)}${c.truth ? "+" : "-"}` }]);
  }
  const results = [...byRule].map(([rule, pairs]) => ({ rule, scores: score(pairs), misses: pairs.filter((p) => p.truth !== p.predicted).map((p) => p.id) }));
  return { results, notPolitical };
}
