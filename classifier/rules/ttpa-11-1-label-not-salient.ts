import type { LabelStyle } from "../../common/capture.js";
import { detectLabel } from "../label.js";
import { type Rule, finding, quote } from "./facts.js";

/** Minimum font size and WCAG contrast polad accepts for a salient label (no official threshold exists). */
export const MIN_FONT_PX = 9;
export const MIN_CONTRAST = 3;

/** Why a rendered label is not salient; empty when it is. */
export function salienceProblems(s: LabelStyle): string[] {
  const problems: string[] = [];
  if (!s.visible) problems.push("it is hidden");
  if (s.behindInteraction) problems.push("it only appears after a click or hover");
  if (!s.insideAd) problems.push("it sits outside the ad");
  if (s.fontSizePx !== null && s.fontSizePx < MIN_FONT_PX) problems.push(`its text is tiny (${s.fontSizePx}px, under ${MIN_FONT_PX}px)`);
  if (s.contrast !== null && s.contrast < MIN_CONTRAST) problems.push(`its contrast is low (${s.contrast.toFixed(1)}:1, under ${MIN_CONTRAST}:1)`);
  return problems;
}

/** Art. 11(1) chapeau: the label must be clear, salient and unambiguous. */
export const labelNotSalient: Rule = {
  id: "ttpa.11-1.label-not-salient",
  article: "Art. 11(1) Regulation (EU) 2024/900",
  title: "Political-ad label is not clear and salient",
  severity: "low",
  description: "The label must be shown with the ad in a clear, salient way: not hidden, not behind a click or hover, not outside the ad, not in tiny (<9px) or low-contrast (<3:1) text. High when it is only reachable by interaction.",
  scope: "ttpa",
  check(f) {
    if (!f.label.statement || !f.labelStyles || f.labelStyles.length === 0) return null;
    const candidates = f.labelStyles.filter((s) => detectLabel(s.text).statement !== null);
    if (candidates.length === 0 || candidates.some((s) => salienceProblems(s).length === 0)) return null;
    const worst = candidates[0] as LabelStyle;
    const problems = salienceProblems(worst);
    const severity = problems.some((p) => p.includes("click")) || !worst.visible ? "high" : this.severity;
    return finding(this, `Art. 11(1): the label ${quote(worst.text, 60)} is not clear and salient: ${problems.join(", ")}.`, severity);
  },
};
