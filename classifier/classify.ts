import type { AdInput } from "../common/ad-input.js";
import type { LabelStyle } from "../common/capture.js";
import type { Verdict } from "../common/verdict.js";
import { type ActorRegistry, defaultActorRegistry } from "./actors.js";
import { type Election, NL_ELECTIONS } from "./elections.js";
import { type LabelFacts, detectLabel } from "./label.js";
import { extractHrefs, htmlToText } from "./normalize.js";
import { type NoticeFacts, parseNotice } from "./notice.js";
import { type PlatformBan, PLATFORM_BANS } from "./platform-bans.js";
import { type OcrUse, mergeOcrLabel, noteOcr, ocrReason, ocrTextOf } from "./ocr-evidence.js";
import { type PoliticalResult, assessPolitical } from "./political.js";
import type { AdFacts } from "./rules/facts.js";
import { RULE_CHECKS } from "./rules/index.js";
import { EU_EEA } from "./eu-eea.js";

/** Version of the rule set stamped on every verdict; bump when rules or thresholds change. */
export const RULE_SET_VERSION = "2026.12.4";

/** Date from which the Regulation's Chapter II-III duties apply (Art. 30(2)). */
export const OBLIGATIONS_FROM = new Date("2025-10-10T00:00:00Z");

/** What classify() needs besides the ad: the clock reading and optional registry and label style facts. */
export interface ClassifyContext {
  now: Date;
  actors?: ActorRegistry;
  labelStyles?: LabelStyle[];
  /**
   * The day the European repository for online political ads (Art. 13) went live; from then on a notice must link to
   * it (Art. 12(1)(i)). Unset: not live yet (reference §2.5: not operational as of 31 August 2026), never required.
   */
  repositoryLiveFrom?: Date;
  /** Election calendar for the Art. 5(2) three-month windows; default NL_ELECTIONS (classifier/elections.ts). */
  elections?: readonly Election[];
  /** Platform-ban table; default PLATFORM_BANS (classifier/platform-bans.ts). */
  platformBans?: readonly PlatformBan[];
}

/**
 * Judge one ad: is it political advertising (Art. 3(2)), and which TTPA duties does it break.
 * Pure and deterministic: the same ad and context give the same verdict.
 */
export function classify(ad: AdInput, ctx: ClassifyContext): Verdict {
  const facts = gatherFacts(ad, ctx);
  // A line of Meta's Ad Library report: the report lists only ads about social issues, elections or politics.
  if (ad.record_kind === "advertiser-report") {
    facts.political = { ...facts.political, political: true, decision: "yes", score: Math.max(facts.political.score, 1),
      reasons: [...facts.political.reasons, "a line of the platform's political-ad library report (it lists only ads about social issues, elections or politics)"] };
  }
  const p = facts.political;
  const inEu = EU_EEA.has(ad.country.toUpperCase());
  const reasons = [...p.reasons];
  if (p.political && !facts.obligationsApply) reasons.push("TTPA labelling and notice duties apply to ads seen from 10 October 2025 (Art. 30(2)); this ad was seen earlier");
  if (p.political && !inEu) reasons.push(`country ${ad.country} is outside the EU/EEA: TTPA duties not checked`);
  // A repository entry or a bundle row carries no creative or label as shown: only the signals can be judged.
  const metadataOnly = ad.record_kind === "publisher-repository-ad" || ad.record_kind === "advertiser-report" || ad.metadata_only === true;
  if (p.political && metadataOnly) reasons.push("metadata record (a repository or bundle entry, not the ad as shown): label and notice duties not judged");
  const ocrNote = facts.ocr ? ocrReason(facts.ocr) : null;
  if (ocrNote) reasons.push(ocrNote);
  const findings = p.political
    ? RULE_CHECKS.filter((r) => (r.scope === "ttpa" ? facts.obligationsApply && inEu : inEu))
        .filter((r) => !metadataOnly || r.id.startsWith("platform.") || r.id.startsWith("ttpa.5-2"))
        .map((r) => r.check(facts))
        .filter((f) => f !== null)
    : [];
  return { id: ad.id, political: p.political, score: p.score, decision: p.decision, reasons, party: p.party, findings: noteOcr(findings, facts.ocr), ruleSet: RULE_SET_VERSION };
}

function gatherFacts(ad: AdInput, ctx: ClassifyContext): AdFacts {
  const actors = ctx.actors ?? defaultActorRegistry();
  const htmlText = ad.html ? htmlToText(ad.html) : "";
  const body = [ad.text ?? "", htmlText].filter((s) => s.length > 0).join("\n");
  const { label, pageLabel, labelText, ocr } = readLabel(ad, htmlText, body);
  const notice = readNotice(ad);
  const judge = (text: string, statement: boolean): PoliticalResult => assessPolitical({
    text,
    names: [ad.sponsor, ...pageNames(ad)].filter((n): n is string => typeof n === "string" && n.trim().length > 0),
    actors,
    selfDeclared: statement || notice?.isNotice === true,
    editorial: ad.editorial === true,
    commercialMarker: label.commercialMarkers.length > 0 && label.statement === null,
  });
  const contentText = [body, notice?.adMessage ?? ""].join("\n");
  const political = ocr ? politicalWithOcr(judge, contentText, ocr.text, pageLabel.statement !== null, label.statement !== null) : judge(contentText, label.statement !== null);
  const seenAt = seenDate(ad, ctx.now);
  return {
    ad, label, labelText, notice, political, actors, labelStyles: ctx.labelStyles, ocr,
    targetingUsed: targetingUsed(ad.targeting) || notice?.targetingUsed === true,
    electionLink: label.election ?? notice?.election ?? political.electionCue,
    seenAt,
    firstSeenAt: ad.first_seen ? new Date(ad.first_seen) : seenAt,
    elections: ctx.elections ?? NL_ELECTIONS,
    platformBans: ctx.platformBans ?? PLATFORM_BANS,
    repositoryRequired: ctx.repositoryLiveFrom !== undefined && seenAt.getTime() >= ctx.repositoryLiveFrom.getTime(),
    obligationsApply: seenAt.getTime() >= OBLIGATIONS_FROM.getTime(),
  };
}

// The label as captured (or the ad text), completed with the elements found only in the OCR text of the image.
function readLabel(ad: AdInput, htmlText: string, body: string): { label: LabelFacts; pageLabel: LabelFacts; labelText: string; ocr: OcrUse | null } {
  const labelGiven = typeof ad.label === "string" && ad.label.trim().length > 0;
  const pageLabel = detectLabel(labelGiven ? `${ad.label}\n${htmlText}` : body, ad.html ? extractHrefs(ad.html) : []);
  const ocrText = ocrTextOf(ad);
  if (!ocrText) return { label: pageLabel, pageLabel, labelText: labelGiven ? (ad.label as string) : body, ocr: null };
  const merged = mergeOcrLabel(pageLabel, detectLabel(ocrText));
  const labelText = [labelGiven ? (ad.label as string) : body, merged.used.length > 0 ? ocrText : ""].filter((t) => t).join("\n");
  return { label: merged.label, pageLabel, labelText, ocr: { text: ocrText, labelElements: merged.used } };
}

// The image text counts as ad content. When it changes the decision, the verdict says the decision rests on OCR.
function politicalWithOcr(judge: (text: string, statement: boolean) => PoliticalResult, content: string, ocr: string, pageStatement: boolean, statement: boolean): PoliticalResult {
  const withOcr = judge(`${content}\n${ocr}`, statement);
  const without = judge(content, pageStatement);
  if (without.decision !== withOcr.decision) {
    withOcr.reasons.push(`OCR: the decision "${withOcr.decision}" rests on text read by OCR from the ad image (the page text alone gives "${without.decision}")`);
  }
  return withOcr;
}

function readNotice(ad: AdInput): NoticeFacts | null {
  if (ad.notice == null) return null;
  if (typeof ad.notice === "string" && ad.notice.trim() === "") return null;
  const contentType = typeof ad.notice_content_type === "string" ? ad.notice_content_type : null;
  return parseNotice(ad.notice, contentType);
}

function pageNames(ad: AdInput): unknown[] {
  return [ad.page_name, ad.advertiser, ad.advertiser_name, ad.page];
}

// The latest sighting decides: an ad first seen before a deadline but still running after it is judged as running.
function seenDate(ad: AdInput, now: Date): Date {
  for (const s of [ad.last_seen, ad.first_seen]) {
    if (s) return new Date(s);
  }
  return now;
}

const NO_TARGETING = /^(none|geen|no|false|nee|n\/?a|keine?|aucun)$/i;

/** True when the ad's targeting data shows that targeting or ad-delivery techniques were used. */
export function targetingUsed(targeting: Record<string, unknown> | null | undefined): boolean {
  if (!targeting) return false;
  for (const key of ["used", "targeted", "targeting", "targeting_used"]) {
    const v = targeting[key];
    if (typeof v === "boolean") return v;
  }
  return Object.values(targeting).some(meaningful);
}

function meaningful(v: unknown): boolean {
  if (v === null || v === undefined || v === false) return false;
  if (typeof v === "string") return v.trim() !== "" && !NO_TARGETING.test(v.trim());
  if (Array.isArray(v)) return v.some(meaningful);
  if (typeof v === "object") return Object.values(v as Record<string, unknown>).some(meaningful);
  return true;
}
