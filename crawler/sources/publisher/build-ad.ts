import { defaultActorRegistry } from "../../../classifier/actors.js";
import { assessPolitical } from "../../../classifier/political.js";
import type { AdInput } from "../../../common/ad-input.js";
import type { LabelStyle } from "../../../common/capture.js";
import { sha256 } from "../../../common/hash.js";
import type { ElementEvidence } from "../../evidence.js";
import { NOTICE_LINK_HREF, NOTICE_LINK_TEXT, POLITICAL_HINT, POLITICAL_LABEL, SPONSOR_PATTERNS } from "./selectors.js";

const norm = (s: string) => s.normalize("NFKC").replace(/\s+/g, " ").trim();

/** True when the slot shows nothing (an unfilled GPT div, a collapsed frame): no ad to record. */
export function isEmptySlot(ev: ElementEvidence): boolean {
  return norm(ev.text) === "" && ev.images.length === 0 && ev.frameTexts.every((t) => norm(t) === "");
}

/** The label that matters: a political one if any, else the first marker. */
export function pickLabel(labels: LabelStyle[]): LabelStyle | null {
  return labels.find((l) => POLITICAL_LABEL.test(l.text)) ?? labels[0] ?? null;
}

/** Sponsor named in the label or the ad ("Betaald door VVD", "Paid for by …"), or null. */
export function extractSponsor(texts: string[]): string | null {
  for (const t of texts) {
    for (const re of SPONSOR_PATTERNS) {
      const m = re.exec(norm(t));
      const name = m?.[1]?.replace(/[.,;:\s]+$/, "").trim();
      if (name) return name.slice(0, 200);
    }
  }
  return null;
}

/** The link to the ad's transparency notice, by text first, then by address. */
export function findNoticeLink(ev: ElementEvidence): string | null {
  const byText = ev.links.find((l) => NOTICE_LINK_TEXT.test(l.text));
  const byHref = ev.links.find((l) => NOTICE_LINK_HREF.test(l.href));
  return (byText ?? byHref)?.href ?? null;
}

/**
 * Turns slot evidence into an AdInput. The id is a stable hash of the site and the creative (text
 * and landing path), so the same creative in another slot or on another page is one ad.
 */
export function buildAd(ev: ElementEvidence, o: { pageUrl: string; siteName?: string | null }): AdInput {
  const site = new URL(o.pageUrl).host;
  const noticeUrl = findNoticeLink(ev);
  const landing = ev.links.find((l) => l.href !== noticeUrl);
  const landingKey = landing && URL.canParse(landing.href) ? new URL(landing.href).pathname + new URL(landing.href).search : "";
  const creative = norm(ev.text) || ev.images.join(" ");
  const label = pickLabel(ev.labels);
  return {
    id: `pub-${sha256(`${site}\u0000${creative}\u0000${landingKey}`).slice(0, 32)}`,
    source: "publisher",
    publisher: site,
    site_name: o.siteName ?? null,
    sponsor: extractSponsor([...ev.labels.map((l) => l.text), ev.text]),
    text: ev.text.slice(0, 200_000),
    html: ev.html,
    label: label?.text ?? null,
    notice_url: noticeUrl,
    country: "NL",
    slot_kind: ev.kind,
  };
}

/**
 * Whether an ad can become a finding, so that it needs a screenshot and its label's rendered style:
 * it looks political (words in its text, labels or links, or the classifier's own Art. 3(2) decision
 * with the built-in actor registry is "yes"; a "review" ad without such words is recorded without a
 * screenshot unless every screenshot was asked for), or it is a picture with little text (a label
 * drawn in the image needs the screenshot for OCR). An ad read from HTML alone that needs this is
 * rendered; on a rendered page, only such ads are screenshotted unless every screenshot was asked for.
 */
export function needsRendering(ev: ElementEvidence): boolean {
  const texts = [ev.text, ...ev.labels.map((l) => l.text), ...ev.links.map((l) => `${l.text} ${l.href}`)];
  if (texts.some((t) => POLITICAL_HINT.test(norm(t)))) return true;
  if (ev.images.length > 0 && norm(ev.text).length < 40) return true;
  const sponsor = extractSponsor([...ev.labels.map((l) => l.text), ev.text]);
  const label = pickLabel(ev.labels);
  const political = assessPolitical({ text: ev.text, names: sponsor ? [sponsor] : [], actors: defaultActorRegistry(), selfDeclared: !!label && POLITICAL_LABEL.test(label.text), editorial: false });
  return political.decision === "yes";
}
