import { EMPTY_VALUE, EU_REPOSITORY_URL, FIELD_LABELS, NOTICE_TITLE, NOT_APPLICABLE, OUTSIDE_EU, type NoticeElement } from "./notice-lexicon.js";
import { isPolitiekeReclameStatement, parsePolitiekeReclame } from "./notice-politiekereclame.js";
import { foldSameLength, foldText, htmlToText, looksLikeHtml } from "./normalize.js";

export type { NoticeElement } from "./notice-lexicon.js";

/** The Art. 12(1) elements found in a transparency notice; null where absent or "n.v.t.". */
export interface NoticeFacts {
  format: "politiekereclame" | "json" | "html" | "text" | "pdf";
  /** False when the document does not look like a transparency notice at all (a homepage, a login wall). */
  isNotice: boolean;
  title: string | null;
  sponsor: string | null;
  sponsorEmail: string | null;
  sponsorAddress: string | null;
  controller: string | null;
  payer: string | null;
  period: { start: string | null; end: string | null } | null;
  amounts: string | null;
  origin: string | null;
  originOutsideEu: boolean;
  method: string | null;
  election: string | null;
  targeting: string | null;
  /** True/false when the notice says whether targeting was used; null when it is silent. */
  targetingUsed: boolean | null;
  /** The ad message, when the notice carries it (politiekereclame.nl `reclame_boodschap`). */
  adMessage: string | null;
  /** The notice's own id where it has one (politiekereclame.nl `public_id`), to tell it apart from another campaign's. */
  publicId: string | null;
  /** A link into the European repository (Art. 12(1)(i)), when the notice gives one. */
  repositoryLink: string | null;
  /** Elements the notice answers with "n.v.t." / "not applicable" (judged by the rules: only some may be). */
  notApplicable: NoticeElement[];
  /** Why the document could not be read at all (a PDF that was never turned into text), else null. */
  unreadable: string | null;
  /** The elements present, in a fixed order. */
  found: NoticeElement[];
}

const MAX_INPUT = 2_000_000;
const EMAIL = /[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,200}\.[A-Za-z]{2,}/;
// Bounded and anchored at the start of a number run: an unbounded `\d[\d.,]*` retried at every digit of a
// 2 MB run of digits is quadratic (hours on a hostile notice).
const MONEY = /(€|\beur\b|\beuro\b|\busd\b|\$)\s?\d|(?<![\d.,])\d[\d.,]{0,40}\s?(€|\beur\b|\beuro\b)/i;
const DATE = /\b(\d{4}-\d{2}-\d{2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|\d{1,2} (jan|feb|maa|mrt|apr|mei|may|jun|jul|aug|sep|okt|oct|nov|dec)\p{L}* \d{4})\b/giu;
const POSTCODE = /\b\d{4} ?[A-Z]{2}\b|\b\d{5} [A-ZÄÖÜ][a-zäöüß]+/;
const LABELS = Object.entries(FIELD_LABELS).map(([element, list]) => ({
  element: element as Exclude<NoticeElement, "sponsorContact">,
  re: new RegExp(`^\\s*(?:\\d+[.)]\\s*)?(?:${list.join("|")})(?:\\s+(?:name|naam|naam organisatie|organisatie|organisation))?(?![\\p{L}\\p{N}])\\s*(?:\\([^)]{0,40}\\))?\\s*[:\\-–]?\\s*`, "u"),
}));
const ORDER: NoticeElement[] = ["sponsor", "sponsorContact", "sponsorAddress", "controller", "payer", "period", "amounts", "origin", "method", "election", "targeting", "notification", "repository"];

/**
 * Read the Art. 12(1) elements from a notice: a politiekereclame.nl statement (object or JSON text), other JSON,
 * an HTML page, plain text with labelled fields in Dutch, English, German or French, or the text of a PDF notice
 * (content type application/pdf: the crawler extracts the text at capture time, see crawler/pdf-text.ts).
 * Pure; input is bounded.
 */
export function parseNotice(notice: string | Record<string, unknown>, contentType?: string | null): NoticeFacts {
  const facts = typeof notice === "string" ? parseString(notice.slice(0, MAX_INPUT), contentType ?? null) : parseObject(notice);
  facts.found = ORDER.filter((e) => elementPresent(facts, e));
  return facts;
}

function parseString(body: string, contentType: string | null): NoticeFacts {
  const trimmed = body.trim();
  if (/pdf/i.test(contentType ?? "") || trimmed.startsWith("%PDF-")) {
    if (!trimmed.startsWith("%PDF-")) return parseText(trimmed, "pdf");
    return { ...emptyFacts("pdf"), unreadable: "a PDF whose text was not extracted at capture time" };
  }
  if (/json/i.test(contentType ?? "") || /^[[{]/.test(trimmed)) {
    const parsed = tryJson(trimmed);
    if (parsed !== undefined) return parseObject(parsed);
  }
  const isHtml = /html/i.test(contentType ?? "") || looksLikeHtml(trimmed);
  return parseText(isHtml ? htmlToText(trimmed) : trimmed, isHtml ? "html" : "text");
}

// A body that says it is JSON but does not parse is read as text instead: the field labels may still be there.
function tryJson(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    if (Array.isArray(value) && typeof value[0] === "object" && value[0] !== null) return value[0] as Record<string, unknown>;
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function parseObject(obj: Record<string, unknown>): NoticeFacts {
  if (isPolitiekeReclameStatement(obj)) return parsePolitiekeReclame(obj);
  const inner = ["data", "statement", "notice", "item"].map((k) => obj[k]).find((v) => typeof v === "object" && v !== null && !Array.isArray(v));
  if (inner && isPolitiekeReclameStatement(inner as Record<string, unknown>)) return parsePolitiekeReclame(inner as Record<string, unknown>);
  return { ...parseText(flatten(obj).join("\n"), "text"), format: "json" };
}

// JSON keys become label text: "sponsorName" → "sponsor name", "payer.email" → "payer email".
function flatten(value: unknown, prefix = "", out: string[] = [], depth = 0): string[] {
  if (out.length > 2000 || depth > 6) return out;
  if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const key = k.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/[_.-]+/g, " ").toLowerCase();
      flatten(v, prefix && !/^\d+$/.test(key) ? `${prefix} ${key}` : prefix || key, out, depth + 1);
    }
  } else if (value !== undefined && value !== null) {
    out.push(`${prefix}: ${String(value).slice(0, 2000)}`);
  }
  return out;
}

function emptyFacts(format: NoticeFacts["format"]): NoticeFacts {
  return {
    format, isNotice: false, title: null, sponsor: null, sponsorEmail: null, sponsorAddress: null, controller: null, payer: null,
    period: null, amounts: null, origin: null, originOutsideEu: false, method: null, election: null, targeting: null,
    targetingUsed: null, adMessage: null, publicId: null, repositoryLink: null, notApplicable: [], unreadable: null, found: [],
  };
}

function parseText(text: string, format: NoticeFacts["format"]): NoticeFacts {
  const facts = emptyFacts(format);
  const values = labelledValues(text.split(/\r?\n/).slice(0, 5000), facts.notApplicable);
  const first = (e: NoticeElement): string | null => values.get(e)?.[0] ?? null;
  facts.title = text.split("\n").find((l) => NOTICE_TITLE.test(foldText(l)))?.slice(0, 200) ?? null;
  facts.sponsor = first("sponsor");
  facts.sponsorEmail = EMAIL.exec(text)?.[0] ?? null;
  facts.sponsorAddress = first("sponsorAddress") ?? POSTCODE.exec(text)?.[0] ?? null;
  facts.controller = first("controller");
  facts.payer = first("payer");
  const dates = [...(values.get("period") ?? []).join(" ").matchAll(DATE)].map((m) => m[0]);
  facts.period = dates.length > 0 || values.has("period") ? { start: dates[0] ?? null, end: dates[1] ?? null } : null;
  facts.amounts = (values.get("amounts") ?? []).find((v) => /\d/.test(v)) ?? MONEY.exec(text)?.[0] ?? null;
  facts.origin = first("origin");
  facts.originOutsideEu = OUTSIDE_EU.test(foldText(facts.origin ?? ""));
  facts.method = first("method");
  facts.election = first("election");
  facts.targeting = first("targeting");
  facts.targetingUsed = facts.targeting === null ? null : !/^(geen|nee|no|none|keine?|nein|aucun|non)\b/i.test(foldText(facts.targeting));
  facts.repositoryLink = EU_REPOSITORY_URL.exec(text)?.[0] ?? null;
  facts.isNotice = looksLikeNotice(facts, values, facts.title !== null);
  return facts;
}

function labelledValues(lines: readonly string[], notApplicable: NoticeElement[]): Map<NoticeElement, string[]> {
  const out = new Map<NoticeElement, string[]>();
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? "").slice(0, 4000);
    const folded = foldSameLength(line);
    for (const { element, re } of LABELS) {
      const m = re.exec(folded);
      if (!m) continue;
      const inline = line.slice(m[0].length).trim();
      const value = inline || (lines[i + 1] ?? "").trim();
      // A next line that is itself a short field label means this label has no value.
      const nextIsLabel = !inline && value.length < 40 && LABELS.some((l) => l.re.test(foldSameLength(value)));
      if (value && !EMPTY_VALUE.test(value) && !nextIsLabel) {
        out.set(element, [...(out.get(element) ?? []), value.slice(0, 500)]);
      } else if (!out.has(element)) {
        out.set(element, []);
      }
      if (!nextIsLabel && NOT_APPLICABLE.test(value) && !notApplicable.includes(element)) notApplicable.push(element);
      break;
    }
  }
  for (const [k, v] of out) if (v.length === 0 && k !== "period") out.delete(k);
  return out;
}

const CORE: NoticeElement[] = ["sponsor", "controller", "payer", "period", "amounts", "origin", "method", "election", "targeting"];

function looksLikeNotice(facts: NoticeFacts, values: Map<NoticeElement, string[]>, titled: boolean): boolean {
  const core = CORE.filter((e) => values.has(e)).length;
  return core >= 3 || (titled && core >= 2) || (titled && facts.sponsorEmail !== null && core >= 1);
}

function elementPresent(f: NoticeFacts, e: NoticeElement): boolean {
  switch (e) {
    case "sponsorContact": return f.sponsorEmail !== null;
    case "period": return f.period !== null && (f.period.start !== null || f.period.end !== null);
    case "targeting": return f.targeting !== null;
    case "notification": return false;
    case "repository": return f.repositoryLink !== null;
    default: return f[e] !== null;
  }
}
