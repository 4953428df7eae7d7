import type { Finding } from "../common/verdict.js";
import type { LabelFacts } from "./label.js";

/** Label elements polad can take from the OCR text of the ad image. */
export type OcrLabelElement = "statement" | "sponsor" | "election" | "targeting" | "noticePointer";

const ELEMENTS: readonly OcrLabelElement[] = ["statement", "sponsor", "election", "targeting", "noticePointer"];
const NAMES: Record<OcrLabelElement, string> = {
  statement: "the political-ad statement (a)", sponsor: "the sponsor (b)", election: "the election (c)",
  targeting: "the targeting statement (d)", noticePointer: "the notice pointer (e)",
};

/** What OCR added: the text (bounded) and the label elements found only in the image. */
export interface OcrUse {
  text: string;
  labelElements: OcrLabelElement[];
}

/** The OCR text the crawler stored with the ad (AdInput field `ocr_text`), bounded; empty when there is none. */
export function ocrTextOf(ad: Record<string, unknown>): string {
  const t = ad.ocr_text;
  return typeof t === "string" ? t.slice(0, 20_000).trim() : "";
}

/** Fill the label elements the page text lacks with those read from the image, and say which came from OCR. */
export function mergeOcrLabel(dom: LabelFacts, ocr: LabelFacts): { label: LabelFacts; used: OcrLabelElement[] } {
  const label: LabelFacts = { ...dom, commercialMarkers: [...new Set([...dom.commercialMarkers, ...ocr.commercialMarkers])] };
  const used: OcrLabelElement[] = [];
  for (const e of ELEMENTS) {
    if (dom[e] !== null || ocr[e] === null) continue;
    used.push(e);
    if (e === "statement") {
      label.statement = ocr.statement;
      label.statementLang = ocr.statementLang;
    } else if (e === "targeting") {
      label.targeting = ocr.targeting;
    } else {
      label[e] = ocr[e];
    }
  }
  return { label, used };
}

/** The verdict reason naming the label elements that were read only from the ad image. */
export function ocrReason(use: OcrUse): string | null {
  if (use.labelElements.length === 0) return null;
  return `OCR: ${use.labelElements.map((e) => NAMES[e]).join(", ")} read by OCR from the ad image, not from the page text; OCR can misread`;
}

const LABEL_RULE = /^ttpa\.11-1|^ttpa\.12\.sponsor-mismatch$/;

/** Label findings made while OCR text was available say so: the image was read too, and what came from it. */
export function noteOcr(findings: Finding[], use: OcrUse | null): Finding[] {
  if (!use) return findings;
  const from = use.labelElements.length > 0 ? ` (${use.labelElements.map((e) => NAMES[e]).join(", ")} came from OCR)` : "";
  return findings.map((f) => (LABEL_RULE.test(f.rule) ? { ...f, message: `${f.message} The text inside the ad image was read by OCR too${from}.` } : f));
}
