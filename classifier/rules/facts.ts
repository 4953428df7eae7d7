import type { AdInput } from "../../common/ad-input.js";
import type { LabelStyle } from "../../common/capture.js";
import type { Finding, RuleInfo } from "../../common/verdict.js";
import type { ActorRegistry } from "../actors.js";
import type { Election } from "../elections.js";
import type { OcrUse } from "../ocr-evidence.js";
import type { PlatformBan } from "../platform-bans.js";
import type { LabelFacts } from "../label.js";
import type { NoticeFacts } from "../notice.js";
import type { PoliticalResult } from "../political.js";

/** Everything the rules judge, computed once per ad by classify(). */
export interface AdFacts {
  ad: AdInput;
  label: LabelFacts;
  /** The label text the rules quote (ad.label when captured, else the text searched). */
  labelText: string;
  notice: NoticeFacts | null;
  political: PoliticalResult;
  actors: ActorRegistry;
  labelStyles: readonly LabelStyle[] | undefined;
  /** Targeting or ad-delivery techniques were used, per the ad's targeting data or its notice. */
  targetingUsed: boolean;
  /** The election or process the ad is linked to, if any (label, notice or text cue). */
  electionLink: string | null;
  /** The OCR text of the ad image (AdInput `ocr_text`) and the label elements taken from it; null without OCR. */
  ocr: OcrUse | null;
  /** When the ad was seen (last_seen, else first_seen, else ctx.now). */
  seenAt: Date;
  /** When the ad was first seen (first_seen, else seenAt). */
  firstSeenAt: Date;
  /** Election calendar for the Art. 5(2) windows (ctx.elections, else the preloaded Dutch one). */
  elections: readonly Election[];
  /** Platform-ban table (ctx.platformBans, else classifier/platform-bans.ts). */
  platformBans: readonly PlatformBan[];
  /** The European repository is live at seenAt (ctx.repositoryLiveFrom): the notice must link to it (Art. 12(1)(i)). */
  repositoryRequired: boolean;
  /** True when the ad was seen, or is judged at a time, at or after 10 October 2025 (Art. 30(2)). */
  obligationsApply: boolean;
}

/** A rule: its metadata plus a pure check that returns a finding or null. */
export interface Rule extends RuleInfo {
  /** Rules under ttpa.* apply only to political ads under the Regulation's timing and territory. */
  scope: "ttpa" | "platform";
  check(facts: AdFacts): Finding | null;
}

/** Make a finding for a rule with its default severity unless overridden. */
export function finding(rule: RuleInfo, message: string, severity = rule.severity): Finding {
  return { rule: rule.id, severity, message };
}

/** Quote scraped text in a message: bounded, single line. */
export function quote(text: string, max = 80): string {
  const one = text.replace(/\s+/g, " ").trim();
  return `"${one.length > max ? `${one.slice(0, max - 1)}…` : one}"`;
}

/** The ad carries no notice, no notice link and no pointer to one (Art. 11(1)(e)); shared by two rules. */
export function noticeAbsent(f: AdFacts): boolean {
  return !f.ad.notice_url && f.ad.notice == null && f.label.noticePointer === null;
}
